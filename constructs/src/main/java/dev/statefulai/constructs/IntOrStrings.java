package dev.statefulai.constructs;

import dev.statefulai.constructs.render.KnownValues;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.render.Shells;
import dev.statefulai.constructs.render.KnownValues;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.render.Shells;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cdk8s.plus28.k8s.IntOrString;

/**
 * {@link IntOrString} instances, cached like {@link Quantities}: every {@code IntOrString.fromNumber}
 * or {@code fromString} is a round trip to the jsii kernel (two, with the class lookup of its result),
 * and a fleet asks for the same few ports and port names thousands of times. The instances are
 * immutable, so sharing one between objects changes nothing in the manifests.
 */
public final class IntOrStrings {
    private static final Map<Integer, IntOrString> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<String, IntOrString> STRINGS = new ConcurrentHashMap<>();
    /** While recording: instances only the JVM knows (Shells). */
    private static final Map<Integer, IntOrString> SHELL_NUMBERS = new ConcurrentHashMap<>();
    private static final Map<String, IntOrString> SHELL_STRINGS = new ConcurrentHashMap<>();

    private IntOrStrings() {
    }

    /** {@code IntOrString.fromNumber(value)}, cached. */
    public static IntOrString of(int value) {
        if (Recording.active() != null) {
            return SHELL_NUMBERS.computeIfAbsent(value, Shells::intOrString);
        }
        return NUMBERS.computeIfAbsent(value, v -> KnownValues.remember(IntOrString.fromNumber(v), v));
    }

    /** {@code IntOrString.fromString(value)}, cached. */
    public static IntOrString of(String value) {
        if (Recording.active() != null) {
            return SHELL_STRINGS.computeIfAbsent(value, Shells::intOrString);
        }
        return STRINGS.computeIfAbsent(value, v -> KnownValues.remember(IntOrString.fromString(v), v));
    }
}
