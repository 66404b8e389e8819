package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.AllowNulls;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.facts.drivers.FileCache;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.EphemeralVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimTemplate;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.Volume;
import org.immutables.value.Value;

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
@Value.Immutable
@PropsStyle
public abstract sealed class GcsBucket implements Bucket permits ImmutableGcsBucket {
    private static final String CONSTRUCT = "GcsBucket";
    private static final String SIDECAR = "gke-gcsfuse/";
    private static final List<String> SIDECAR_RESOURCES =
            List.of("cpu-limit", "cpu-request", "memory-limit", "memory-request", "ephemeral-storage-limit", "ephemeral-storage-request");

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The bucket's name. */
    @Nullable
    public abstract String bucket();

    /**
     * Mount only this directory of the bucket (mount option {@code only-dir}).
     *
     * @default the whole bucket
     */
    @Nullable
    public abstract String onlyDir();

    /**
     * Show directories that exist only as prefixes of object names (mount option {@code implicit-dirs}).
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean implicitDirs() {
        return false;
    }

    /**
     * Seconds metadata is cached ({@code metadataCacheTTLSeconds}); {@code -1} never expires, for weights that never change.
     *
     * @default the driver's
     */
    @Nullable
    public abstract Integer metadataCacheTtlSeconds();

    /**
     * The file cache's capacity ({@code fileCacheCapacity}); see {@link Builder#fileCache} and {@link Builder#fileCacheOn}.
     *
     * @default no file cache
     */
    @Nullable
    public abstract String fileCacheCapacity();

    /**
     * The StorageClass of the file cache's generic ephemeral volume.
     *
     * @default none: an {@code emptyDir}
     */
    @Nullable
    public abstract String fileCacheStorageClass();

    /**
     * Download large files into the file cache in parallel ({@code file-cache:enable-parallel-downloads:true}); needs a file cache.
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean parallelDownloads() {
        return false;
    }

    /**
     * The Google service account pods read the bucket as (Workload Identity: {@code iam.gke.io/gcp-service-account} on their
     * ServiceAccount).
     *
     * @default none: the Kubernetes ServiceAccount's own principal, granted on the bucket directly
     */
    @Nullable
    public abstract String gcpServiceAccount();

