package dev.statefulai.constructs;

/**
 * What every construct of the library is told about its objects, as cdk8s-plus's resources take their
 * metadata: the name they are named after, the namespace they go in (by the one rule of
 * {@link Namespace}), and the {@code app.kubernetes.io/part-of} label. The constructs' props extend it;
 * their generated builders (see {@link PropsStyle}) take these three props too.
 */
public abstract class NamedProps {

    /**
     * Required (refused by the construct when left out). The name the construct's objects are named after, a
     * DNS-1123 label, e.g. {@code vector-db} or {@code features} (a StatefulAIApp's at most 52 characters:
     * Kubernetes appends an 11-character revision hash to its pods' labels).
     */
    @Nullable
    public abstract String name();

    /**
     * Namespace of the namespaced objects, also named in the {@code claimRef} of pre-bound volumes; {@code null}
     * for the one rule's default.
     *
     * @default the chart's namespace, else none (kubectl's or the GitOps engine's); {@code default} where an object must name it (see {@link Namespace})
     */
    @Nullable
    public abstract String namespace();

    /**
     * The {@code app.kubernetes.io/part-of} label.
     *
     * @default none
     */
    @Nullable
    public abstract String partOf();
}
