package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import org.immutables.value.Value;

/**
 * How many of a workload's pods may be down and how they are replaced: the PodDisruptionBudget, the
 * order pods start in, the rollout of a new pod template, and the time a pod gets to stop. Every prop
 * is optional.
 */
@Value.Immutable
@PropsStyle
public abstract class AvailabilityProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: a budget of one pod down with more than one replica, ordered start, rolling updates. */
    public static AvailabilityProps defaults() {
        return builder().build();
    }

    /**
     * Whether to create a PodDisruptionBudget; one is created only when there is more than one replica
     * (a budget on one replica blocks node drains).
     *
     * @default {@code true}
     */
    @Value.Default
    public boolean podDisruptionBudget() {
        return true;
    }

    /**
     * The budget's {@code maxUnavailable}: from 1 to replicas - 1. Ignored with one replica, which gets
     * no budget; it is neither checked nor written then. {@code null} for the default.
     *
     * @default 1
     */
    @Nullable
    public abstract Integer podDisruptionBudgetMaxUnavailable();

    /**
     * In what order pods start and stop.
     *
     * @default {@link PodManagementPolicy#ORDERED_READY}
     */
    @Value.Default
    public PodManagementPolicy podManagementPolicy() {
        return PodManagementPolicy.ORDERED_READY;
    }

    /**
     * How pods are replaced when the pod template changes.
     *
     * @default {@link UpdateStrategy#rollingUpdate()}
     */
    @Value.Default
    public UpdateStrategy updateStrategy() {
        return UpdateStrategy.rollingUpdate();
    }

    /**
     * Seconds a pod gets to flush and stop; {@code null} for Kubernetes' default.
     *
     * @default Kubernetes' 30
     */
    @Nullable
    public abstract Integer terminationGracePeriodSeconds();

    /** Builder for {@link AvailabilityProps}. */
    public static final class Builder extends ImmutableAvailabilityProps.Builder {
    }
}
