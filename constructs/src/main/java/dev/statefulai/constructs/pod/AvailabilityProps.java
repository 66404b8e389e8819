package dev.statefulai.constructs.pod;

/**
 * How many of a workload's pods may be down and how they are replaced: the PodDisruptionBudget, the
 * order pods start in, the rollout of a new pod template, and the time a pod gets to stop. Every prop
 * is optional.
 */
public final class AvailabilityProps {
    private final boolean podDisruptionBudget;
    private final Integer podDisruptionBudgetMaxUnavailable;
    private final PodManagementPolicy podManagementPolicy;
    private final UpdateStrategy updateStrategy;
    private final Integer terminationGracePeriodSeconds;

    private AvailabilityProps(Builder b) {
        this.podDisruptionBudget = b.podDisruptionBudget;
        this.podDisruptionBudgetMaxUnavailable = b.podDisruptionBudgetMaxUnavailable;
        this.podManagementPolicy = b.podManagementPolicy;
        this.updateStrategy = b.updateStrategy;
        this.terminationGracePeriodSeconds = b.terminationGracePeriodSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: a budget of one pod down with more than one replica, ordered start, rolling updates. */
    public static AvailabilityProps defaults() {
        return builder().build();
    }

    public boolean podDisruptionBudget() {
        return podDisruptionBudget;
    }

    /** The budget's {@code maxUnavailable} given, or {@code null} for the default. */
    public Integer podDisruptionBudgetMaxUnavailable() {
        return podDisruptionBudgetMaxUnavailable;
    }

    public PodManagementPolicy podManagementPolicy() {
        return podManagementPolicy;
    }

    public UpdateStrategy updateStrategy() {
        return updateStrategy;
    }

    /** The grace period given, or {@code null} for Kubernetes' default. */
    public Integer terminationGracePeriodSeconds() {
        return terminationGracePeriodSeconds;
    }

    /** Builder for {@link AvailabilityProps}. */
    public static final class Builder {
        private boolean podDisruptionBudget = true;
        private Integer podDisruptionBudgetMaxUnavailable;
        private PodManagementPolicy podManagementPolicy = PodManagementPolicy.ORDERED_READY;
        private UpdateStrategy updateStrategy = UpdateStrategy.rollingUpdate();
        private Integer terminationGracePeriodSeconds;

        private Builder() {
        }

        /**
         * Whether to create a PodDisruptionBudget; one is created only when there is more than one replica
         * (a budget on one replica blocks node drains).
         *
         * @default {@code true}
         */
        public Builder podDisruptionBudget(boolean enabled) {
            this.podDisruptionBudget = enabled;
            return this;
        }

        /**
         * The budget's {@code maxUnavailable}: from 1 to replicas - 1. Ignored with one replica, which gets
         * no budget; it is neither checked nor written then.
         *
         * @default 1
         */
        public Builder podDisruptionBudgetMaxUnavailable(int maxUnavailable) {
            this.podDisruptionBudgetMaxUnavailable = maxUnavailable;
            return this;
        }

        /**
         * In what order pods start and stop.
         *
         * @default {@link PodManagementPolicy#ORDERED_READY}
         */
        public Builder podManagementPolicy(PodManagementPolicy policy) {
            this.podManagementPolicy = policy;
            return this;
        }

        /**
         * How pods are replaced when the pod template changes.
         *
         * @default {@link UpdateStrategy#rollingUpdate()}
         */
        public Builder updateStrategy(UpdateStrategy strategy) {
            this.updateStrategy = strategy;
            return this;
        }

        /**
         * Seconds a pod gets to flush and stop.
         *
         * @default Kubernetes' 30
         */
        public Builder terminationGracePeriodSeconds(Integer seconds) {
            this.terminationGracePeriodSeconds = seconds;
            return this;
        }

        public AvailabilityProps build() {
            return new AvailabilityProps(this);
        }
    }
}
