package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.facts.drivers.FileCache;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.EphemeralVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimTemplate;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.Volume;

/**
 * A Cloud Storage bucket through Cloud Storage FUSE on GKE ({@code gcsfuse.csi.storage.gke.io}, static
 * provisioning only): the volume handle is the bucket. Every pod that mounts it carries
 * {@code gke-gcsfuse/volumes: "true"}, so that GKE injects the FUSE sidecar, and the sidecar's resources as
 * annotations ({@code gke-gcsfuse/cpu-limit}, {@code gke-gcsfuse/memory-limit},
 * {@code gke-gcsfuse/ephemeral-storage-limit}, pkg/webhook/mutatingwebhook.go). A file cache
 * ({@code fileCacheCapacity}) lives on the pod volume {@code gke-gcsfuse-cache}, which this bucket gives its
 * pods sized to the capacity: an {@code emptyDir} with that size limit, or a generic ephemeral volume of a
 * StorageClass (local SSD, a PD class); parallel downloads ({@code file-cache:enable-parallel-downloads:true})
 * fill it faster for large files and need it. With {@code gcpServiceAccount} pods use Workload Identity:
 * their ServiceAccount carries {@code iam.gke.io/gcp-service-account}.
 */
public final class GcsBucket implements Bucket {
    private static final String CONSTRUCT = "GcsBucket";
    private static final String SIDECAR = "gke-gcsfuse/";

    private final Props b;

    private record Props(String bucket, String onlyDir, boolean implicitDirs, Integer metadataCacheTtlSeconds, String fileCacheCapacity,
                         String fileCacheStorageClass, boolean parallelDownloads, String gcpServiceAccount, Map<String, String> sidecar) {
    }

