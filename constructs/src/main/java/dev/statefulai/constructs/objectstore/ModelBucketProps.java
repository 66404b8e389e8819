package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.VolumeMode;

/**
 * Props of {@link ModelBucket}. Required: {@code name} and {@code bucket}; everything else has a default
 * documented on its builder method. The common case is one line:
 *
 * <pre>{@code
 * ModelBucketProps.builder().name("model-weights")
 *         .bucket(S3Bucket.builder().bucket("acme-models").region("us-east-1").prefix("llama-3.1-8b/").build()).build()
 * }</pre>
 */
public final class ModelBucketProps extends NamedProps {
    private final Bucket bucket;
    private final AccessMode accessMode;
    private final VolumeMode volumeMode;
    private final String capacity;
    private final String persistentVolumeName;
    private final String serviceAccountName;
    private final boolean createServiceAccount;

    private ModelBucketProps(Builder b) {
        super(b);
        this.bucket = b.bucket;
        this.accessMode = b.accessMode;
        this.volumeMode = b.volumeMode;
        this.capacity = b.capacity;
        this.persistentVolumeName = b.persistentVolumeName;
        this.serviceAccountName = b.serviceAccountName;
        this.createServiceAccount = b.createServiceAccount;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Bucket bucket() {
        return bucket;
    }

    public AccessMode accessMode() {
        return accessMode;
    }

    public VolumeMode volumeMode() {
        return volumeMode;
    }

    public String capacity() {
        return capacity;
    }

    /** The PersistentVolume's name as given, or {@code null} for the default. */
    public String persistentVolumeName() {
        return persistentVolumeName;
    }

    /** The ServiceAccount's name as given, or {@code null} for the default. */
    public String serviceAccountName() {
        return serviceAccountName;
    }

    public boolean createServiceAccount() {
        return createServiceAccount;
    }

    /** Builder for {@link ModelBucketProps}. */
    public static final class Builder extends NamedProps.Builder<Builder> {
        private Bucket bucket;
        private AccessMode accessMode = AccessMode.READ_ONLY_MANY;
        private VolumeMode volumeMode = VolumeMode.FILESYSTEM;
        private String capacity = "1Gi";
        private String persistentVolumeName;
        private String serviceAccountName;
        private boolean createServiceAccount = true;

        private Builder() {
        }

        /** Required. The bucket and how its driver mounts it: {@link S3Bucket}, {@link GcsBucket} or {@link AzureBlobContainer}. */
        public Builder bucket(Bucket bucket) {
            this.bucket = bucket;
            return this;
        }

        /**
         * The access mode of the volume and its claim: {@code ReadOnlyMany} for weights every replica reads, or
         * {@code ReadWriteMany} for a bucket pods write (checkpoints), which no serving pod may mount.
         *
         * @default {@link AccessMode#READ_ONLY_MANY}
         */
        public Builder accessMode(AccessMode accessMode) {
            this.accessMode = accessMode;
            return this;
        }

        /**
         * The volume mode; a bucket is a FUSE file system, so only {@code Filesystem}.
         *
         * @default {@link VolumeMode#FILESYSTEM}
         */
        public Builder volumeMode(VolumeMode volumeMode) {
            this.volumeMode = volumeMode;
            return this;
        }

        /**
         * The capacity of the volume and the claim's request, which Kubernetes requires and the drivers ignore.
         *
         * @default {@code 1Gi}
         */
        public Builder capacity(String capacity) {
            this.capacity = capacity;
            return this;
        }

        /**
         * The PersistentVolume's name (cluster-wide).
         *
         * @default {@code <namespace>-<name>}
         */
        public Builder persistentVolumeName(String persistentVolumeName) {
            this.persistentVolumeName = persistentVolumeName;
            return this;
        }

        /**
         * The ServiceAccount pods mount the bucket with, when the bucket gives pods their own identity.
         *
         * @default {@code <name>}
         */
        public Builder serviceAccountName(String serviceAccountName) {
            this.serviceAccountName = serviceAccountName;
            return this;
        }

        /**
         * Whether to create that ServiceAccount (with the bucket's identity annotations), or only name one that exists.
         *
         * @default {@code true}
         */
        public Builder createServiceAccount(boolean createServiceAccount) {
            this.createServiceAccount = createServiceAccount;
            return this;
        }

        public ModelBucketProps build() {
            return new ModelBucketProps(this);
        }
    }
}
