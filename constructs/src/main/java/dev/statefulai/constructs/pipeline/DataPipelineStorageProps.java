package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;

/**
 * Props of {@link DataPipelineStorage}. Required: {@code name} and one or more {@code volumes}
 * ({@link PipelineVolume}: existing or new, with a StorageClass each or the storage's one); everything
 * else has a default documented on its builder method. The common case is one line:
 *
 * <pre>{@code
 * DataPipelineStorageProps.builder().name("features")
 *         .volumes(PipelineVolume.builder().name("raw").size("500Gi").build()).build()
 * }</pre>
 */
public final class DataPipelineStorageProps {
    private final String name;
    private final String namespace;
    private final StorageClassSpec storageClass;
    private final String partOf;
    private final List<PipelineVolume> volumes;

    private DataPipelineStorageProps(Builder b) {
        this.name = b.name;
        this.namespace = b.namespace;
        this.storageClass = b.storageClass;
        this.partOf = b.partOf;
        this.volumes = b.volumes == null ? List.of() : List.copyOf(b.volumes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** The class given for volumes without their own, or {@code null} for the default. */
    public StorageClassSpec storageClass() {
        return storageClass;
    }

    public String partOf() {
        return partOf;
    }

    public List<PipelineVolume> volumes() {
        return volumes;
    }

    /** Builder for {@link DataPipelineStorageProps}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private StorageClassSpec storageClass;
        private String partOf;
        private List<PipelineVolume> volumes = List.of();

        private Builder() {
        }

        /** Required. Base name of the objects, a DNS-1123 label, e.g. {@code features}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Namespace of the claims, also written into the {@code claimRef} of the existing volumes (see
         * {@link dev.statefulai.constructs.Namespace}).
         *
         * @default the chart's namespace, else none; {@code default} when a volume is pre-bound to its claim
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * The StorageClass of the volumes that do not name their own.
         *
         * @default {@code <name>}, encrypted gp3 on the EBS CSI driver, {@code Retain}, {@code WaitForFirstConsumer}, expansion allowed
         */
        public Builder storageClass(StorageClassSpec storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /**
         * The {@code app.kubernetes.io/part-of} label.
         *
         * @default none
         */
        public Builder partOf(String partOf) {
            this.partOf = partOf;
            return this;
        }

        /**
         * Required, one or more. The volumes, e.g. the stages {@code raw}, {@code features} and
         * {@code checkpoints} and a shared dataset.
         */
        public Builder volumes(List<PipelineVolume> volumes) {
            this.volumes = volumes;
            return this;
        }

        /** Convenience for {@link #volumes(List)}. */
        public Builder volumes(PipelineVolume... volumes) {
            return volumes(List.of(volumes));
        }

        public DataPipelineStorageProps build() {
            return new DataPipelineStorageProps(this);
        }
    }
}
