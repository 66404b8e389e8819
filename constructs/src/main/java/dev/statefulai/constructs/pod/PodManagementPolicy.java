package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.KubernetesSpelled;

/** How a StatefulSet starts and stops its pods. */
public enum PodManagementPolicy implements KubernetesSpelled {
    /** One pod at a time, in order: for databases whose replicas join a leader (the Kubernetes default). */
    ORDERED_READY,
    /** All pods at once: for replicas that do not depend on each other, such as model servers. */
    PARALLEL;

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value();
    }
}