    private GcsBucket(Props b) {
        BucketChecks.required(CONSTRUCT, "bucket", b.bucket(), n -> n.matches("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]"),
                "a Cloud Storage bucket name: 3 to 63 lower-case letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        BucketChecks.optional(CONSTRUCT, "onlyDir", b.onlyDir(), d -> !d.startsWith("/") && !d.contains("..") && !d.contains(","),
                "a directory of the bucket, relative, such as models/llama-3.1-8b");
        BucketChecks.optional(CONSTRUCT, "gcpServiceAccount", b.gcpServiceAccount(),
                a -> a.matches("[a-z][-a-z0-9]{4,28}[a-z0-9]@[a-z][-a-z0-9]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com"),
                "a Google service account's email, such as model-reader@my-project.iam.gserviceaccount.com");
        if (b.metadataCacheTtlSeconds() != null) {
            Validate.atLeast(CONSTRUCT, "metadataCacheTtlSeconds", b.metadataCacheTtlSeconds(), -1);
        }
        if (b.fileCacheCapacity() != null) {
            // -1 is unlimited: no volume can bound it.
            Validate.size(CONSTRUCT, "fileCacheCapacity", b.fileCacheCapacity());
            if (b.fileCacheStorageClass() != null) {
                Validate.dnsSubdomain(CONSTRUCT, "fileCacheStorageClass", b.fileCacheStorageClass());
            }
        } else if (b.parallelDownloads() || b.fileCacheStorageClass() != null) {
            BucketChecks.refuse(CONSTRUCT, "fileCacheCapacity", null, "the file cache's capacity: "
                    + (b.parallelDownloads() ? "parallel downloads fill the file cache, which" : "a file cache") + " needs a volume of a given size");
        }
        for (Map.Entry<String, String> e : b.sidecar().entrySet()) {
            String prop = "sidecar." + e.getKey();
            if (e.getKey().startsWith("cpu")) {
                Validate.cpu(CONSTRUCT, prop, e.getValue());
            } else {
                Validate.size(CONSTRUCT, prop, e.getValue());
            }
        }
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static FileCache.PodVolume cache() {
        return (FileCache.PodVolume) GcpDrivers.GCS_FUSE.bucket().orElseThrow().fileCache();
    }

    @Override
    public StorageDriver driver() {
        return GcpDrivers.GCS_FUSE;
    }

    @Override
    public String displayName() {
        return "gs://" + b.bucket() + "/" + (b.onlyDir() == null ? "" : b.onlyDir());
    }

    /** The driver's volume handle is the bucket's name. */
    @Override
    public String volumeHandle(String persistentVolumeName) {
        return b.bucket();
    }

    @Override
    public Map<String, String> volumeAttributes() {
        return BucketChecks.attributes(driver(), cache().capacityAttribute(), b.fileCacheCapacity(),
                "metadataCacheTTLSeconds", b.metadataCacheTtlSeconds());
    }

    @Override
    public List<String> mountOptions() {
        List<String> options = new ArrayList<>();
        if (b.implicitDirs()) {
            options.add("implicit-dirs");
        }
        if (b.onlyDir() != null) {
            options.add("only-dir=" + b.onlyDir());
        }
        if (b.parallelDownloads()) {
            options.add("file-cache:enable-parallel-downloads:true");
        }
        return options;
    }

    @Override
    public Map<String, String> podAnnotations() {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(mount().requiredPodAnnotation().orElseThrow(), "true");
        b.sidecar().forEach((resource, value) -> annotations.put(SIDECAR + resource, value));
        return annotations;
    }

    /** The file cache's volume, {@code gke-gcsfuse-cache}, as large as the cache; none without a cache. */
    @Override
    public List<Volume> podVolumes() {
        if (b.fileCacheCapacity() == null) {
            return List.of();
        }
        Volume.Builder volume = Volume.builder().name(cache().podVolume());
        if (b.fileCacheStorageClass() == null) {
            volume.emptyDir(EmptyDirVolumeSource.builder().sizeLimit(Quantities.of(b.fileCacheCapacity())).build());
        } else {
            volume.ephemeral(EphemeralVolumeSource.builder().volumeClaimTemplate(PersistentVolumeClaimTemplate.builder()
                    .spec(PersistentVolumeClaimSpec.builder().accessModes(List.of("ReadWriteOnce")).storageClassName(b.fileCacheStorageClass())
                            .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", b.fileCacheCapacity()))).build())
                            .build())
                    .build()).build());
        }
        return List.of(volume.build());
    }

    @Override
    public Map<String, String> serviceAccountAnnotations() {
        return b.gcpServiceAccount() == null ? Map.of() : Map.of(mount().serviceAccountAnnotation().orElseThrow(), b.gcpServiceAccount());
    }

    @Override
    public boolean podIdentity() {
        return b.gcpServiceAccount() != null;
    }

    /** Builder for {@link GcsBucket}. */
    public static final class Builder {
        private String bucket;
        private String onlyDir;
        private boolean implicitDirs;
        private Integer metadataCacheTtlSeconds;
        private String fileCacheCapacity;
        private String fileCacheStorageClass;
        private boolean parallelDownloads;
        private String gcpServiceAccount;
        private final Map<String, String> sidecar = new TreeMap<>();

        private Builder() {
        }


        /** Required. The bucket's name. */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /**
         * Mount only this directory of the bucket (mount option {@code only-dir}).
         *
         * @default the whole bucket
         */
        public Builder onlyDir(String onlyDir) {
            this.onlyDir = onlyDir;
            return this;
        }

        /**
         * Show directories that exist only as prefixes of object names (mount option {@code implicit-dirs}).
         *
         * @default {@code false}
         */
        public Builder implicitDirs(boolean implicitDirs) {
            this.implicitDirs = implicitDirs;
            return this;
        }

        /**
         * Seconds metadata is cached ({@code metadataCacheTTLSeconds}); {@code -1} never expires, for weights that never change.
         *
         * @default the driver's
         */
        public Builder metadataCacheTtlSeconds(Integer seconds) {
            this.metadataCacheTtlSeconds = seconds;
            return this;
        }

        /**
         * A file cache of this capacity ({@code fileCacheCapacity}) on an {@code emptyDir} {@code gke-gcsfuse-cache} of the same size.
         *
         * @default no file cache
         */
        public Builder fileCache(String capacity) {
            this.fileCacheCapacity = capacity;
            return this;
        }

        /**
         * A file cache of this capacity on a generic ephemeral volume {@code gke-gcsfuse-cache} of {@code storageClass}.
         *
         * @default no file cache
         */
        public Builder fileCacheOn(String storageClass, String capacity) {
            this.fileCacheStorageClass = storageClass;
            this.fileCacheCapacity = capacity;
            return this;
        }

        /**
         * Download large files into the file cache in parallel ({@code file-cache:enable-parallel-downloads:true}); needs a file cache.
         *
         * @default {@code false}
         */
        public Builder parallelDownloads(boolean parallelDownloads) {
            this.parallelDownloads = parallelDownloads;
            return this;
        }

        /**
         * The Google service account pods read the bucket as (Workload Identity: {@code iam.gke.io/gcp-service-account} on their
         * ServiceAccount).
         *
         * @default none: the Kubernetes ServiceAccount's own principal, granted on the bucket directly
         */
        public Builder gcpServiceAccount(String email) {
            this.gcpServiceAccount = email;
            return this;
        }

        /**
         * A resource of the injected sidecar, by its annotation's name after {@code gke-gcsfuse/}: {@code cpu-limit},
         * {@code cpu-request}, {@code memory-limit}, {@code memory-request}, {@code ephemeral-storage-limit} or
         * {@code ephemeral-storage-request}.
         *
         * @default GKE's defaults
         */
        public Builder sidecar(String resource, String quantity) {
            if (!List.of("cpu-limit", "cpu-request", "memory-limit", "memory-request", "ephemeral-storage-limit", "ephemeral-storage-request")
                    .contains(resource)) {
                throw new dev.statefulai.constructs.InvalidPropsException(CONSTRUCT, "sidecar", resource,
                        "one of cpu-limit, cpu-request, memory-limit, memory-request, ephemeral-storage-limit, ephemeral-storage-request");
            }
            this.sidecar.put(resource, quantity);
            return this;
        }

        public GcsBucket build() {
            return new GcsBucket(new Props(bucket, onlyDir, implicitDirs, metadataCacheTtlSeconds, fileCacheCapacity, fileCacheStorageClass,
                    parallelDownloads, gcpServiceAccount, new TreeMap<>(sidecar)));
        }
    }
}
