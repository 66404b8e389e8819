package dev.statefulai.constructs;

/**
 * What every construct of the library is told about its objects, as cdk8s-plus's resources take their
 * metadata: the name they are named after, the namespace they go in (by the one rule of
 * {@link Namespace}), and the {@code app.kubernetes.io/part-of} label. The constructs' props extend it.
 */
public abstract class NamedProps {
    private final String name;
    private final String namespace;
    private final String partOf;

    protected NamedProps(Builder<?> b) {
        this.name = b.name;
        this.namespace = b.namespace;
        this.partOf = b.partOf;
    }

    public String name() {
        return name;
    }

    /** The namespace given, or {@code null} for the one rule's default. */
    public String namespace() {
        return namespace;
    }

    public String partOf() {
        return partOf;
    }

    /**
     * The builder of {@link NamedProps}.
     *
     * @param <B> the concrete builder, returned by every method
     */
    public abstract static class Builder<B extends Builder<B>> {
        private String name;
        private String namespace;
        private String partOf;

        protected Builder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Required. The name the construct's objects are named after, a DNS-1123 label, e.g.
         * {@code vector-db} or {@code features} (a StatefulAIApp's at most 52 characters: Kubernetes appends
         * an 11-character revision hash to its pods' labels).
         */
        public B name(String name) {
            this.name = name;
            return self();
        }

        /**
         * Namespace of the namespaced objects, also named in the {@code claimRef} of pre-bound volumes.
         *
         * @default the chart's namespace, else none (kubectl's or the GitOps engine's); {@code default} where an object must name it (see {@link Namespace})
         */
        public B namespace(String namespace) {
            this.namespace = namespace;
            return self();
        }

        /**
         * The {@code app.kubernetes.io/part-of} label.
         *
         * @default none
         */
        public B partOf(String partOf) {
            this.partOf = partOf;
            return self();
        }
    }
}
