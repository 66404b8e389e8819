package dev.statefulai.constructs.pipeline;

import dev.statefulai.facts.drivers.SelfHostedDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.ConstructUnderTest;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.storage.AzureDisk;
import dev.statefulai.constructs.storage.GcePd;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.LocalVolume;
import dev.statefulai.constructs.storage.NfsCsi;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdk8s.plus28.k8s.NfsVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataPipelineStorageTest {
    private static final String VOLUME_ID = "vol-0123456789abcdef0";
    private static final String ERR = "DataPipelineStorage 'features': ";

    /** The one-line storage: a name and one volume of that name, an existing gp3 volume. */
    private static DataPipelineStorageProps.Builder minimal() {
        return storage(features());
    }

    /** The storage "features" of the one volume {@code volume}. */
    private static DataPipelineStorageProps.Builder storage(PipelineVolume.Builder volume) {
        return DataPipelineStorageProps.builder().name("features").volumes(volume.build());
    }

    /** The volume "features": 100Gi on an existing gp3 volume. */
    private static PipelineVolume.Builder features() {
        return PipelineVolume.builder().name("features").size("100Gi").volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a"));
    }

    private static final ConstructUnderTest<DataPipelineStorageProps.Builder, DataPipelineStorage> STORAGE =
            new ConstructUnderTest<>((chart, props) -> new DataPipelineStorage(chart, "storage", props.build()));

    /** The one volume and the one claim name each other: the volume's claimRef the claim, the claim's volumeName the volume. */
    private static void assertBound(Manifests m, String volume, String claim, String namespace) {
        assertEquals(volume, m.at("PersistentVolume", "metadata.name"));
        assertEquals(claim, m.at("PersistentVolume", "spec.claimRef.name"));
        assertEquals(namespace, m.at("PersistentVolume", "spec.claimRef.namespace"));
        assertEquals(claim, m.at("PersistentVolumeClaim", "metadata.name"));
        assertEquals(namespace, m.at("PersistentVolumeClaim", "metadata.namespace"));
        assertEquals(volume, m.at("PersistentVolumeClaim", "spec.volumeName"));
    }

    /** A shared file system backend (as NFS or EFS would be): the only kind that gives ReadWriteMany. */
    private record SharedFileSystem() implements StorageBackend, PreProvisionedVolume {
        @Override
        public StorageDriver driver() {
            return SelfHostedDrivers.NFS;
        }

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

        /** Unlike NFS, it lets a Block volume through, so that the access-mode rules of Block volumes are tested alone. */
        @Override
        public boolean supportsBlockVolumes() {
            return true;
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

    private static DataPipelineStorageProps.Builder onSharedFileSystem(PipelineVolume.Builder volume) {
        SharedFileSystem nfs = new SharedFileSystem();
        return storage(volume.volume(nfs)).storageClass(StorageClassSpec.builder().name("nfs").backend(nfs).build());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // one synth for all the read-only checks
    class Defaults {
        private final Manifests m = STORAGE.synth(null, minimal());

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
            assertBound(STORAGE.synth("ml", minimal()), "ml-features", "features", "ml");
        }

        @Test
        void theNamespacePropWinsOverTheChartsNamespace() {
            assertBound(STORAGE.synth("ml", minimal().namespace("etl")), "etl-features", "features", "etl");
        }

        @Test
        void ownNamesAreUsedOnBothSidesOfTheBinding() {
            Manifests m = STORAGE.synth(null, storage(features().claimName("raw-features").persistentVolumeName("pv.features.2024")));
            assertBound(m, "pv.features.2024", "raw-features", "default");
        }

        @Test
        void ownStorageClass() {
            Manifests m = STORAGE.synth(null, minimal().storageClass(StorageClassSpec.builder().name("scratch-gp3").backend(AwsEbs.gp3())
                    .reclaimPolicy(ReclaimPolicy.DELETE).build()));
            assertEquals("scratch-gp3", m.at("StorageClass", "metadata.name"));
            assertEquals("Delete", m.at("StorageClass", "reclaimPolicy"));
            assertEquals("Delete", m.at("PersistentVolume", "spec.persistentVolumeReclaimPolicy"));
            assertEquals("scratch-gp3", m.at("PersistentVolume", "spec.storageClassName"));
            assertEquals("scratch-gp3", m.at("PersistentVolumeClaim", "spec.storageClassName"));
        }

        @Test
        void aBlockVolume() {
            Manifests m = STORAGE.synth(null, storage(features().volumeMode(VolumeMode.BLOCK).accessModes(List.of(AccessMode.READ_WRITE_ONCE_POD))));
            assertEquals("Block", m.at("PersistentVolume", "spec.volumeMode"));
            assertEquals("Block", m.at("PersistentVolumeClaim", "spec.volumeMode"));
            assertEquals(List.of("ReadWriteOncePod"), m.at("PersistentVolumeClaim", "spec.accessModes"));
        }

        @Test
        void aLegacyInTreeVolume() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            Manifests m = STORAGE.synth(null, storage(features().volume(inTree.existingVolume(VOLUME_ID, "us-east-1a"))).storageClass(StorageClassSpec.builder().name("features").backend(inTree).build()));
            assertEquals("kubernetes.io/aws-ebs", m.at("StorageClass", "provisioner"));
            assertEquals(Map.of("volumeID", VOLUME_ID, "fsType", "ext4"), m.at("PersistentVolume", "spec.awsElasticBlockStore"));
            assertNull(m.at("PersistentVolume", "spec.csi"));
        }

        @Test
        void aLocalDiskOnOneNode() {
            Manifests m = STORAGE.synth(null, storage(features().volume(LocalVolume.on("gpu-node-1", "/mnt/nvme0"))).storageClass(StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).build()));
            assertEquals("kubernetes.io/no-provisioner", m.at("StorageClass", "provisioner"));
            assertEquals(Map.of("path", "/mnt/nvme0"), m.at("PersistentVolume", "spec.local"));
            assertEquals(List.of(Map.of("key", "kubernetes.io/hostname", "operator", "In", "values", List.of("gpu-node-1"))),
                    m.at("PersistentVolume", "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions"));
        }

        @Test
        void readWriteManyOnASharedFileSystem() {
            Manifests m = STORAGE.synth(null, onSharedFileSystem(features().accessModes(List.of(AccessMode.READ_WRITE_MANY))));
            assertEquals(List.of("ReadWriteMany"), m.at("PersistentVolumeClaim", "spec.accessModes"));
            assertEquals(Map.of("server", "nfs.internal", "path", "/exports/features"), m.at("PersistentVolume", "spec.nfs"));
        }

        @Test
        void partOfLabel() {
            assertEquals("lakehouse", STORAGE.synth(null, minimal().partOf("lakehouse"))
                    .at("PersistentVolumeClaim", "metadata.labels['app.kubernetes.io/part-of']"));
        }

        @Test
        void gettersAndOutputs() {
            DataPipelineStorage storage = STORAGE.build("ml", minimal());
            assertEquals("features", storage.getClaimName("features"));
            assertEquals("ml-features", storage.getPersistentVolumeName("features"));
            assertEquals("features", storage.getStorageClassName("features"));
            assertEquals(1, storage.getStorageClasses().size());
            assertNotNull(storage.getPersistentVolumes().get("features"));
            assertNotNull(storage.getClaims().get("features"));
            assertEquals("features", storage.outputName());
            assertEquals(Map.of(
                    "kind", "DataPipelineStorage",
                    "namespace", "ml",
                    "storageClasses", List.of("features"),
                    "volumes", Map.of("features", Map.of("claim", "features", "persistentVolume", "ml-features",
                            "storageClass", "features", "accessModes", List.of("ReadWriteOnce"), "readOnly", false))), storage.outputs());
            assertEquals(List.of("kind", "namespace", "storageClasses", "volumes"), List.copyOf(storage.outputs().keySet()));
        }
    }

    @Nested
    class InvalidProps {
        @ParameterizedTest(name = "size {0}")
        @NullSource
        @ValueSource(strings = {"10GB", "-1Gi", "0Gi"})
        void aSizeThatIsMissingOrNotAPositiveQuantity(String size) {
            assertInvalid(Messages.refusal("DataPipelineStorage 'features'", "volumes[0].size", size, Messages.SIZE),
                    () -> STORAGE.build(storage(features().size(size))));
        }

        /** A missing name is reported under the construct id. */
        @Test
        void aNameThatIsNotADnsLabelOrMissing() {
            Messages.assertNameRefused("DataPipelineStorage", "storage", "Vector_DB", Messages.DNS_LABEL, name -> STORAGE.build(minimal().name(name)));
        }

        @Test
        void aNamespaceThatIsNotADnsLabel() {
            assertInvalid(ERR + "prop 'namespace' is 'ETL'; allowed: " + Messages.DNS_LABEL, () -> STORAGE.build(minimal().namespace("ETL")));
        }

        @Test
        void noAccessMode() {
            assertInvalid(ERR + "prop 'volumes[0].accessModes' is missing; allowed: one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, "
                    + "ReadWriteOncePod", () -> STORAGE.build(storage(features().accessModes(List.of()))));
        }

        @Test
        void readWriteManyOnAnEbsClass() {
            assertInvalid(ERR + "prop 'volumes[0].accessModes' is 'ReadWriteMany'; allowed: what AWS EBS gp3 (ebs.csi.aws.com) can give: "
                    + "[ReadWriteOnce, ReadWriteOncePod]", () -> STORAGE.build(storage(features().accessModes(List.of(AccessMode.READ_WRITE_MANY)))));
        }

        @Test
        void readWriteManyOnABlockVolume() {
            assertInvalid(ERR + "prop 'volumes[0].accessModes' is 'ReadWriteMany'; allowed: ReadWriteOnce or ReadWriteOncePod on a Block volume: "
                    + "two nodes writing one raw block device corrupt it",
                    () -> STORAGE.build(onSharedFileSystem(features().volumeMode(VolumeMode.BLOCK).accessModes(List.of(AccessMode.READ_WRITE_MANY)))));
        }

        @Test
        void aVolumeOfAnotherProvisioner() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            assertInvalid(ERR + "prop 'volumes[0].volume' is '" + VOLUME_ID + "'; allowed: a volume of the StorageClass backend "
                            + "AWS EBS gp3 (ebs.csi.aws.com) (this one belongs to kubernetes.io/aws-ebs)",
                    () -> STORAGE.build(storage(features().volume(inTree.existingVolume(VOLUME_ID, "us-east-1a")))));
        }

        @Test
        void aLocalVolumeOnAnEbsClass() {
            assertInvalid(ERR + "prop 'volumes[0].volume' is 'gpu-node-1:/mnt/nvme0'; allowed: a volume of the StorageClass backend "
                            + "AWS EBS gp3 (ebs.csi.aws.com) (this one belongs to kubernetes.io/no-provisioner)",
                    () -> STORAGE.build(storage(features().volume(LocalVolume.on("gpu-node-1", "/mnt/nvme0")))));
        }

        @Test
        void aClaimNameThatIsNotADnsSubdomain() {
            assertInvalid(ERR + "prop 'volumes[0].claimName' is 'Raw_Features'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> STORAGE.build(storage(features().claimName("Raw_Features"))));
        }

        @Test
        void aVolumeNameThatIsNotADnsSubdomain() {
            assertInvalid(ERR + "prop 'volumes[0].persistentVolumeName' is 'PV_1'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> STORAGE.build(storage(features().persistentVolumeName("PV_1"))));
        }
    }

    private static final String FS = "fs-0123456789abcdef0";
    private static final StorageClassSpec EFS = StorageClassSpec.builder().name("datasets").backend(AwsEfs.accessPoints(FS)).build();
    private static final String ERR_PIPE = "DataPipelineStorage 'pipeline': ";

    /** A pipeline of three stages: raw on an existing EBS volume, features on a new gp3 volume, a shared dataset on EFS. */
    private static DataPipelineStorageProps.Builder pipeline() {
        return DataPipelineStorageProps.builder().name("pipeline").namespace("etl").partOf("features").volumes(List.of(
                PipelineVolume.builder().name("raw").size("2Ti").volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a")).build(),
                PipelineVolume.builder().name("checkpoints").size("500Gi").build(),
                PipelineVolume.builder().name("datasets").size("1Ti").storageClass(EFS)
                        .accessModes(List.of(AccessMode.READ_WRITE_MANY)).build()));
    }

    private static DataPipelineStorageProps.Builder withVolumes(PipelineVolume... volumes) {
        return DataPipelineStorageProps.builder().name("pipeline").volumes(List.of(volumes));
    }

    private static PipelineVolume.Builder volume(String name) {
        return PipelineVolume.builder().name(name).size("100Gi");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SeveralVolumes {
        private final Manifests m = STORAGE.synth(null, pipeline());

        @Test
        void makesEachClassOnceThenAVolumeAndClaimPerExistingVolumeAndAClaimPerNewOne() {
            assertEquals(List.of("StorageClass", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
                    "PersistentVolumeClaim", "PersistentVolumeClaim"), m.kinds());
            assertEquals(List.of("pipeline", "datasets"), m.all("StorageClass").stream().map(sc -> Manifests.at(sc, "metadata.name")).toList());
            assertEquals("efs.csi.aws.com", Manifests.at(m.all("StorageClass").get(1), "provisioner"));
            assertEquals(false, Manifests.at(m.all("StorageClass").get(1), "allowVolumeExpansion"));
        }

        @Test
        void theExistingVolumeIsPreBoundFromBothSides() {
            Map<String, Object> pv = m.one("PersistentVolume");
            assertEquals("etl-raw", Manifests.at(pv, "metadata.name"));
            assertEquals(Map.of("apiVersion", "v1", "kind", "PersistentVolumeClaim", "namespace", "etl", "name", "raw"),
                    Manifests.at(pv, "spec.claimRef"));
            assertEquals("etl-raw", Manifests.at(m.all("PersistentVolumeClaim").get(0), "spec.volumeName"));
        }

        @Test
        void newVolumesAreClaimsOfTheirClassWithoutAVolumeName() {
            Map<String, Object> checkpoints = m.all("PersistentVolumeClaim").get(1);
            assertEquals(Map.of(
                    "accessModes", List.of("ReadWriteOnce"),
                    "volumeMode", "Filesystem",
                    "storageClassName", "pipeline",
                    "resources", Map.of("requests", Map.of("storage", "500Gi"))), checkpoints.get("spec"));
            Map<String, Object> datasets = m.all("PersistentVolumeClaim").get(2);
            assertEquals("datasets", Manifests.at(datasets, "metadata.name"));
            assertEquals("etl", Manifests.at(datasets, "metadata.namespace"));
            assertEquals(List.of("ReadWriteMany"), Manifests.at(datasets, "spec.accessModes"));
            assertEquals("datasets", Manifests.at(datasets, "spec.storageClassName"));
            assertNull(Manifests.at(datasets, "spec.volumeName"));
        }

        @Test
        void eachVolumeIsLabelledWithItsOwnName() {
            assertEquals(Map.of("app.kubernetes.io/name", "datasets", "app.kubernetes.io/managed-by", "cdk8s",
                    "app.kubernetes.io/component", "pipeline-storage", "app.kubernetes.io/part-of", "features"),
                    Manifests.at(m.all("PersistentVolumeClaim").get(2), "metadata.labels"));
        }
    }

    @Nested
    class SeveralVolumesOptions {
        @Test
        void gettersAndOutputs() {
            DataPipelineStorage storage = STORAGE.build(pipeline());
            assertEquals(List.of("raw", "checkpoints", "datasets"), storage.getVolumeNames());
            assertEquals("datasets", storage.getClaimName("datasets"));
            assertEquals(2, storage.getStorageClasses().size());
            assertEquals(List.of("raw"), List.copyOf(storage.getPersistentVolumes().keySet()));
            assertEquals(List.of("raw", "checkpoints", "datasets"), List.copyOf(storage.getClaims().keySet()));
            assertEquals("raw", storage.getClaimName("raw"));
            assertEquals("etl-raw", storage.getPersistentVolumeName("raw"));
            assertEquals("pipeline", storage.getStorageClassName("raw"));
            assertNotNull(storage.getPersistentVolumes().get("raw"));
            assertEquals("pipeline", storage.outputName());
            assertEquals(Map.of(
                    "kind", "DataPipelineStorage",
                    "namespace", "etl",
                    "storageClasses", List.of("pipeline", "datasets"),
                    "volumes", Map.of(
                            "raw", Map.of("claim", "raw", "persistentVolume", "etl-raw", "storageClass", "pipeline",
                                    "accessModes", List.of("ReadWriteOnce"), "readOnly", false),
                            "checkpoints", Map.of("claim", "checkpoints", "storageClass", "pipeline",
                                    "accessModes", List.of("ReadWriteOnce"), "readOnly", false),
                            "datasets", Map.of("claim", "datasets", "storageClass", "datasets",
                                    "accessModes", List.of("ReadWriteMany"), "readOnly", false))), storage.outputs());
        }

        @Test
        void aNewVolumeHasNoPersistentVolume() {
            DataPipelineStorage storage = STORAGE.build(withVolumes(volume("scratch").build()));
            assertNull(storage.getPersistentVolumes().get("scratch"));
            assertNull(storage.getPersistentVolumeName("scratch"));
            assertEquals("scratch", storage.getClaimName("scratch"));
        }

        @Test
        void ownNamesOnBothSidesOfTheBinding() {
            Manifests m = STORAGE.synth("ml", withVolumes(volume("raw").volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a"))
                    .claimName("raw-events").persistentVolumeName("pv.raw").build()));
            assertBound(m, "pv.raw", "raw-events", "ml");
        }

        @Test
        void theSameClassSpecUsedTwiceIsCreatedOnce() {
            Manifests m = STORAGE.synth(null, withVolumes(volume("a").storageClass(EFS).accessModes(List.of(AccessMode.READ_WRITE_MANY)).build(),
                    volume("b").storageClass(EFS).build()));
            assertEquals(List.of("StorageClass", "PersistentVolumeClaim", "PersistentVolumeClaim"), m.kinds());
        }

        @Test
        void anExistingEfsAccessPoint() {
            StorageClassSpec efs = StorageClassSpec.builder().name("efs-static").backend(AwsEfs.staticVolumes()).build();
            Manifests m = STORAGE.synth(null, withVolumes(volume("datasets").storageClass(efs)
                    .volume(AwsEfs.staticVolumes().existingVolume(FS + "::fsap-0123456789abcdef0"))
                    .accessModes(List.of(AccessMode.READ_WRITE_MANY, AccessMode.READ_ONLY_MANY)).build()));
            assertFalse(m.one("StorageClass").containsKey("parameters"), "a class of static volumes: " + m.one("StorageClass"));
            assertEquals(Map.of("driver", "efs.csi.aws.com", "volumeHandle", FS + "::fsap-0123456789abcdef0"), m.at("PersistentVolume", "spec.csi"));
            assertNull(m.at("PersistentVolume", "spec.nodeAffinity"));
            assertEquals(List.of("ReadWriteMany", "ReadOnlyMany"), m.at("PersistentVolumeClaim", "spec.accessModes"));
        }

        @Test
        void anNfsShareGetsTheClassMountOptions() {
            NfsCsi nfs = NfsCsi.staticVolumes();
            StorageClassSpec cls = StorageClassSpec.builder().name("nfs").backend(nfs).mountOptions(List.of("nfsvers=4.1", "hard")).build();
            Manifests m = STORAGE.synth(null, withVolumes(volume("datasets").storageClass(cls).volume(nfs.existingVolume("nfs.internal", "/exports/ds"))
                    .accessModes(List.of(AccessMode.READ_WRITE_MANY)).build()));
            assertEquals(List.of("nfsvers=4.1", "hard"), m.at("PersistentVolume", "spec.mountOptions"));
            assertEquals(Map.of("server", "nfs.internal", "share", "/exports/ds"), m.at("PersistentVolume", "spec.csi.volumeAttributes"));
        }

        @Test
        void aNewNfsVolumeOnAShare() {
            StorageClassSpec cls = StorageClassSpec.builder().name("nfs").backend(NfsCsi.share("nfs.internal", "/exports")).build();
            Manifests m = STORAGE.synth(null, withVolumes(volume("scratch").storageClass(cls).accessModes(List.of(AccessMode.READ_WRITE_MANY)).build()));
            assertEquals(List.of("StorageClass", "PersistentVolumeClaim"), m.kinds());
            assertEquals("nfs.csi.k8s.io", m.at("StorageClass", "provisioner"));
        }

        @Test
        void existingDisksOfGcpAndAzureWithTheirZones() {
            GcePd pd = GcePd.balanced();
            AzureDisk azure = AzureDisk.premium();
            String diskId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml/providers/Microsoft.Compute/disks/raw";
            Manifests m = STORAGE.synth(null, withVolumes(
                    volume("gcp").storageClass(StorageClassSpec.builder().name("pd").backend(pd).build())
                            .volume(pd.existingVolume("ml-platform", "us-central1-a", "raw")).volumeMode(VolumeMode.BLOCK).build(),
                    volume("azure").storageClass(StorageClassSpec.builder().name("azure").backend(azure).build())
                            .volume(azure.existingVolume(diskId, "eastus-2")).build()));
            List<Map<String, Object>> pvs = m.all("PersistentVolume");
            assertEquals("projects/ml-platform/zones/us-central1-a/disks/raw", Manifests.at(pvs.get(0), "spec.csi.volumeHandle"));
            assertEquals("Block", Manifests.at(pvs.get(0), "spec.volumeMode"));
            assertEquals(List.of("us-central1-a"), Manifests.at(pvs.get(0), "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values"));
            assertEquals(diskId, Manifests.at(pvs.get(1), "spec.csi.volumeHandle"));
            assertEquals(List.of("eastus-2"), Manifests.at(pvs.get(1), "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values"));
        }
    }

    @Nested
    class ReadOnly {
        private DataPipelineStorageProps.Builder readOnlyDataset() {
            StorageClassSpec efs = StorageClassSpec.builder().name("efs-static").backend(AwsEfs.staticVolumes()).build();
            return withVolumes(volume("reference").storageClass(efs).volume(AwsEfs.staticVolumes().existingVolume(FS + ":/reference"))
                    .readOnly(true).build(), volume("scratch").build());
        }

        @Test
        void aReadOnlyVolumeIsPublishedReadOnlyWithAReadOnlyManyClaim() {
            Manifests m = STORAGE.synth(null, readOnlyDataset());
            assertEquals(true, m.at("PersistentVolume", "spec.csi.readOnly"));
            assertEquals(List.of("ReadOnlyMany"), m.at("PersistentVolume", "spec.accessModes"));
            assertEquals(List.of("ReadOnlyMany"), Manifests.at(m.all("PersistentVolumeClaim").get(0), "spec.accessModes"));
            assertEquals(true, Manifests.at(STORAGE.build(readOnlyDataset()).outputs(), "volumes.reference.readOnly"));
        }

        @Test
        void aReadOnlyBlockDiskOnOneNode() {
            AwsEbs ebs = AwsEbs.gp3();
            Manifests m = STORAGE.synth(null, withVolumes(volume("model").volume(ebs.existingVolume(VOLUME_ID, "us-east-1a")).readOnly(true)
                    .accessModes(List.of(AccessMode.READ_WRITE_ONCE)).build()));
            assertEquals(true, m.at("PersistentVolume", "spec.csi.readOnly"));
            assertEquals(List.of("ReadWriteOnce"), m.at("PersistentVolumeClaim", "spec.accessModes"));
        }

        @Test
        void podVolumesMountTheClaimReadOnlyForConsumers() {
            DataPipelineStorage storage = STORAGE.build(readOnlyDataset());
            PersistentVolumeClaimVolumeSource consumer = storage.podVolume("scratch", true).getPersistentVolumeClaim();
            assertEquals("scratch", consumer.getClaimName());
            assertEquals(true, consumer.getReadOnly());
            assertNull(storage.podVolume("scratch", false).getPersistentVolumeClaim().getReadOnly());
            assertEquals(true, storage.podVolume("reference", false).getPersistentVolumeClaim().getReadOnly());
            assertEquals("reference", storage.podVolume("reference", false).getName());
        }

        @Test
        void anUnknownVolumeHasNoPodVolume() {
            assertInvalid(ERR_PIPE + "prop 'volume' is 'models'; allowed: one of [reference, scratch]",
                    () -> STORAGE.build(readOnlyDataset()).podVolume("models", true));
        }

        @Test
        void aNewVolumeCannotBeReadOnly() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].readOnly' is true; allowed: false for a new volume, which starts empty: "
                    + "give the existing volume to publish read-only", () -> STORAGE.build(withVolumes(volume("x").storageClass(EFS).readOnly(true).build())));
        }

        @Test
        void aVolumeThatCannotBePublishedReadOnly() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            assertInvalid(ERR_PIPE + "prop 'volumes[0].readOnly' is true; allowed: false for " + VOLUME_ID + ", which cannot be published read-only",
                    () -> STORAGE.build(withVolumes(volume("x").storageClass(StorageClassSpec.builder().name("in-tree").backend(inTree).build())
                            .volume(inTree.existingVolume(VOLUME_ID, "us-east-1a")).readOnly(true)
                            .accessModes(List.of(AccessMode.READ_WRITE_ONCE)).build())));
        }

        @Test
        void aReadOnlyEbsVolumeCannotBeSharedByManyNodes() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].accessModes' is 'ReadOnlyMany'; allowed: what AWS EBS gp3 (ebs.csi.aws.com) can give: "
                    + "[ReadWriteOnce, ReadWriteOncePod]", () -> STORAGE.build(withVolumes(volume("x")
                    .volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a")).readOnly(true).build())));
        }
    }

    @Nested
    class InvalidVolumes {
        @Test
        void noVolumes() {
            assertInvalid(ERR_PIPE + "prop 'volumes' is missing; allowed: one or more PipelineVolume, e.g. the raw, features and "
                    + "checkpoints stages", () -> STORAGE.build(withVolumes()));
        }

        @Test
        void aVolumeWithoutANameOrSize() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].name' is missing; allowed: " + Messages.DNS_LABEL,
                    () -> STORAGE.build(withVolumes(PipelineVolume.builder().size("1Gi").build())));
            assertInvalid(ERR_PIPE + "prop 'volumes[1].size' is '10GB'; allowed: " + Messages.SIZE,
                    () -> STORAGE.build(withVolumes(volume("a").build(), volume("b").size("10GB").build())));
        }

        @Test
        void duplicateNames() {
            assertInvalid(ERR_PIPE + "prop 'volumes[1].name' is 'a'; allowed: a name used by no other volume of the storage",
                    () -> STORAGE.build(withVolumes(volume("a").build(), volume("a").build())));
            assertInvalid(ERR_PIPE + "prop 'volumes[1].claimName' is 'a'; allowed: a claim name used by no other volume of the storage",
                    () -> STORAGE.build(withVolumes(volume("a").build(), volume("b").claimName("a").build())));
            assertInvalid(ERR_PIPE + "prop 'volumes[1].persistentVolumeName' is 'pv'; allowed: a PersistentVolume name used by no other "
                    + "volume of the storage", () -> STORAGE.build(withVolumes(
                    volume("a").volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a")).persistentVolumeName("pv").build(),
                    volume("b").volume(AwsEbs.gp3().existingVolume("vol-1a2b3c4d", "us-east-1a")).persistentVolumeName("pv").build())));
        }

        @Test
        void twoClassesOfOneName() {
            StorageClassSpec other = StorageClassSpec.builder().name("pipeline").backend(AwsEfs.accessPoints(FS)).build();
            assertInvalid(ERR_PIPE + "prop 'volumes[1].storageClass' is 'pipeline'; allowed: a class name that no other StorageClassSpec of "
                    + "the storage has: two different classes named 'pipeline' would overwrite each other",
                    () -> STORAGE.build(withVolumes(volume("a").build(), volume("b").storageClass(other).build())));
        }

        @Test
        void aNewVolumeOnAClassThatCreatesNone() {
            StorageClassSpec local = StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).build();
            assertInvalid(ERR_PIPE + "prop 'volumes[0].volume' is missing; allowed: an existing volume: the StorageClass 'local-nvme' on "
                    + "local disks (kubernetes.io/no-provisioner) creates no volumes", () -> STORAGE.build(withVolumes(volume("a").storageClass(local).build())));
            StorageClassSpec efs = StorageClassSpec.builder().name("efs-static").backend(AwsEfs.staticVolumes()).build();
            assertInvalid(ERR_PIPE + "prop 'volumes[0].volume' is missing; allowed: an existing volume: the StorageClass 'efs-static' on "
                    + "AWS EFS static volumes (efs.csi.aws.com) creates no volumes", () -> STORAGE.build(withVolumes(volume("a").storageClass(efs).build())));
        }

        @Test
        void aNewVolumeThatCouldOnlyBeRead() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].accessModes' is [ReadOnlyMany]; allowed: a mode that writes as well (ReadWriteOnce, "
                    + "ReadWriteMany or ReadWriteOncePod): a new volume starts empty; to read existing data, give the existing volume",
                    () -> STORAGE.build(withVolumes(volume("a").storageClass(EFS).accessModes(List.of(AccessMode.READ_ONLY_MANY)).build())));
        }

        @Test
        void aNameForTheVolumeOfANewClaim() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].persistentVolumeName' is 'pv'; allowed: none for a new volume: its provisioner names it",
                    () -> STORAGE.build(withVolumes(volume("a").persistentVolumeName("pv").build())));
        }

        @Test
        void blockOnASharedFileSystem() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].volumeMode' is 'Block'; allowed: Filesystem for AWS EFS fs-0123456789abcdef0 "
                    + "(efs.csi.aws.com), a shared file system", () -> STORAGE.build(withVolumes(volume("a").storageClass(EFS).volumeMode(VolumeMode.BLOCK).build())));
        }

        @Test
        void readWriteManyOnAnEbsVolume() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].accessModes' is 'ReadWriteMany'; allowed: what AWS EBS gp3 (ebs.csi.aws.com) can give: "
                    + "[ReadWriteOnce, ReadWriteOncePod]", () -> STORAGE.build(withVolumes(volume("a").accessModes(List.of(AccessMode.READ_WRITE_MANY)).build())));
        }

        @Test
        void anEfsVolumeOnTheEbsClass() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].volume' is '" + FS + "'; allowed: a volume of the StorageClass backend AWS EBS gp3 "
                    + "(ebs.csi.aws.com) (this one belongs to efs.csi.aws.com)",
                    () -> STORAGE.build(withVolumes(volume("a").volume(AwsEfs.staticVolumes().existingVolume(FS)).build())));
        }
    }

    @Nested
    class OneNamespaceRule {
        @Test
        void newVolumesAloneGoWhereTheyAreAppliedLikeAStatefulAIAppsObjects() {
            Manifests m = STORAGE.synth(null, withVolumes(volume("scratch").build()));
            assertNull(m.at("PersistentVolumeClaim", "metadata.namespace"));
            assertEquals("(namespace of kubectl or the GitOps engine)", STORAGE.build(withVolumes(volume("scratch").build())).outputs().get("namespace"));
        }

        @Test
        void aPreBoundVolumeNamesDefaultOnBothSidesForEveryClaim() {
            Manifests m = STORAGE.synth(null, withVolumes(volume("scratch").build(), volume("raw").volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a")).build()));
            for (Map<String, Object> pvc : m.all("PersistentVolumeClaim")) {
                assertEquals("default", Manifests.at(pvc, "metadata.namespace"));
            }
            assertEquals("default", m.at("PersistentVolume", "spec.claimRef.namespace"));
            assertEquals("default-raw", m.at("PersistentVolume", "metadata.name"));
        }
    }

    @Nested
    class OneClaimModel {
        @Test
        void aNewVolumeTakesLabelsAnnotationsAndASnapshotToRestore() {
            Manifests m = STORAGE.synth("ml", withVolumes(volume("features").labels(Map.of("team", "ml"))
                    .annotations(Map.of("backup.example.com/schedule", "daily")).restoreFromSnapshot("features-2024-10-01").build()));
            Map<String, Object> pvc = m.one("PersistentVolumeClaim");
            assertEquals("ml", Manifests.at(pvc, "metadata.labels.team"));
            assertEquals(Map.of("backup.example.com/schedule", "daily"), Manifests.at(pvc, "metadata.annotations"));
            assertEquals(Map.of("apiGroup", "snapshot.storage.k8s.io", "kind", "VolumeSnapshot", "name", "features-2024-10-01"),
                    Manifests.at(pvc, "spec.dataSource"));
            assertEquals("features", Manifests.at(pvc, "metadata.labels['app.kubernetes.io/name']"));
        }

        @Test
        void aClaimToCloneIsItsDataSource() {
            assertEquals(Map.of("kind", "PersistentVolumeClaim", "name", "features-golden"),
                    STORAGE.synth("ml", withVolumes(volume("features").cloneFromClaim("features-golden").build())).at("PersistentVolumeClaim", "spec.dataSource"));
        }

        @Test
        void rejectsADataSourceForAnExistingVolume() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].dataSource' is 'snap'; allowed: none for an existing volume, which holds its data "
                    + "already: restore or clone into a new volume (no volume given)",
                    () -> STORAGE.build(withVolumes(volume("raw").volume(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a")).restoreFromSnapshot("snap").build())));
        }

        @Test
        void theClaimsPropsAreCheckedByTheSameRulesAsATemplatesNamedAsTheStoragesVolume() {
            assertInvalid(ERR_PIPE + "prop 'volumes[0].labels' is 'bad key'; allowed: keys of at most 63 characters (letters, digits, "
                    + "'-', '_', '.'), optionally prefixed by a DNS subdomain and '/'", () -> STORAGE.build(withVolumes(volume("a").labels(Map.of("bad key", "x")).build())));
            assertInvalid(ERR_PIPE + "prop 'volumes[0].dataSource' is 'Snap_1'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> STORAGE.build(withVolumes(volume("a").restoreFromSnapshot("Snap_1").build())));
        }

        @Test
        void repeatedAccessModesAreWrittenOnce() {
            assertEquals(List.of("ReadWriteOncePod", "ReadWriteOnce"), STORAGE.synth(null, withVolumes(volume("a")
                    .accessModes(AccessMode.READ_WRITE_ONCE_POD, AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD).build()))
                    .at("PersistentVolumeClaim", "spec.accessModes"));
        }
    }
}
