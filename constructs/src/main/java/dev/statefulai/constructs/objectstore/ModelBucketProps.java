package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.VolumeMode;
import org.immutables.value.Value;

/**
 * Props of {@link ModelBucket}. Required: {@code name} and {@code bucket}; everything else has a default
 * documented on its accessor. The common case is one line:
 *
 * <pre>{@code
 * ModelBucketProps.builder().name("model-weights")
 *         .bucket(S3Bucket.builder().bucket("acme-models").region("us-east-1").prefix("llama-3.1-8b/").build()).build()
 * }</pre>
 */
@Value.Immutable
@PropsStyle
public abstract class ModelBucketProps extends NamedProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The bucket and how its driver mounts it: {@link S3Bucket}, {@link GcsBucket} or {@link AzureBlobContainer}. */
    @Nullable
    public abstract Bucket bucket();

    /**
     * The access mode of the volume and its claim: {@code ReadOnlyMany} for weights every replica reads, or
     * {@code ReadWriteMany} for a bucket pods write (checkpoints), which no serving pod may mount.
     *
     * @default {@link AccessMode#READ_ONLY_MANY}
     */
    @Nullable
    @Value.Default
    public AccessMode accessMode() {
        return AccessMode.READ_ONLY_MANY;
    }

    /**
     * The volume mode; a bucket is a FUSE file system, so only {@code Filesystem}.
     *
     * @default {@link VolumeMode#FILESYSTEM}
     */
    @Nullable
    @Value.Default
    public VolumeMode volumeMode() {
        return VolumeMode.FILESYSTEM;
    }

    /**
     * The capacity of the volume and the claim's request, which Kubernetes requires and the drivers ignore.
     *
     * @default {@code 1Gi}
     */
    @Nullable
    @Value.Default
    public String capacity() {
        return "1Gi";
    }

    /**
     * The PersistentVolume's name (cluster-wide).
     *
     * @default {@code <namespace>-<name>}
     */
    @Nullable
    public abstract String persistentVolumeName();

    /**
     * The ServiceAccount pods mount the bucket with, when the bucket gives pods their own identity.
     *
     * @default {@code <name>}
     */
    @Nullable
    public abstract String serviceAccountName();

    /**
     * Whether to create that ServiceAccount (with the bucket's identity annotations), or only name one that exists.
     *
     * @default {@code true}
     */
    @Value.Default
    public boolean createServiceAccount() {
        return true;
    }

    /** Builder for {@link ModelBucketProps}. */
    public static final class Builder extends ImmutableModelBucketProps.Builder {
    }
}
