package dev.statefulai.constructs;

import java.util.function.Supplier;

/**
 * The one rule for the namespace of a construct's namespaced objects, the same for every construct:
 * the {@code namespace} prop, else the chart's namespace, else none, so that the objects go wherever
 * kubectl or the GitOps engine applies them. The exception is an object that must name the namespace
 * of another: a PersistentVolume pre-bound to a claim names the claim's namespace in its
 * {@code claimRef}, and a claim applied elsewhere would never bind it. There the namespace is
 * {@value #KUBERNETES_DEFAULT}, Kubernetes' own, written on both sides.
 */
public final class Namespace {
    /** The namespace written where one must be named and none is given. */
    public static final String KUBERNETES_DEFAULT = "default";
    /** What the outputs say for objects written without a namespace. */
    public static final String UNSET = "(namespace of kubectl or the GitOps engine)";

    private Namespace() {
    }

    /**
     * The namespace of a construct's objects, or {@code null} for none.
     *
     * @param given     the {@code namespace} prop, checked as a DNS-1123 label
     * @param chart     the chart's namespace (asked only when {@code given} is null: it can be a round trip to the jsii kernel)
     * @param mustBeNamed whether an object names the namespace of another (a PersistentVolume's {@code claimRef})
     */
    public static String resolve(String construct, String given, Supplier<String> chart, boolean mustBeNamed) {
        if (given != null) {
            return Validate.dnsLabel(construct, "namespace", given);
        }
        String ofChart = chart.get();
        return ofChart != null ? ofChart : mustBeNamed ? KUBERNETES_DEFAULT : null;
    }

    /** The namespace as the outputs show it: {@link #UNSET} for none. */
    public static String describe(String namespace) {
        return namespace == null ? UNSET : namespace;
    }
}
