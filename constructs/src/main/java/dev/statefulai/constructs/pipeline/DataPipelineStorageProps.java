package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import org.immutables.value.Value;

/**
 * Props of {@link DataPipelineStorage}. Required: {@code name} and one or more {@code volumes}
 * ({@link PipelineVolume}: existing or new, with a StorageClass each or the storage's one); everything
 * else has a default documented on its accessor. The common case is one line:
 *
 * <pre>{@code
 * DataPipelineStorageProps.builder().name("features")
 *         .volumes(PipelineVolume.builder().name("raw").size("500Gi").build()).build()
 * }</pre>
 */
@Value.Immutable
@PropsStyle
public abstract class DataPipelineStorageProps extends NamedProps {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The StorageClass of the volumes that do not name their own.
     *
     * @default {@code <name>}, encrypted gp3 on the EBS CSI driver, {@code Retain}, {@code WaitForFirstConsumer}, expansion allowed
     */
    @Nullable
    public abstract StorageClassSpec storageClass();

    /**
     * Required, one or more. The volumes, e.g. the stages {@code raw}, {@code features} and
     * {@code checkpoints} and a shared dataset.
     */
    public abstract List<PipelineVolume> volumes();

    /** Builder for {@link DataPipelineStorageProps}. */
    public static final class Builder extends ImmutableDataPipelineStorageProps.Builder {
        /** Convenience for {@link #volumes(Iterable)}. */
        public Builder volumes(PipelineVolume... volumes) {
            return volumes(List.of(volumes));
        }
    }
}
