package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The entries of object storage (buckets through FUSE), of parallel and shared file systems, and of ReadOnlyMany copies. */
class ObjectStorageAndFileSystemsTest {
    private static final List<StorageDriver> BUCKETS = List.of(AwsDrivers.S3_MOUNTPOINT, GcpDrivers.GCS_FUSE, AzureDrivers.BLOB);

    @Test
    void bucketsAreFuseFileSystemsReadByManyNodesAndNeverBlockDevices() {
        for (StorageDriver d : BUCKETS) {
            assertEquals(Attachment.OBJECT_STORAGE, d.attachment(), d.name());
            assertEquals(List.of(Modes.FILESYSTEM), d.volumeModes(), d.name());
            assertTrue(d.gives(READ_ONLY_MANY) && d.gives(READ_WRITE_MANY), d.name());
            assertEquals(Placement.ANY_NODE, d.placement(), d.name());
            assertTrue(d.bucket().isPresent(), d.name());
            assertFalse(d.readOnlyManyFromSnapshots(), d.name());
        }
        // node.go volumeCaps: MULTI_NODE_MULTI_WRITER and MULTI_NODE_READER_ONLY only.
        assertEquals(List.of(READ_ONLY_MANY, READ_WRITE_MANY), AwsDrivers.S3_MOUNTPOINT.accessModes());
        assertEquals(List.of(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY), GcpDrivers.GCS_FUSE.accessModes());
        assertEquals(List.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD, READ_ONLY_MANY, READ_WRITE_MANY), AzureDrivers.BLOB.accessModes());
    }

    @Test
    void s3AndGcsBucketsArePreProvisionedOnlyWhileBlobMakesContainers() {
        assertFalse(AwsDrivers.S3_MOUNTPOINT.dynamicProvisioning());
        assertFalse(GcpDrivers.GCS_FUSE.dynamicProvisioning());
        assertTrue(AzureDrivers.BLOB.dynamicProvisioning());
        assertEquals(List.of(), AwsDrivers.S3_MOUNTPOINT.parameters(), "no StorageClass: static provisioning only");
        assertTrue(AzureDrivers.BLOB.parameter("protocol").orElseThrow().accepts("fuse2"));
    }

    @Test
    void eachBucketSaysWhereItsFileCacheLivesAndHowAPodGetsItsIdentity() {
        BucketMount s3 = AwsDrivers.S3_MOUNTPOINT.bucket().orElseThrow();
        assertEquals("bucketName", s3.bucketAttribute());
        FileCache.DriverVolume s3Cache = assertInstanceOf(FileCache.DriverVolume.class, s3.fileCache());
        assertEquals("cacheEmptyDirSizeLimit", s3Cache.emptyDirSizeAttribute());
        assertTrue(s3.volumeAttribute("cacheEmptyDirSizeLimit").orElseThrow().accepts("20Gi"));
        assertFalse(s3.volumeAttribute("cacheEmptyDirSizeLimit").orElseThrow().accepts("20GB"));
        assertEquals(List.of("driver", "pod"), s3.volumeAttribute("authenticationSource").orElseThrow().allowed());
        assertEquals(Optional.of("eks.amazonaws.com/role-arn"), s3.serviceAccountAnnotation());
        assertTrue(s3.mountOptions().containsAll(List.of("region", "prefix", "metadata-ttl", "allow-other", "uid", "gid")));

        BucketMount gcs = GcpDrivers.GCS_FUSE.bucket().orElseThrow();
        assertEquals(null, gcs.bucketAttribute(), "the volume handle is the bucket");
        FileCache.PodVolume gcsCache = assertInstanceOf(FileCache.PodVolume.class, gcs.fileCache());
        assertEquals("gke-gcsfuse-cache", gcsCache.podVolume());
        assertTrue(gcs.volumeAttribute("fileCacheCapacity").orElseThrow().accepts("-1"));
        assertTrue(gcs.volumeAttribute("fileCacheCapacity").orElseThrow().accepts("50Gi"));
        assertEquals(Optional.of("gke-gcsfuse/volumes"), gcs.requiredPodAnnotation());
        assertEquals(Optional.of("iam.gke.io/gcp-service-account"), gcs.serviceAccountAnnotation());
        assertTrue(gcs.mountOptions().contains("file-cache:enable-parallel-downloads"));

        BucketMount blob = AzureDrivers.BLOB.bucket().orElseThrow();
        assertFalse(blob.honorsFsGroup(), "blobfuse ignores fsGroup: uid and gid mount options instead");
        assertTrue(s3.honorsFsGroup() && gcs.honorsFsGroup());
        assertInstanceOf(FileCache.NodeDisk.class, blob.fileCache());
        assertEquals(Optional.empty(), blob.serviceAccountAnnotation(), "workload identity names the client in the volume attributes");
    }

    @Test
    void parallelAndSharedFileSystemsGiveReadWriteManyGrowAndAreAlwaysEncrypted() {
        for (StorageDriver d : List.of(AwsDrivers.FSX_LUSTRE, GcpDrivers.FILESTORE)) {
            assertEquals(Attachment.SHARED_FILE_SYSTEM, d.attachment(), d.name());
            assertTrue(d.gives(READ_WRITE_MANY) && d.dynamicProvisioning() && d.expansion().grows(), d.name());
            assertFalse(d.givesBlockVolumes(), d.name());
            assertEquals(Encryption.Kind.ALWAYS, d.encryption().kind(), d.name());
        }
        assertFalse(AwsDrivers.FSX_LUSTRE.gives(READ_ONLY_MANY), "controller.go volumeCaps has no MULTI_NODE_READER_ONLY");
        assertEquals(List.of("SCRATCH_1", "SCRATCH_2", "PERSISTENT_1", "PERSISTENT_2"),
                AwsDrivers.FSX_LUSTRE.parameter("deploymentType").orElseThrow().allowed());
        assertTrue(AwsDrivers.FSX_LUSTRE.parameter("securityGroupIds").orElseThrow().accepts("sg-0123456789abcdef0,sg-0fedcba9876543210"));
        assertFalse(AwsDrivers.FSX_LUSTRE.parameter("subnetId").orElseThrow().accepts("subnet-x"));
        assertTrue(AwsDrivers.FSX_LUSTRE.volumeHandle().matches("fs-0123456789abcdef0"));
        assertEquals(List.of("DIRECT_PEERING", "PRIVATE_SERVICE_ACCESS"), GcpDrivers.FILESTORE.parameter("connect-mode").orElseThrow().allowed());
        assertTrue(GcpDrivers.FILESTORE.parameter("tier").orElseThrow().accepts("zonal"));
        assertTrue(GcpDrivers.FILESTORE.volumeHandle().matches("modeInstance/us-central1-a/datasets/share1"));
        assertEquals("topology.gke.io/zone", GcpDrivers.FILESTORE.topologyKey());
    }

    @Test
    void onlyDisksRestoredReadOnlyToManyNodesAreMarkedForHydration() {
        assertEquals(List.of(GcpDrivers.PD, SelfHostedDrivers.CEPH_RBD),
                DriverCatalog.all().stream().filter(StorageDriver::readOnlyManyFromSnapshots).toList());
        assertTrue(GcpDrivers.PD.parameter("type").orElseThrow().accepts(GcpDrivers.HYPERDISK_ML));
        assertEquals(Parameter.Type.BOOLEAN, GcpDrivers.PD.parameter(GcpDrivers.MULTI_ZONE_PARAMETER).orElseThrow().type());
        Parameter throughput = GcpDrivers.PD.parameter("provisioned-throughput-on-create").orElseThrow();
        assertTrue(throughput.accepts("2400Mi"));
        assertFalse(throughput.accepts("2400"), "ConvertMiStringToInt64 reads a bare number as bytes");
    }

    @Test
    void anEntryRefusesABucketMountOutsideObjectStorageAndHydrationWithoutSnapshots() {
        BucketMount mount = AwsDrivers.S3_MOUNTPOINT.bucket().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageDriver.csi("X", "x.example.com",
                Attachment.SHARED_FILE_SYSTEM)
                .docs("https://example.com").accessModes(READ_WRITE_MANY)
                .placement(Placement.ANY_NODE, null).encryption(Encryption.byTheStorage("")).expansion(Expansion.NONE).bucket(mount).build());
        assertEquals("X: a bucket mount is given for object storage, and only then", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StorageDriver.csi("Y", "y.example.com", Attachment.NETWORK_BLOCK)
                .docs("https://example.com").accessModes(READ_WRITE_ONCE, READ_ONLY_MANY)
                .placement(Placement.ANY_NODE, null).encryption(Encryption.byTheStorage("")).expansion(Expansion.NONE)
                .can(Capability.READ_ONLY_MANY_FROM_SNAPSHOTS).build());
        assertEquals("Y: ReadOnlyMany volumes from snapshots need snapshots and ReadOnlyMany", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BucketMount("bucket", List.of(), List.of(),
                new FileCache.NodeDisk("x", "y"), true, null, null, "https://example.com"));
    }
}
