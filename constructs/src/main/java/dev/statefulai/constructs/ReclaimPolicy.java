package dev.statefulai.constructs;

/** What happens to a volume when its claim is deleted. */
public enum ReclaimPolicy implements KubernetesSpelled {
    /** Keep the volume and its data; an operator deletes it by hand. The default wherever data matters. */
    RETAIN,
    /** Delete the volume with its claim: for scratch data and throw-away environments. */
    DELETE;

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value();
    }
}
