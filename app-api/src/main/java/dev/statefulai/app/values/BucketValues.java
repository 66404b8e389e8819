package dev.statefulai.app.values;

import dev.statefulai.constructs.objectstore.AzureBlobContainer;
import dev.statefulai.constructs.objectstore.Bucket;
import dev.statefulai.constructs.objectstore.GcsBucket;
import dev.statefulai.constructs.objectstore.ModelBucketProps;
import dev.statefulai.constructs.objectstore.S3Bucket;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.StorageDriver;

/**
 * A bucket of object storage in values files, as a read-only volume ({@code ModelBucket}). Keys of another
 * driver are refused.
 *
 * @param driver             {@code s3} (Mountpoint for Amazon S3), {@code gcs} (Cloud Storage FUSE on GKE) or
 *                           {@code azure-blob} (blobfuse2); default {@code s3}
 * @param bucket             the bucket's (the Azure container's) name
 * @param prefix             s3: the key prefix to mount, ending in {@code /}; gcs: the directory to mount ({@code only-dir})
 * @param region             s3: the bucket's region (required with {@code roleArn})
 * @param roleArn            s3: the IAM role the pods read with (IRSA on their ServiceAccount)
 * @param gcpServiceAccount  gcs: the Google service account the pods read as (Workload Identity)
 * @param storageAccount     azure-blob: the storage account
 * @param clientId           azure-blob: the managed identity's client id (workload identity)
 * @param cacheSize          s3 and gcs: a local file cache of this size, on an {@code emptyDir} of that size
 * @param immutable          s3 and gcs: objects never change under their keys, so metadata is cached forever; default false
 * @param parallelDownloads  gcs: fill the file cache with parallel downloads; default false
 * @param serviceAccountName the ServiceAccount the construct creates for the pods' identity; default the volume's name
 * @param sidecar            gcs: resources of GKE's FUSE sidecar by annotation name after {@code gke-gcsfuse/}, e.g.
 *                           {@code memory-limit: 2Gi}; default GKE's
 */
public record BucketValues(Driver driver, String bucket, String prefix, String region, String roleArn, String gcpServiceAccount,
                           String storageAccount, String clientId, @Rule(Rule.Kind.SIZE) String cacheSize, Boolean immutable,
                           Boolean parallelDownloads, @Rule(Rule.Kind.DNS_SUBDOMAIN) String serviceAccountName,
                           java.util.Map<String, String> sidecar) {

    /** The drivers a values file can name: each a driver of the storage-driver catalog, and the keys it takes. */
    public enum Driver implements DriverChoice {
        /** Mountpoint for Amazon S3. */
        S3("s3", AwsDrivers.S3_MOUNTPOINT, "prefix", "region", "roleArn", "cacheSize", "immutable"),
        /** Cloud Storage FUSE on GKE. */
        GCS("gcs", GcpDrivers.GCS_FUSE, "prefix", "gcpServiceAccount", "cacheSize", "immutable", "parallelDownloads", "sidecar"),
        /** Azure Blob through blobfuse2. */
        AZURE_BLOB("azure-blob", AzureDrivers.BLOB, "storageAccount", "clientId");

        private final DriverChoice.Spec spec;

        Driver(String value, StorageDriver driver, String... keys) {
            this.spec = new DriverChoice.Spec(value, driver, keys);
        }

        @Override
        public DriverChoice.Spec spec() {
            return spec;
        }

        @Override
        public String toString() {
            return spec.value();
        }
    }

    /** The driver named ({@code s3} when none). */
    public Driver driverOrDefault() {
        return driver == null ? Driver.S3 : driver;
    }

    /** The props of a {@code ModelBucket} named {@code name} for this bucket; a key of another driver is refused. */
    public ModelBucketProps.Builder toProps(String name) {
        PropSources.feeds("bucket", this);
        PropSources.feeds("ModelBucket '" + name + "'", "", this, null);
        ModelBucketProps.Builder props = ModelBucketProps.builder().name(name).bucket(toBucket());
        Set.ifGiven(serviceAccountName, props::serviceAccountName);
        return props;
    }

    /** The bucket of the driver named. */
    public Bucket toBucket() {
        Driver kind = driverOrDefault();
        BackendKeys.refuseOthers("bucket", "driver", kind, this);
        boolean forever = Boolean.TRUE.equals(immutable);
        switch (kind) {
            case GCS -> {
                PropSources.feeds("GcsBucket", "", this, null);
                PropSources.feeds("GcsBucket", "onlyDir", this, "prefix");
                PropSources.feeds("GcsBucket", "fileCacheCapacity", this, "cacheSize");
                GcsBucket.Builder gcs = GcsBucket.builder().bucket(bucket).onlyDir(prefix).gcpServiceAccount(gcpServiceAccount)
                        .fileCache(cacheSize).parallelDownloads(Boolean.TRUE.equals(parallelDownloads)).implicitDirs(true);
                if (forever) {
                    gcs.metadataCacheTtlSeconds(-1);
                }
                if (sidecar != null) {
                    sidecar.forEach(gcs::sidecar);
                }
                return gcs.build();
            }
            case AZURE_BLOB -> {
                PropSources.feeds("AzureBlobContainer", "", this, null);
                PropSources.feeds("AzureBlobContainer", "container", this, "bucket");
                return AzureBlobContainer.builder().storageAccount(storageAccount).container(bucket).clientId(clientId).build();
            }
            default -> {
                PropSources.feeds("S3Bucket", "", this, null);
                S3Bucket.Builder s3 = S3Bucket.builder().bucket(bucket).prefix(prefix).region(region).roleArn(roleArn)
                        .metadataTtl(forever ? "indefinite" : null);
                if (cacheSize != null) {
                    s3.cache(cacheSize, false);
                }
                return s3.build();
            }
        }
    }
}
