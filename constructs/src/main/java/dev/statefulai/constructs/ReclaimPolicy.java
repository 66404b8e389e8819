package dev.statefulai.constructs;

/** What happens to a volume when its claim is deleted. */
public enum ReclaimPolicy {
    /** Keep the volume and its data; an operator deletes it by hand. The default wherever data matters. */
    RETAIN("Retain"),
    /** Delete the volume with its claim: for scratch data and throw-away environments. */
    DELETE("Delete");

    private final String value;

    ReclaimPolicy(String value) {
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
