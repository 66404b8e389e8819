package dev.statefulai.constructs;

import java.util.List;

/**
 * Finds the {@link HasOutputs} constructs of a synth without asking the jsii kernel for the construct
 * tree ({@code node.findAll()} is three round trips and a proxy per construct): each implementation
 * registers itself in its constructor, and the synth collects what was registered on its thread while
 * an app defined its chart. Outside a collection, registering does nothing.
 */
public final class OutputsRegistry {
    private static final PerThreadCollector<HasOutputs> CURRENT = new PerThreadCollector<>();

    private OutputsRegistry() {
    }

    /** Called by every {@link HasOutputs} construct in its constructor, right after {@code super(scope, id)}. */
    public static void register(HasOutputs construct) {
        CURRENT.add(construct);
    }

    /** Runs {@code body} and returns the constructs that registered meanwhile, in creation order. */
    public static List<HasOutputs> collect(Runnable body) {
        return CURRENT.collect(found -> body.run());
    }
}
