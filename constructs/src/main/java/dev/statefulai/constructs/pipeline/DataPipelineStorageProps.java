package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;

import java.util.List;

/**
 * Props of {@link DataPipelineStorage}. Required: {@code name}, and either the one volume's
 * {@code size} and existing {@code volume} (the single-volume form) or {@code volumes}, a list of
 * {@link PipelineVolume} (several volumes, existing or new, with a StorageClass each or the shared
 * one); everything else has a default documented on its builder method. The single-volume props
 * ({@code size}, {@code volume}, {@code accessModes}, {@code volumeMode}, {@code claimName},
 * {@code persistentVolumeName}) cannot be combined with {@code volumes}.
 */
public final class DataPipelineStorageProps {
    final String name;
    final String namespace;
    final String size;
    final List<AccessMode> accessModes;
    final VolumeMode volumeMode;
    final StorageClassSpec storageClass;
    final PreProvisionedVolume volume;
    final String persistentVolumeName;
    final String claimName;
    final String partOf;
    final List<PipelineVolume> volumes;

    private DataPipelineStorageProps(Builder b) {
        this.name = b.name;
        this.namespace = b.namespace;
        this.size = b.size;
        this.accessModes = b.accessModes == null ? null : List.copyOf(b.accessModes);
        this.volumeMode = b.volumeMode;
        this.storageClass = b.storageClass;
        this.volume = b.volume;
        this.persistentVolumeName = b.persistentVolumeName;
        this.claimName = b.claimName;
        this.partOf = b.partOf;
        this.volumes = b.volumes == null ? null : List.copyOf(b.volumes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link DataPipelineStorageProps}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private String size;
        private List<AccessMode> accessModes;
        private VolumeMode volumeMode;
        private StorageClassSpec storageClass;
        private PreProvisionedVolume volume;
        private String persistentVolumeName;
        private String claimName;
        private String partOf;
        private List<PipelineVolume> volumes;

        /** Required. Base name of the objects, a DNS-1123 label, e.g. {@code features-raw}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Namespace of the claim, also written into the volume's {@code claimRef}. Default: the chart's
         * namespace, else {@code default}.
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Required in the single-volume form. Size of the volume and of the claim, e.g. {@code 100Gi}. */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /** Single-volume form. Default {@code [ReadWriteOnce]}; the class's backend must be able to give every mode. */
        public Builder accessModes(List<AccessMode> accessModes) {
            this.accessModes = accessModes;
            return this;
        }

        /** Single-volume form. Default {@link VolumeMode#FILESYSTEM}. */
        public Builder volumeMode(VolumeMode volumeMode) {
            this.volumeMode = volumeMode;
            return this;
        }

        /**
         * The StorageClass the volumes and claims belong to (unless a {@link PipelineVolume} names its
         * own). Default: {@code <name>}, encrypted gp3 on the EBS CSI driver, {@code Retain},
         * {@code WaitForFirstConsumer}, expansion allowed.
         */
        public Builder storageClass(StorageClassSpec storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /**
         * Required in the single-volume form. The existing volume, e.g.
         * {@code AwsEbs.gp3().existingVolume("vol-...", "us-east-1a")}.
         */
        public Builder volume(PreProvisionedVolume volume) {
            this.volume = volume;
            return this;
        }

        /** Single-volume form. Name of the PersistentVolume (cluster-wide). Default {@code <namespace>-<name>}. */
        public Builder persistentVolumeName(String persistentVolumeName) {
            this.persistentVolumeName = persistentVolumeName;
            return this;
        }

        /** Single-volume form. Name of the claim pods mount. Default {@code <name>}. */
        public Builder claimName(String claimName) {
            this.claimName = claimName;
            return this;
        }

        /** The {@code app.kubernetes.io/part-of} label. Default none. */
        public Builder partOf(String partOf) {
            this.partOf = partOf;
            return this;
        }

        /**
         * Several volumes in one storage, e.g. the stages {@code raw}, {@code features} and
         * {@code checkpoints} and a shared dataset; instead of the single-volume props. Default none
         * (the single-volume form).
         */
        public Builder volumes(List<PipelineVolume> volumes) {
            this.volumes = volumes;
            return this;
        }

        public DataPipelineStorageProps build() {
            return new DataPipelineStorageProps(this);
        }
    }
}
