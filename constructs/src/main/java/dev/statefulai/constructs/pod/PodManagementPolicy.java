package dev.statefulai.constructs.pod;

/** How a StatefulSet starts and stops its pods. */
public enum PodManagementPolicy {
    /** One pod at a time, in order: for databases whose replicas join a leader (the Kubernetes default). */
    ORDERED_READY("OrderedReady"),
    /** All pods at once: for replicas that do not depend on each other, such as model servers. */
    PARALLEL("Parallel");

    private final String value;

    PodManagementPolicy(String value) {
        this.value = value;
    }

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value;
    }

    /** The Kubernetes spelling. */
    public String value() {
        return value;
    }
}
