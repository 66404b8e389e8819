package dev.statefulai.constructs;

import dev.statefulai.constructs.render.KnownValues;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.render.Shells;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.cdk8s.plus28.k8s.Quantity;

/**
 * {@link Quantity} instances, cached: every {@code Quantity.fromString} is a round trip to the jsii
 * kernel, and a fleet synth asks for the same few sizes thousands of times.
 */
final class Quantities {
    private static final Map<String, Quantity> CACHE = new ConcurrentHashMap<>();
    /** While recording: quantities only the JVM knows (Shells). */
    private static final Map<String, Quantity> SHELLS = new ConcurrentHashMap<>();

    private Quantities() {
    }

    static Quantity of(String value) {
        if (Recording.active() != null) {
            return SHELLS.computeIfAbsent(value, Shells::quantity);
        }
        return CACHE.computeIfAbsent(value, v -> KnownValues.remember(Quantity.fromString(v), v));
    }

    /** A sorted resource map, e.g. {@code {storage: 10Gi}}. */
    static Map<String, Quantity> map(Map<String, String> values) {
        Map<String, Quantity> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }
}
