package dev.statefulai.constructs;

/** When a StorageClass binds and provisions a claim's volume. */
public enum VolumeBindingMode implements KubernetesSpelled {
    /** Wait until a pod uses the claim, so the volume lands in the pod's zone or on its node. */
    WAIT_FOR_FIRST_CONSUMER,
    /** Bind as soon as the claim exists; may pick a zone no GPU node is in. */
    IMMEDIATE;

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value();
    }
}
