package dev.statefulai.app.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.hydrate.HydratedVolumeProps;
import dev.statefulai.constructs.objectstore.GcsBucket;
import dev.statefulai.constructs.objectstore.S3Bucket;
import dev.statefulai.constructs.storage.files.FilestoreVolume;
import dev.statefulai.constructs.storage.files.FsxLustre;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values of buckets, hydrated volumes and shared file systems, and the props each key becomes. */
class BucketAndFileSystemValuesTest {

    private static BucketValues bucket(BucketValues.Driver driver, String region, String gcpServiceAccount, Boolean parallel) {
        return new BucketValues(driver, "acme-models", driver == BucketValues.Driver.GCS ? "llama" : "llama/", region, null,
                gcpServiceAccount, null, null, "20Gi", true, parallel, null, null);
    }

    @Test
    void anS3BucketTakesItsRegionPrefixCacheAndImmutability() {
        S3Bucket s3 = assertInstanceOf(S3Bucket.class, bucket(null, "us-east-1", null, null).toBucket());
        assertEquals(List.of("region us-east-1", "prefix llama/", "metadata-ttl indefinite"), s3.mountOptions());
        assertEquals("20Gi", s3.volumeAttributes().get("cacheEmptyDirSizeLimit"));
    }

    @Test
    void aGcsBucketTakesItsDirectoryCacheAndParallelDownloads() {
        GcsBucket gcs = assertInstanceOf(GcsBucket.class, bucket(BucketValues.Driver.GCS, null,
                "model-reader@ml-prod.iam.gserviceaccount.com", true).toBucket());
        assertEquals(List.of("implicit-dirs", "only-dir=llama", "file-cache:enable-parallel-downloads:true"), gcs.mountOptions());
        assertEquals(Map.of("fileCacheCapacity", "20Gi", "metadataCacheTTLSeconds", "-1"), gcs.volumeAttributes());
    }

    @Test
    void aKeyOfAnotherDriverIsRefused() {
        InvalidPropsException e = assertThrows(InvalidPropsException.class,
                () -> bucket(BucketValues.Driver.GCS, "us-east-1", null, null).toBucket());
        assertEquals("bucket: prop 'bucket.region' is 'us-east-1'; allowed: nothing for driver gcs: region belongs to another driver",
                e.getMessage());
    }

    @Test
    void hydrateMakesAZonalFillClassAndAMultiZoneServingClassOfHyperdiskMl() {
        HydratedVolumeProps props = new HydrateValues(HydrateValues.Stage.SERVE, "100Gi", "llm-weights", 2400, null, "pd-snapshots", null)
                .toProps("model-weights", CacheFill.fromS3("s3://acme-models/llama/").into("model-weights").build()).build();
        assertEquals(HydratedVolumeProps.Stage.SERVE, props.stage());
        assertEquals("llm-weights", props.servingClass().name());
        assertEquals("true", props.servingClass().backend().parameters().get("enable-multi-zone-provisioning"));
        assertEquals("Immediate", props.servingClass().bindingMode().value());
        assertEquals("llm-weights-fill", props.fillClass().name());
        assertEquals(Map.of("type", "hyperdisk-ml", "provisioned-throughput-on-create", "2400Mi"), props.fillClass().backend().parameters());
    }

    @Test
    void aLustreClassMountsWithFlockAndAFilestoreShareIsAVolume() {
        SharedFileSystemValues lustre = new SharedFileSystemValues(null, SharedFileSystemValues.Backend.FSX_LUSTRE, null,
                "subnet-0123456789abcdef0", List.of("sg-0123456789abcdef0"), null, 125, null, null, null, null, null, null);
        assertEquals(List.of(FsxLustre.FLOCK), lustre.toSpec("datasets").mountOptions());
        assertEquals("PERSISTENT_2", lustre.toSpec("datasets").backend().parameters().get("deploymentType"));
        SharedFileSystemValues filestore = new SharedFileSystemValues("files", SharedFileSystemValues.Backend.FILESTORE, null,
                null, null, null, null, null, null, "zonal", null, null, null);
        assertInstanceOf(FilestoreVolume.class, filestore.existing(new ExistingFileSystemValues(null, null, null, "us-central1-a", "datasets",
                "vol1", "10.0.16.2")));
        InvalidPropsException e = assertThrows(InvalidPropsException.class, () -> filestore.existing(new ExistingFileSystemValues(
                "fs-0123456789abcdef0", null, null, "us-central1-a", "datasets", "vol1", "10.0.16.2")));
        assertEquals("existing: prop 'existing.fileSystemId' is 'fs-0123456789abcdef0'; allowed: nothing for backend filestore:"
                + " fileSystemId belongs to another backend", e.getMessage());
    }
}
