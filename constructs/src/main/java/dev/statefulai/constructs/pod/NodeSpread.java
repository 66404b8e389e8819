package dev.statefulai.constructs.pod;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdk8s.plus28.k8s.Affinity;
import org.cdk8s.plus28.k8s.LabelSelector;
import org.cdk8s.plus28.k8s.PodAffinityTerm;
import org.cdk8s.plus28.k8s.PodAntiAffinity;
import org.cdk8s.plus28.k8s.WeightedPodAffinityTerm;

/**
 * How a workload's replicas spread over nodes: inter-pod anti-affinity on {@value #HOSTNAME_KEY} with
 * the workload's selector labels, written only with more than one replica. Losing a node then takes one
 * replica, not several. This is the shape kube-linter's {@code no-anti-affinity} and kube-score's
 * {@code statefulset-has-host-podantiaffinity} look for (preferred or required anti-affinity on
 * {@code kubernetes.io/hostname} whose selector matches the pod's labels).
 */
public enum NodeSpread {
    /** No constraint: the scheduler may put several replicas on one node. */
    NONE,
    /** Prefer other nodes ({@code preferredDuringSchedulingIgnoredDuringExecution}, weight 100): no pod waits for a free node. */
    PREFERRED,
    /** One replica per node ({@code requiredDuringSchedulingIgnoredDuringExecution}): a replica stays Pending rather than share a node. */
    REQUIRED;

    /** The node label each node has a distinct value of. */
    public static final String HOSTNAME_KEY = "kubernetes.io/hostname";

    /** The spelling in values files: {@code none}, {@code preferred}, {@code required}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pod's affinity for replicas selected by {@code selector}, or {@code null} for {@link #NONE}. */
    public Affinity affinity(Map<String, String> selector) {
        if (this == NONE) {
            return null;
        }
        PodAffinityTerm term = PodAffinityTerm.builder()
                .topologyKey(HOSTNAME_KEY)
                .labelSelector(LabelSelector.builder().matchLabels(selector).build())
                .build();
        PodAntiAffinity.Builder anti = PodAntiAffinity.builder();
        if (this == REQUIRED) {
            anti.requiredDuringSchedulingIgnoredDuringExecution(List.of(term));
        } else {
            anti.preferredDuringSchedulingIgnoredDuringExecution(List.of(WeightedPodAffinityTerm.builder().weight(100).podAffinityTerm(term).build()));
        }
        return Affinity.builder().podAntiAffinity(anti.build()).build();
    }
}
