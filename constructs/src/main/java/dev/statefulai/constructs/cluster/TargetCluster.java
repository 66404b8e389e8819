package dev.statefulai.constructs.cluster;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.ThreadScoped;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cluster the constructs being defined on this thread write for: the environment's
 * {@link ClusterTarget} (Kubernetes release and enabled feature gates). The synth sets it around each app's
 * definition from {@code environments/<env>.yaml}; anywhere else it is {@link ClusterTarget#DEFAULT}
 * (Kubernetes 1.28) unless code runs its constructs {@link #during} another. A construct asks it before it
 * writes a feature that not every release serves, and refuses the prop with what the target lacks.
 */
public final class TargetCluster {
    private static final ThreadScoped<ClusterTarget> CURRENT = new ThreadScoped<>();

    private TargetCluster() {
    }

    /** The target of the constructs defined on this thread now. */
    public static ClusterTarget current() {
        ClusterTarget target = CURRENT.get();
        return target != null ? target : ClusterTarget.DEFAULT;
    }

    /** Runs {@code body} with {@code target} as the target of the constructs it defines. */
    public static <T> T during(ClusterTarget target, Supplier<T> body) {
        return CURRENT.with(target, body);
    }

    /** As {@link #during(ClusterTarget, Supplier)}, for a body without a result. */
    public static void during(ClusterTarget target, Runnable body) {
        during(target, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Refuses {@code prop} of {@code construct} (given as {@code given}) when the current target lacks
     * {@code gate}'s feature; returns whether the target has it.
     */
    public static boolean requires(FeatureGate gate, String construct, String prop, String given) {
        Optional<String> lacks = current().lacks(gate);
        lacks.ifPresent(why -> Refusals.refuse(new InvalidPropsException(construct, prop, given,
                "nothing while the target lacks the feature gate " + gate.gateName() + ": " + why)));
        return lacks.isEmpty();
    }
}
