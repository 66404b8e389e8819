package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.LocalVolume;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdk8s.plus28.k8s.NfsVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataPipelineStorageTest {
    private static final String VOLUME_ID = "vol-0123456789abcdef0";
    private static final String ERR = "DataPipelineStorage 'features': ";

    /** The one-line storage: a name, a size and an existing gp3 volume. */
    private static DataPipelineStorageProps.Builder minimal() {
        return DataPipelineStorageProps.builder().name("features").size("100Gi")
                .volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a"));
    }

    private static Manifests synth(String chartNamespace, DataPipelineStorageProps.Builder props) {
        return Manifests.synth(chartNamespace, chart -> new DataPipelineStorage(chart, "storage", props.build()));
    }

    private static DataPipelineStorage build(String chartNamespace, DataPipelineStorageProps.Builder props) {
        return new DataPipelineStorage(Manifests.chart(chartNamespace), "storage", props.build());
    }

    private static DataPipelineStorage build(DataPipelineStorageProps.Builder props) {
        return build(null, props);
    }

    /** A shared file system backend (as NFS or EFS would be): the only kind that gives ReadWriteMany. */
    private record SharedFileSystem() implements StorageBackend, PreProvisionedVolume {
        @Override
        public String provisioner() {
            return "nfs.csi.k8s.io";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Set<AccessMode> accessModes() {
            return Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_MANY, AccessMode.READ_ONLY_MANY);
        }

        @Override
        public boolean supportsExpansion() {
            return false;
        }

        @Override
        public boolean isNodeLocal() {
            return false;
        }

        @Override
        public String displayName() {
            return "NFS";
        }

        @Override
        public void applyTo(PersistentVolumeSpec.Builder spec) {
            spec.nfs(NfsVolumeSource.builder().server("nfs.internal").path("/exports/features").build());
        }

        @Override
        public String handle() {
            return "nfs.internal:/exports/features";
        }
    }

    private static DataPipelineStorageProps.Builder onSharedFileSystem() {
        SharedFileSystem nfs = new SharedFileSystem();
        return minimal().storageClass(StorageClassSpec.builder().name("nfs").backend(nfs).build()).volume(nfs);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // one synth for all the read-only checks
    class Defaults {
        private final Manifests m = synth(null, minimal());

        @Test
        void makesAClassAVolumeAndAClaim() {
            assertEquals(List.of("StorageClass", "PersistentVolume", "PersistentVolumeClaim"), m.kinds());
        }

        @Test
        void theClassIsEncryptedGp3OnTheCsiDriverRetainedAndBoundAtFirstUse() {
            Map<String, Object> sc = m.one("StorageClass");
            assertEquals("features", Manifests.at(sc, "metadata.name"));
            assertEquals("ebs.csi.aws.com", sc.get("provisioner"));
            assertEquals(Map.of("type", "gp3", "encrypted", "true", "csi.storage.k8s.io/fstype", "ext4"), sc.get("parameters"));
            assertEquals("Retain", sc.get("reclaimPolicy"));
            assertEquals("WaitForFirstConsumer", sc.get("volumeBindingMode"));
            assertEquals(true, sc.get("allowVolumeExpansion"));
        }

        @Test
        void theVolumeIsTheExistingEbsVolumeInItsZone() {
            Map<String, Object> pv = m.one("PersistentVolume");
            assertEquals("default-features", Manifests.at(pv, "metadata.name"));
            assertEquals(Map.of("storage", "100Gi"), Manifests.at(pv, "spec.capacity"));
            assertEquals(List.of("ReadWriteOnce"), Manifests.at(pv, "spec.accessModes"));
            assertEquals("Filesystem", Manifests.at(pv, "spec.volumeMode"));
            assertEquals("Retain", Manifests.at(pv, "spec.persistentVolumeReclaimPolicy"));
            assertEquals("features", Manifests.at(pv, "spec.storageClassName"));
            assertEquals(Map.of("driver", "ebs.csi.aws.com", "volumeHandle", VOLUME_ID, "fsType", "ext4"), Manifests.at(pv, "spec.csi"));
            assertEquals(Map.of("required", Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(
                            Map.of("key", "topology.kubernetes.io/zone", "operator", "In", "values", List.of("us-east-1a"))))))),
                    Manifests.at(pv, "spec.nodeAffinity"));
        }

        @Test
        void volumeAndClaimAreBoundToEachOtherFromBothSides() {
            assertEquals(Map.of("apiVersion", "v1", "kind", "PersistentVolumeClaim", "namespace", "default", "name", "features"),
                    m.at("PersistentVolume", "spec.claimRef"));
            assertEquals("default-features", m.at("PersistentVolumeClaim", "spec.volumeName"));
            assertEquals(m.at("PersistentVolume", "metadata.name"), m.at("PersistentVolumeClaim", "spec.volumeName"));
            assertEquals(m.at("PersistentVolumeClaim", "metadata.name"), m.at("PersistentVolume", "spec.claimRef.name"));
            assertEquals(m.at("PersistentVolumeClaim", "metadata.namespace"), m.at("PersistentVolume", "spec.claimRef.namespace"));
        }

        @Test
        void theClaimAsksForTheWholeVolumeInTheDefaultNamespace() {
            Map<String, Object> pvc = m.one("PersistentVolumeClaim");
            assertEquals("features", Manifests.at(pvc, "metadata.name"));
            assertEquals("default", Manifests.at(pvc, "metadata.namespace"));
            assertEquals(Map.of(
                    "accessModes", List.of("ReadWriteOnce"),
                    "volumeMode", "Filesystem",
                    "storageClassName", "features",
                    "volumeName", "default-features",
                    "resources", Map.of("requests", Map.of("storage", "100Gi"))), pvc.get("spec"));
        }

        @Test
        void labelsVolumeAndClaimAsPipelineStorage() {
            Map<String, String> labels = Map.of("app.kubernetes.io/name", "features", "app.kubernetes.io/managed-by", "cdk8s",
                    "app.kubernetes.io/component", "pipeline-storage");
            assertEquals(labels, m.at("PersistentVolume", "metadata.labels"));
            assertEquals(labels, m.at("PersistentVolumeClaim", "metadata.labels"));
        }
    }

    @Nested
    class Options {
        @Test
        void theChartsNamespaceNamesTheVolumeAndTheClaimRef() {
            Manifests m = synth("ml", minimal());
            assertEquals("ml-features", m.at("PersistentVolume", "metadata.name"));
            assertEquals("ml", m.at("PersistentVolume", "spec.claimRef.namespace"));
            assertEquals("ml", m.at("PersistentVolumeClaim", "metadata.namespace"));
            assertEquals("ml-features", m.at("PersistentVolumeClaim", "spec.volumeName"));
        }

        @Test
        void theNamespacePropWinsOverTheChartsNamespace() {
            Manifests m = synth("ml", minimal().namespace("etl"));
            assertEquals("etl-features", m.at("PersistentVolume", "metadata.name"));
            assertEquals("etl", m.at("PersistentVolume", "spec.claimRef.namespace"));
            assertEquals("etl", m.at("PersistentVolumeClaim", "metadata.namespace"));
        }

        @Test
        void ownNamesAreUsedOnBothSidesOfTheBinding() {
            Manifests m = synth(null, minimal().claimName("raw-features").persistentVolumeName("pv.features.2024"));
            assertEquals("pv.features.2024", m.at("PersistentVolume", "metadata.name"));
            assertEquals("raw-features", m.at("PersistentVolume", "spec.claimRef.name"));
            assertEquals("raw-features", m.at("PersistentVolumeClaim", "metadata.name"));
            assertEquals("pv.features.2024", m.at("PersistentVolumeClaim", "spec.volumeName"));
        }

        @Test
        void ownStorageClass() {
            Manifests m = synth(null, minimal().storageClass(StorageClassSpec.builder().name("scratch-gp3").backend(AwsEbs.gp3())
                    .reclaimPolicy(ReclaimPolicy.DELETE).build()));
            assertEquals("scratch-gp3", m.at("StorageClass", "metadata.name"));
            assertEquals("Delete", m.at("StorageClass", "reclaimPolicy"));
            assertEquals("Delete", m.at("PersistentVolume", "spec.persistentVolumeReclaimPolicy"));
            assertEquals("scratch-gp3", m.at("PersistentVolume", "spec.storageClassName"));
            assertEquals("scratch-gp3", m.at("PersistentVolumeClaim", "spec.storageClassName"));
        }

        @Test
        void aBlockVolume() {
            Manifests m = synth(null, minimal().volumeMode(VolumeMode.BLOCK).accessModes(List.of(AccessMode.READ_WRITE_ONCE_POD)));
            assertEquals("Block", m.at("PersistentVolume", "spec.volumeMode"));
            assertEquals("Block", m.at("PersistentVolumeClaim", "spec.volumeMode"));
            assertEquals(List.of("ReadWriteOncePod"), m.at("PersistentVolumeClaim", "spec.accessModes"));
        }

        @Test
        void aLegacyInTreeVolume() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            Manifests m = synth(null, minimal().storageClass(StorageClassSpec.builder().name("features").backend(inTree).build())
                    .volume(inTree.existingVolume(VOLUME_ID, "us-east-1a")));
            assertEquals("kubernetes.io/aws-ebs", m.at("StorageClass", "provisioner"));
            assertEquals(Map.of("volumeID", VOLUME_ID, "fsType", "ext4"), m.at("PersistentVolume", "spec.awsElasticBlockStore"));
            assertNull(m.at("PersistentVolume", "spec.csi"));
        }

        @Test
        void aLocalDiskOnOneNode() {
            Manifests m = synth(null, minimal()
                    .storageClass(StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).build())
                    .volume(LocalVolume.on("gpu-node-1", "/mnt/nvme0")));
            assertEquals("kubernetes.io/no-provisioner", m.at("StorageClass", "provisioner"));
            assertEquals(Map.of("path", "/mnt/nvme0"), m.at("PersistentVolume", "spec.local"));
            assertEquals(List.of(Map.of("key", "kubernetes.io/hostname", "operator", "In", "values", List.of("gpu-node-1"))),
                    m.at("PersistentVolume", "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions"));
        }

        @Test
        void readWriteManyOnASharedFileSystem() {
            Manifests m = synth(null, onSharedFileSystem().accessModes(List.of(AccessMode.READ_WRITE_MANY)));
            assertEquals(List.of("ReadWriteMany"), m.at("PersistentVolumeClaim", "spec.accessModes"));
            assertEquals(Map.of("server", "nfs.internal", "path", "/exports/features"), m.at("PersistentVolume", "spec.nfs"));
        }

        @Test
        void partOfLabel() {
            assertEquals("lakehouse", synth(null, minimal().partOf("lakehouse"))
                    .at("PersistentVolumeClaim", "metadata.labels['app.kubernetes.io/part-of']"));
        }

        @Test
        void gettersAndOutputs() {
            DataPipelineStorage storage = build("ml", minimal());
            assertEquals("features", storage.getClaimName());
            assertEquals("ml-features", storage.getPersistentVolumeName());
            assertEquals("features", storage.getStorageClassName());
            assertNotNull(storage.getStorageClass());
            assertNotNull(storage.getPersistentVolume());
            assertNotNull(storage.getClaim());
            assertEquals("features", storage.outputName());
            assertEquals(Map.of(
                    "kind", "DataPipelineStorage",
                    "namespace", "ml",
                    "claim", "features",
                    "persistentVolume", "ml-features",
                    "storageClass", "features"), storage.outputs());
            assertEquals(List.of("kind", "namespace", "claim", "persistentVolume", "storageClass"),
                    List.copyOf(storage.outputs().keySet()));
        }
    }

    @Nested
    class InvalidProps {
        @ParameterizedTest
        @ValueSource(strings = {"10GB", "-1Gi", "0Gi"})
        void aSizeThatIsNotAPositiveQuantity(String size) {
            assertInvalid(ERR + "prop 'size' is '" + size + "'; allowed: " + Messages.SIZE, () -> build(minimal().size(size)));
        }

        @Test
        void aMissingSize() {
            assertInvalid(ERR + "prop 'size' is missing; allowed: " + Messages.SIZE, () -> build(minimal().size(null)));
        }

        @Test
        void aNameThatIsNotADnsLabel() {
            assertInvalid("DataPipelineStorage 'Vector_DB': prop 'name' is 'Vector_DB'; allowed: " + Messages.DNS_LABEL,
                    () -> build(minimal().name("Vector_DB")));
        }

        @Test
        void aMissingNameIsReportedWithTheConstructId() {
            assertInvalid("DataPipelineStorage 'storage': prop 'name' is missing; allowed: " + Messages.DNS_LABEL,
                    () -> build(minimal().name(null)));
        }

        @Test
        void aNamespaceThatIsNotADnsLabel() {
            assertInvalid(ERR + "prop 'namespace' is 'ETL'; allowed: " + Messages.DNS_LABEL, () -> build(minimal().namespace("ETL")));
        }

        @Test
        void aMissingVolume() {
            assertInvalid(ERR + "prop 'volume' is missing; allowed: an existing volume, "
                    + "e.g. AwsEbs.gp3().existingVolume(\"vol-0123456789abcdef0\", \"us-east-1a\")", () -> build(minimal().volume(null)));
        }

        @Test
        void noAccessMode() {
            assertInvalid(ERR + "prop 'accessModes' is missing; allowed: one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, "
                    + "ReadWriteOncePod", () -> build(minimal().accessModes(List.of())));
        }

        @Test
        void readWriteManyOnAnEbsClass() {
            assertInvalid(ERR + "prop 'accessModes' is 'ReadWriteMany'; allowed: what AWS EBS gp3 (ebs.csi.aws.com) can give: "
                    + "[ReadWriteOnce, ReadWriteOncePod]", () -> build(minimal().accessModes(List.of(AccessMode.READ_WRITE_MANY))));
        }

        @Test
        void readWriteManyOnABlockVolume() {
            assertInvalid(ERR + "prop 'accessModes' is 'ReadWriteMany'; allowed: ReadWriteOnce or ReadWriteOncePod on a Block volume",
                    () -> build(onSharedFileSystem().volumeMode(VolumeMode.BLOCK).accessModes(List.of(AccessMode.READ_WRITE_MANY))));
        }

        @Test
        void aVolumeOfAnotherProvisioner() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            assertInvalid(ERR + "prop 'volume' is '" + VOLUME_ID + "'; allowed: a volume of the StorageClass backend "
                            + "AWS EBS gp3 (ebs.csi.aws.com) (this one belongs to kubernetes.io/aws-ebs)",
                    () -> build(minimal().volume(inTree.existingVolume(VOLUME_ID, "us-east-1a"))));
        }

        @Test
        void aLocalVolumeOnAnEbsClass() {
            assertInvalid(ERR + "prop 'volume' is 'gpu-node-1:/mnt/nvme0'; allowed: a volume of the StorageClass backend "
                            + "AWS EBS gp3 (ebs.csi.aws.com) (this one belongs to kubernetes.io/no-provisioner)",
                    () -> build(minimal().volume(LocalVolume.on("gpu-node-1", "/mnt/nvme0"))));
        }

        @Test
        void aClaimNameThatIsNotADnsSubdomain() {
            assertInvalid(ERR + "prop 'claimName' is 'Raw_Features'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> build(minimal().claimName("Raw_Features")));
        }

        @Test
        void aVolumeNameThatIsNotADnsSubdomain() {
            assertInvalid(ERR + "prop 'persistentVolumeName' is 'PV_1'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> build(minimal().persistentVolumeName("PV_1")));
        }
    }
}
