package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.NamedProps;
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
public final class DataPipelineStorageProps extends NamedProps {
    private final StorageClassSpec storageClass;
    private final List<PipelineVolume> volumes;

    private DataPipelineStorageProps(Builder b) {
        super(b);
        this.storageClass = b.storageClass;
        this.volumes = b.volumes == null ? List.of() : List.copyOf(b.volumes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The class given for volumes without their own, or {@code null} for the default. */
    public StorageClassSpec storageClass() {
        return storageClass;
    }

    public List<PipelineVolume> volumes() {
        return volumes;
    }

    /** Builder for {@link DataPipelineStorageProps}. */
    public static final class Builder extends NamedProps.Builder<Builder> {
        private StorageClassSpec storageClass;
        private List<PipelineVolume> volumes = List.of();

        private Builder() {
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
