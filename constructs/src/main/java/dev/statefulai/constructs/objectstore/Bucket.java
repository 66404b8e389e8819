package dev.statefulai.constructs.objectstore;

import dev.statefulai.facts.drivers.BucketMount;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.Volume;

/**
 * A bucket of object storage and how its driver mounts it, one type per driver ({@link S3Bucket},
 * {@link GcsBucket}, {@link AzureBlobContainer}), each checked when built against its catalog entry
 * ({@link StorageDriver#bucket()}). A {@link ModelBucket} makes it a pre-provisioned volume and a claim bound
 * to it; what the bucket needs of the pods that mount it (annotations, a cache volume, a ServiceAccount's
 * identity) it says here.
 */
public sealed interface Bucket permits S3Bucket, GcsBucket, AzureBlobContainer {

    /** The driver's catalog entry. */
    StorageDriver driver();

    /** How the driver mounts a bucket. */
    default BucketMount mount() {
        return driver().bucket().orElseThrow();
    }

    /** A short name for messages and outputs, e.g. {@code s3://acme-models/llama/}. */
    String displayName();

    /** The volume handle of the PersistentVolume {@code persistentVolumeName}, unique in the cluster. */
    String volumeHandle(String persistentVolumeName);

    /** The PersistentVolume's {@code csi.volumeAttributes}, each a key the catalog documents; empty for none. */
    Map<String, String> volumeAttributes();

    /** The PersistentVolume's {@code mountOptions}. */
    List<String> mountOptions();

    /** Annotations every pod that mounts the volume needs (the GKE sidecar's); empty for none. */
    default Map<String, String> podAnnotations() {
        return Map.of();
    }

    /** Volumes every pod that mounts the volume needs besides its claim (a file cache's); empty for none. */
    default List<Volume> podVolumes() {
        return List.of();
    }

    /**
     * The cloud identity pods mount the bucket as (an IAM role's ARN, a Google service account, a managed identity's client
     * id); {@code null} when the driver's own credentials read it.
     */
    String podPrincipal();

    /** Whether pods mount the bucket with an identity of their own, so that they need a ServiceAccount. */
    default boolean podIdentity() {
        return podPrincipal() != null;
    }

    /**
     * The annotations of the ServiceAccount that gives pods their own identity for the bucket: the driver's identity annotation
     * ({@link BucketMount#serviceAccountAnnotation()}) naming {@link #podPrincipal()}; empty for none, or when the driver names the
     * identity elsewhere (a volume attribute).
     */
    default Map<String, String> serviceAccountAnnotations() {
        String principal = podPrincipal();
        return principal == null ? Map.of() : mount().serviceAccountAnnotation().map(key -> Map.of(key, principal)).orElse(Map.of());
    }
}
