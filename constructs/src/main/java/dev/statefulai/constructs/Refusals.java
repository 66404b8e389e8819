package dev.statefulai.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refused props, thrown at once or, while a synth {@linkplain #collect collects} them, recorded so that
 * the constructs go on checking and one run reports every refusal instead of the first.
 *
 * <p>A construct refuses a prop with {@code Refusals.refuse(new InvalidPropsException(...))} where it
 * can go on after the check, and with {@code throw} where it cannot. Outside a collection, the two are
 * the same: the first refusal is thrown.
 */
public final class Refusals {
    private static final PerThreadCollector<InvalidPropsException> COLLECTING = new PerThreadCollector<>();

    private Refusals() {
    }

    /** Throws {@code refusal}, or records it while this thread collects refusals and returns. */
    public static void refuse(InvalidPropsException refusal) {
        if (!COLLECTING.add(refusal)) {
            throw refusal;
        }
    }

    /**
     * Runs {@code body} and returns every refusal made meanwhile, in order and without repeats, the one
     * thrown (if any) last. A construct that went on with a refused prop may fail further on for that
     * reason: such a failure, after a refusal, ends the body without being reported; with no refusal it
     * is thrown as it is.
     */
    public static List<InvalidPropsException> collect(Runnable body) {
        List<InvalidPropsException> found = COLLECTING.collect(refused -> {
            try {
                body.run();
            } catch (InvalidPropsException e) {
                refused.add(e);
            } catch (RuntimeException e) {
                if (refused.isEmpty()) {
                    throw e;
                }
            }
        });
        Map<String, InvalidPropsException> distinct = new LinkedHashMap<>();
        found.forEach(e -> distinct.putIfAbsent(e.getMessage(), e));
        return List.copyOf(distinct.values());
    }
}
