package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriverCatalogTest {

    static List<StorageDriver> entries() {
        return DriverCatalog.all();
    }

    @Nested
    class Lookups {
        @Test
        void findsEachEntryByItsProvisioner() {
            for (StorageDriver d : DriverCatalog.all()) {
                assertSame(d, DriverCatalog.byProvisioner(d.provisioner()).orElseThrow(), d.name());
                assertSame(d, DriverCatalog.require(d.provisioner()), d.name());
            }
        }

        /** The project's drivers, the in-tree ones, buckets and file systems, by the provisioner names manifests use. */
        static Stream<Arguments> namesManifestsUse() {
            return Stream.of(
                    Arguments.of("ebs.csi.aws.com", AwsDrivers.EBS),
                    Arguments.of("efs.csi.aws.com", AwsDrivers.EFS),
                    Arguments.of("pd.csi.storage.gke.io", GcpDrivers.PD),
                    Arguments.of("disk.csi.azure.com", AzureDrivers.DISK),
                    Arguments.of("nfs.csi.k8s.io", SelfHostedDrivers.NFS),
                    Arguments.of("kubernetes.io/no-provisioner", SelfHostedDrivers.LOCAL),
                    Arguments.of("kubernetes.io/aws-ebs", AwsDrivers.EBS_IN_TREE),
                    Arguments.of("kubernetes.io/gce-pd", GcpDrivers.PD_IN_TREE),
                    Arguments.of("kubernetes.io/azure-disk", AzureDrivers.DISK_IN_TREE),
                    Arguments.of("s3.csi.aws.com", AwsDrivers.S3_MOUNTPOINT),
                    Arguments.of("gcsfuse.csi.storage.gke.io", GcpDrivers.GCS_FUSE),
                    Arguments.of("blob.csi.azure.com", AzureDrivers.BLOB),
                    Arguments.of("fsx.csi.aws.com", AwsDrivers.FSX_LUSTRE),
                    Arguments.of("filestore.csi.storage.gke.io", GcpDrivers.FILESTORE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("namesManifestsUse")
        void knowsEachDriverByTheNameManifestsUse(String provisioner, StorageDriver driver) {
            assertSame(driver, DriverCatalog.require(provisioner));
        }

        @Test
        void anUnknownDriverIsAbsentAndRequiringItNamesTheKnownOnes() {
            assertEquals(Optional.empty(), DriverCatalog.byProvisioner("example.com/unknown"));
            assertEquals(Optional.empty(), DriverCatalog.byProvisioner(""));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverCatalog.require("example.com/unknown"));
            assertEquals("no storage driver 'example.com/unknown' in the catalog; it knows [ebs.csi.aws.com, efs.csi.aws.com,"
                    + " pd.csi.storage.gke.io, disk.csi.azure.com, nfs.csi.k8s.io, kubernetes.io/no-provisioner, rbd.csi.ceph.com,"
                    + " driver.longhorn.io, s3.csi.aws.com, gcsfuse.csi.storage.gke.io, blob.csi.azure.com, fsx.csi.aws.com,"
                    + " filestore.csi.storage.gke.io, kubernetes.io/aws-ebs, kubernetes.io/gce-pd, kubernetes.io/azure-disk]", e.getMessage());
        }

        @Test
        void findsRetiredProvisionersByTheirInTreeVolumeSource() {
            assertSame(AwsDrivers.EBS_IN_TREE, DriverCatalog.byInTreeVolumeSource("awsElasticBlockStore").orElseThrow());
            assertSame(GcpDrivers.PD_IN_TREE, DriverCatalog.byInTreeVolumeSource("gcePersistentDisk").orElseThrow());
            assertSame(AzureDrivers.DISK_IN_TREE, DriverCatalog.byInTreeVolumeSource("azureDisk").orElseThrow());
            assertEquals(Optional.empty(), DriverCatalog.byInTreeVolumeSource("csi"));
            assertEquals(Optional.empty(), DriverCatalog.byInTreeVolumeSource("local"));
        }
    }

    @Nested
    class EachEntry {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.statefulai.facts.drivers.DriverCatalogTest#entries")
        void isUniqueAndCitesItsParameterDocumentation(StorageDriver d) {
            assertEquals(1, DriverCatalog.all().stream().filter(o -> o.provisioner().equals(d.provisioner())).count());
            assertEquals(1, DriverCatalog.all().stream().filter(o -> o.name().equals(d.name())).count());
            assertTrue(d.docs().startsWith("https://"), d.docs());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.statefulai.facts.drivers.DriverCatalogTest#entries")
        void namesOnlyParametersItHasForEncryption(StorageDriver d) {
            d.encryption().requiredParameter().ifPresent(p -> assertEquals(Parameter.Type.BOOLEAN, d.parameter(p).orElseThrow().type()));
            d.encryption().customerKeyParameter().ifPresent(p -> assertTrue(d.parameter(p).isPresent(), p));
            assertEquals(d.encryption().kind() == Encryption.Kind.BY_PARAMETER, d.encryption().requiredParameter().isPresent());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.statefulai.facts.drivers.DriverCatalogTest#entries")
        void isACsiDriverUnlessRetiredOrWithoutProvisioner(StorageDriver d) {
            boolean csi = !d.isRetired() && d != SelfHostedDrivers.LOCAL;
            assertEquals(csi ? d.provisioner() : null, d.csiDriver());
            assertEquals(d.isRetired(), d.inTreeVolumeSource() != null);
            // Only local disks and the buckets of Mountpoint for Amazon S3 and Cloud Storage FUSE are pre-provisioned only.
            boolean staticOnly = d.attachment() == Attachment.NODE_LOCAL || d == AwsDrivers.S3_MOUNTPOINT || d == GcpDrivers.GCS_FUSE;
            assertEquals(d.dynamicProvisioning(), !staticOnly);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.statefulai.facts.drivers.DriverCatalogTest#entries")
        void aRetiredProvisionerNamesAReplacementThatGivesTheSame(StorageDriver d) {
            if (!d.isRetired()) {
                assertEquals(Optional.empty(), d.replacement());
                return;
            }
            StorageDriver csi = DriverCatalog.require(d.replacement().orElseThrow());
            assertFalse(csi.isRetired());
            assertEquals(csi.accessModes(), d.accessModes());
            assertEquals(csi.attachment(), d.attachment());
            assertEquals(csi.placement(), d.placement());
            assertFalse(d.snapshots(), "migration carries no snapshots");
            assertFalse(d.clones());
        }
    }

    @Test
    void cloudDisksAttachToOneNodeInOneZoneAndNeverGiveReadWriteMany() {
        for (StorageDriver d : List.of(AwsDrivers.EBS, GcpDrivers.PD, AzureDrivers.DISK)) {
            assertEquals(Attachment.ONE_NODE_AT_A_TIME, d.attachment(), d.name());
            assertEquals(Placement.ZONE, d.placement(), d.name());
            assertFalse(d.gives(READ_WRITE_MANY), d.name());
            assertTrue(d.givesBlockVolumes(), d.name());
            assertTrue(d.expansion().grows() && d.snapshots() && d.clones(), d.name());
        }
        assertEquals(List.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD), AwsDrivers.EBS.accessModes());
        assertEquals(List.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD, READ_ONLY_MANY), GcpDrivers.PD.accessModes());
        assertEquals(List.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD), AzureDrivers.DISK.accessModes());
    }

    @Test
    void ebsEncryptsOnlyWhenItsClassSaysSoWhileGceAndAzureAlwaysDo() {
        assertEquals(Optional.of("encrypted"), AwsDrivers.EBS.encryption().requiredParameter());
        assertEquals(Optional.of("kmsKeyId"), AwsDrivers.EBS.encryption().customerKeyParameter());
        assertEquals(Optional.of("encrypted"), AwsDrivers.EBS_IN_TREE.encryption().requiredParameter());
        assertEquals(Encryption.Kind.ALWAYS, GcpDrivers.PD.encryption().kind());
        assertEquals(Optional.of("disk-encryption-kms-key"), GcpDrivers.PD.encryption().customerKeyParameter());
        assertEquals(Encryption.Kind.ALWAYS, AzureDrivers.DISK.encryption().kind());
        assertEquals(Optional.of("diskEncryptionSetID"), AzureDrivers.DISK.encryption().customerKeyParameter());
        assertEquals(Encryption.Kind.BY_THE_STORAGE, AwsDrivers.EFS.encryption().kind());
    }

    @Test
    void sharedFileSystemsGiveReadWriteManyOnFileSystemsWhoseSizeNeedsNoExpansion() {
        for (StorageDriver d : List.of(AwsDrivers.EFS, SelfHostedDrivers.NFS)) {
            assertEquals(List.of(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY), d.accessModes(), d.name());
            assertEquals(List.of(Modes.FILESYSTEM), d.volumeModes(), d.name());
            assertEquals(Placement.ANY_NODE, d.placement(), d.name());
            assertEquals(Expansion.Kind.SIZE_NOT_ENFORCED, d.expansion().kind(), d.name());
            assertNull(d.topologyKey(), d.name());
        }
        assertEquals("which needs no expansion: EFS is elastic and does not enforce a claim's size", AwsDrivers.EFS.expansion().refusal());
        assertEquals("which needs no expansion: NFS does not enforce a claim's size", SelfHostedDrivers.NFS.expansion().refusal());
        assertFalse(AwsDrivers.EFS.snapshots(), "back EFS up with AWS Backup");
        assertTrue(SelfHostedDrivers.NFS.snapshots() && SelfHostedDrivers.NFS.clones());
    }

    @Test
    void localDisksAreOnOneNodeAndOnlyPreProvisioned() {
        StorageDriver local = SelfHostedDrivers.LOCAL;
        assertEquals(Attachment.NODE_LOCAL, local.attachment());
        assertEquals(Optional.of("kubernetes.io/hostname"), local.placement().nodeLabel());
        assertFalse(local.dynamicProvisioning());
        assertEquals("which cannot grow volumes", local.expansion().refusal());
        assertEquals(List.of(), local.parameters());
        assertFalse(local.snapshots() || local.clones());
    }

    @Test
    void theTopologyKeysAreEachDriversOwnAndPreProvisionedVolumesUseTheWellKnownZoneLabel() {
        assertEquals("topology.ebs.csi.aws.com/zone", AwsDrivers.EBS.topologyKey());
        assertEquals("topology.gke.io/zone", GcpDrivers.PD.topologyKey());
        assertEquals("topology.disk.csi.azure.com/zone", AzureDrivers.DISK.topologyKey());
        assertEquals(Optional.of("topology.kubernetes.io/zone"), Placement.ZONE.nodeLabel());
        assertEquals(Optional.empty(), Placement.ANY_NODE.nodeLabel());
    }

    @Test
    void retiredProvisionersNameTheirCsiReplacement() {
        assertEquals(Optional.of("ebs.csi.aws.com"), AwsDrivers.EBS_IN_TREE.replacement());
        assertEquals(Optional.of("pd.csi.storage.gke.io"), GcpDrivers.PD_IN_TREE.replacement());
        assertEquals(Optional.of("disk.csi.azure.com"), AzureDrivers.DISK_IN_TREE.replacement());
        assertEquals(List.of(AwsDrivers.EBS_IN_TREE, GcpDrivers.PD_IN_TREE, AzureDrivers.DISK_IN_TREE),
                DriverCatalog.all().stream().filter(StorageDriver::isRetired).toList());
    }

    @Nested
    class Parameters {
        @Test
        void checkAValueByItsType() {
            Parameter type = AwsDrivers.EBS.parameter("type").orElseThrow();
            assertTrue(type.accepts("gp3"));
            assertFalse(type.accepts("gp4"));
            assertEquals("one of [gp2, gp3, io1, io2, sc1, st1, standard]", type.rule());
            Parameter iops = AwsDrivers.EBS.parameter("iops").orElseThrow();
            assertTrue(iops.accepts("3000"));
            assertFalse(iops.accepts("3k"));
            assertFalse(iops.accepts("010"));
            Parameter encrypted = AwsDrivers.EBS.parameter("encrypted").orElseThrow();
            assertTrue(encrypted.accepts("true"));
            assertFalse(encrypted.accepts("yes"));
            assertTrue(AwsDrivers.EFS.parameter("basePath").orElseThrow().accepts("anything"));
            assertFalse(AwsDrivers.EFS.parameter("basePath").orElseThrow().accepts(null));
        }

        @Test
        void anUnknownParameterIsAbsent() {
            assertEquals(Optional.empty(), AwsDrivers.EBS.parameter("skuName"));
            assertEquals(Optional.empty(), AwsDrivers.EBS.parameter("Type"));
        }

        @Test
        void theDriversListTheValuesTheirDocumentationAllows() {
            assertEquals(List.of("Standard_LRS", "Premium_LRS", "StandardSSD_LRS", "UltraSSD_LRS", "Premium_ZRS", "StandardSSD_ZRS",
                    "PremiumV2_LRS"), AzureDrivers.DISK.parameter("skuName").orElseThrow().allowed());
            assertEquals(List.of("None", "ReadOnly", "ReadWrite"), AzureDrivers.DISK.parameter("cachingMode").orElseThrow().allowed());
            assertEquals(List.of("none", "regional-pd"), GcpDrivers.PD.parameter("replication-type").orElseThrow().allowed());
            assertEquals(List.of("efs-ap"), AwsDrivers.EFS.parameter("provisioningMode").orElseThrow().allowed());
        }

        @Test
        void formattedOnesTakeIdentifiersOfTheirShape() {
            Parameter kms = AwsDrivers.EBS.parameter("kmsKeyId").orElseThrow();
            assertTrue(kms.accepts("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
            assertTrue(kms.accepts("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/ml/data"));
            assertFalse(kms.accepts("1234abcd-12ab-34cd-56ef-1234567890ab"));
            assertEquals("the ARN of a KMS key or alias, such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                    kms.rule());
            assertSame(kms.format(), AwsDrivers.EBS_IN_TREE.parameter("kmsKeyId").orElseThrow().format());
            assertTrue(GcpDrivers.PD.parameter("disk-encryption-kms-key").orElseThrow()
                    .accepts("projects/ml-prod/locations/us-central1/keyRings/data/cryptoKeys/disks"));
            assertFalse(AzureDrivers.DISK.parameter("diskEncryptionSetID").orElseThrow().accepts("my-set"));
        }

        @Test
        void refuseAllowedValuesOrFormatsOutsideTheirType() {
            Format f = Format.of("x", "x");
            assertThrows(IllegalArgumentException.class, () -> new Parameter("x", Parameter.Type.TEXT, List.of("a"), null, ""));
            assertThrows(IllegalArgumentException.class, () -> new Parameter("x", Parameter.Type.ONE_OF, List.of(), null, ""));
            assertThrows(IllegalArgumentException.class, () -> new Parameter("x", Parameter.Type.TEXT, List.of(), f, ""));
            assertThrows(IllegalArgumentException.class, () -> new Parameter("x", Parameter.Type.FORMATTED, List.of(), null, ""));
        }
    }

    @Test
    void volumeHandlesHaveTheShapeTheirDriverTakes() {
        Format ebs = AwsDrivers.EBS.volumeHandle();
        assertTrue(ebs.matches("vol-0123456789abcdef0") && ebs.matches("vol-1a2b3c4d"));
        assertFalse(ebs.matches("vol-0123456789ABCDEF0") || ebs.matches("vol-123") || ebs.matches(null));
        assertSame(ebs, AwsDrivers.EBS_IN_TREE.volumeHandle(), "the in-tree volume id is the same id");
        Format efs = AwsDrivers.EFS.volumeHandle();
        for (String ok : List.of("fs-0123456789abcdef0", "fs-1a2b3c4d:/datasets", "fs-0123456789abcdef0::fsap-0123456789abcdef0",
                "fs-0123456789abcdef0:/a/b:fsap-0123456789abcdef0")) {
            assertTrue(efs.matches(ok), ok);
        }
        for (String bad : List.of("fs-0123456789abcdef0:", "fs-0123456789abcdef0:/../etc", "fs-0123456789abcdef0:/a\n..", "fsap-1")) {
            assertFalse(efs.matches(bad), bad);
        }
        assertTrue(GcpDrivers.PD.volumeHandle().matches("projects/p/zones/us-central1-a/disks/features"));
        assertTrue(AzureDrivers.DISK.volumeHandle().matches(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/d"));
        assertNull(SelfHostedDrivers.NFS.volumeHandle());
        assertNull(SelfHostedDrivers.LOCAL.volumeHandle());
    }

    @Nested
    class ClassParametersOfADriver {
        @Test
        void keepTheValuesGivenSortedByKeyAndLeaveOutNulls() {
            assertEquals(Map.of("type", "gp3", "encrypted", "true"), new ClassParameters(AwsDrivers.EBS).put("type", "gp3")
                    .put("kmsKeyId", null).put("encrypted", true).toMap());
            assertEquals(List.of("encrypted", "type"), List.copyOf(new ClassParameters(AwsDrivers.EBS).put("type", "gp3")
                    .put("encrypted", true).toMap().keySet()));
        }

        @Test
        void refuseAKeyTheDriverDoesNotDocument() {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ClassParameters(AwsDrivers.EBS).put("skuName", "x"));
            assertEquals("AWS EBS takes no StorageClass parameter 'skuName'"
                    + " (https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md)", e.getMessage());
        }
    }

    @Test
    void anEntryRefusesModesKubernetesDoesNotHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageDriver.csi("X", "x.example.com",
                Attachment.NETWORK_BLOCK)
                .docs("https://example.com").accessModes("ReadWriteAll")
                .placement(Placement.ANY_NODE, null).encryption(Encryption.byTheStorage("")).expansion(Expansion.NONE).build());
        assertEquals("X: access modes [ReadWriteAll] are not among [ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod]",
                e.getMessage());
    }
}
