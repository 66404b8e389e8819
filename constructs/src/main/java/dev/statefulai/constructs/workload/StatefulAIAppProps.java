package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.AvailabilityProps;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.PodProps;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.presets.ImagePreset;
import java.util.List;
import org.immutables.value.Value;

/**
 * Props of {@link StatefulAIApp}: who it is ({@code name}, {@code namespace}, labels), the three things
 * every app gives ({@code image}, {@code replicas}, {@code claimTemplates}), and the rest grouped by
 * concern, each group with its own builder and documented defaults:
 * {@link ContainerProps container}, {@link StorageProps storage}, {@link SchedulingProps scheduling},
 * {@link AvailabilityProps availability} and {@link PodSecurity security}. The common case is one line:
 *
 * <pre>{@code
 * StatefulAIAppProps.builder().name("vector-db").image("qdrant/qdrant:v1.12.1").replicas(3)
 *         .claimTemplates(ClaimTemplate.of("data", "/qdrant/storage", "100Gi")).build()
 * }</pre>
 *
 * <p>Refusals name a prop by its name within its group (e.g. {@code sharedMemory},
 * {@code podDisruptionBudgetMaxUnavailable}): no two groups share a prop name.
 */
@Value.Immutable
@PropsStyle
public abstract class StatefulAIAppProps extends NamedProps implements PodProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Required. Container image; pin a tag or digest. */
    @Nullable
    public abstract String image();

    /**
     * Number of pods; 1 or more.
     *
     * @default 1
     */
    @Value.Default
    public int replicas() {
        return 1;
    }

    /** Required, one or more. The volumes each replica gets (or that every replica shares). */
    public abstract List<ClaimTemplate> claimTemplates();

    /**
     * The {@code app.kubernetes.io/component} label, e.g. {@code model-server}.
     *
     * @default none
     */
    @Nullable
    public abstract String component();

    /**
     * User, group and fsGroup of the pods.
     *
     * @default the {@link #preset()}'s, else {@link PodSecurity#defaults()}
     */
    @Value.Default
    public PodSecurity security() {
        return preset() != null ? preset().security() : PodSecurity.defaults();
    }

    /**
     * The main container beyond its image: command, env, ports, resources, probes, {@code /dev/shm}.
     *
     * @default {@link ContainerProps#defaults()}
     */
    @Nullable
    @Value.Default
    public ContainerProps container() {
        return ContainerProps.defaults();
    }

    /**
     * The app's own StorageClass and volumes, claim retention and growth, cache fill, chown.
     *
     * @default {@link StorageProps#defaults()}
     */
    @Nullable
    @Value.Default
    public StorageProps storage() {
        return StorageProps.defaults();
    }

    /**
     * Node selection, GPU model, runtime and priority classes, zone spread.
     *
     * @default {@link SchedulingProps#defaults()}
     */
    @Nullable
    @Value.Default
    public SchedulingProps scheduling() {
        return SchedulingProps.defaults();
    }

    /**
     * PodDisruptionBudget, pod management, update strategy, termination grace period.
     *
     * @default {@link AvailabilityProps#defaults()}
     */
    @Nullable
    @Value.Default
    public AvailabilityProps availability() {
        return AvailabilityProps.defaults();
    }

    /**
     * What the image needs to start as a non-root user with a read-only root file system: its user and
     * group, variables for its home and caches, and sized scratch volumes (see
     * {@code dev.statefulai.constructs.presets.ImagePresets}: vLLM, TGI, Ollama, Triton, Qdrant,
     * Weaviate). The app's own {@code security}, env and scratch win over the preset's; releases of the
     * official image that cannot start as non-root are refused.
     *
     * @default none: user 1000, no variables, a 1Gi {@code /tmp}
     */
    @Nullable
    public abstract ImagePreset preset();

    /** Builder for {@link StatefulAIAppProps}. */
    public static final class Builder extends ImmutableStatefulAIAppProps.Builder {
        /** Convenience for {@link #claimTemplates(Iterable)}. */
        public Builder claimTemplates(ClaimTemplate... claimTemplates) {
            return claimTemplates(List.of(claimTemplates));
        }
    }
}