    /**
     * Resources of the injected sidecar, by their annotations' names after {@code gke-gcsfuse/}; see {@link Builder#sidecar(String, String)}.
     *
     * @default GKE's defaults
     */
    @AllowNulls
    @Value.NaturalOrder
    public abstract SortedMap<String, String> sidecar();

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        Checks.required(CONSTRUCT, "bucket", bucket(), n -> n.matches("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]"),
                "a Cloud Storage bucket name: 3 to 63 lower-case letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        Checks.optional(CONSTRUCT, "onlyDir", onlyDir(), d -> !d.startsWith("/") && !d.contains("..") && !d.contains(","),
                "a directory of the bucket, relative, such as models/llama-3.1-8b");
        Checks.optional(CONSTRUCT, "gcpServiceAccount", gcpServiceAccount(),
                a -> a.matches("[a-z][-a-z0-9]{4,28}[a-z0-9]@[a-z][-a-z0-9]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com"),
                "a Google service account's email, such as model-reader@my-project.iam.gserviceaccount.com");
        if (metadataCacheTtlSeconds() != null) {
            Validate.atLeast(CONSTRUCT, "metadataCacheTtlSeconds", metadataCacheTtlSeconds(), -1);
        }
        if (fileCacheCapacity() != null) {
            // -1 is unlimited: no volume can bound it.
            Validate.size(CONSTRUCT, "fileCacheCapacity", fileCacheCapacity());
            if (fileCacheStorageClass() != null) {
                Validate.dnsSubdomain(CONSTRUCT, "fileCacheStorageClass", fileCacheStorageClass());
            }
        } else if (parallelDownloads() || fileCacheStorageClass() != null) {
            Checks.refuse(CONSTRUCT, "fileCacheCapacity", null, "the file cache's capacity: "
                    + (parallelDownloads() ? "parallel downloads fill the file cache, which" : "a file cache") + " needs a volume of a given size");
        }
        for (Map.Entry<String, String> e : sidecar().entrySet()) {
            String prop = "sidecar." + e.getKey();
            if (e.getKey().startsWith("cpu")) {
                Validate.cpu(CONSTRUCT, prop, e.getValue());
            } else {
                Validate.size(CONSTRUCT, prop, e.getValue());
            }
        }
    }

    private FileCache.PodVolume cache() {
        return (FileCache.PodVolume) mount().fileCache();
    }

    @Override
    public StorageDriver driver() {
        return GcpDrivers.GCS_FUSE;
    }

    @Override
    public String displayName() {
        return "gs://" + bucket() + "/" + (onlyDir() == null ? "" : onlyDir());
    }

    /** The driver's volume handle is the bucket's name. */
    @Override
    public String volumeHandle(String persistentVolumeName) {
        return bucket();
    }

    @Override
    public Map<String, String> volumeAttributes() {
        return VolumeAttributes.of(driver(), cache().capacityAttribute(), fileCacheCapacity(),
                "metadataCacheTTLSeconds", metadataCacheTtlSeconds());
    }

    @Override
    public List<String> mountOptions() {
        List<String> options = new ArrayList<>();
        if (implicitDirs()) {
            options.add("implicit-dirs");
        }
        if (onlyDir() != null) {
            options.add("only-dir=" + onlyDir());
        }
        if (parallelDownloads()) {
            options.add("file-cache:enable-parallel-downloads:true");
        }
        return options;
    }

    @Override
    public Map<String, String> podAnnotations() {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(mount().requiredPodAnnotation().orElseThrow(), "true");
        sidecar().forEach((resource, value) -> annotations.put(SIDECAR + resource, value));
        return annotations;
    }

    /** The file cache's volume, {@code gke-gcsfuse-cache}, as large as the cache; none without a cache. */
    @Override
    public List<Volume> podVolumes() {
        if (fileCacheCapacity() == null) {
            return List.of();
        }
        Volume.Builder volume = Volume.builder().name(cache().podVolume());
        if (fileCacheStorageClass() == null) {
            volume.emptyDir(EmptyDirVolumeSource.builder().sizeLimit(Quantities.of(fileCacheCapacity())).build());
        } else {
            volume.ephemeral(EphemeralVolumeSource.builder().volumeClaimTemplate(PersistentVolumeClaimTemplate.builder()
                    .spec(PersistentVolumeClaimSpec.builder().accessModes(List.of("ReadWriteOnce")).storageClassName(fileCacheStorageClass())
                            .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", fileCacheCapacity()))).build())
                            .build())
                    .build()).build());
        }
        return List.of(volume.build());
    }

    /** The Google service account pods read the bucket as, named by the Workload Identity annotation on their ServiceAccount. */
    @Override
    public String podPrincipal() {
        return gcpServiceAccount();
    }

    /** Builder for {@link GcsBucket}. */
    public static final class Builder extends ImmutableGcsBucket.Builder {
        /**
         * A file cache of this capacity ({@code fileCacheCapacity}) on an {@code emptyDir} {@code gke-gcsfuse-cache} of the same size.
         *
         * @default no file cache
         */
        public Builder fileCache(String capacity) {
            return fileCacheCapacity(capacity);
        }

        /**
         * A file cache of this capacity on a generic ephemeral volume {@code gke-gcsfuse-cache} of {@code storageClass}.
         *
         * @default no file cache
         */
        public Builder fileCacheOn(String storageClass, String capacity) {
            return fileCacheStorageClass(storageClass).fileCacheCapacity(capacity);
        }

        /**
         * A resource of the injected sidecar, by its annotation's name after {@code gke-gcsfuse/}: {@code cpu-limit},
         * {@code cpu-request}, {@code memory-limit}, {@code memory-request}, {@code ephemeral-storage-limit} or
         * {@code ephemeral-storage-request}.
         *
         * @default GKE's defaults
         */
        public Builder sidecar(String resource, String quantity) {
            if (!SIDECAR_RESOURCES.contains(resource)) {
                throw new InvalidPropsException(CONSTRUCT, "sidecar", resource, "one of " + String.join(", ", SIDECAR_RESOURCES));
            }
            return putSidecar(resource, quantity);
        }
    }
}
