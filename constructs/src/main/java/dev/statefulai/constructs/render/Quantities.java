package dev.statefulai.constructs.render;

import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Quantity;

/**
 * {@link Quantity} instances, cached: every {@code Quantity.fromString} is a round trip to the jsii
 * kernel, and a fleet synth asks for the same few sizes thousands of times.
 */
public final class Quantities {
    private static final JsiiValueCache<String, Quantity> CACHE = new JsiiValueCache<>(Quantity::fromString, Shells::quantity);

    private Quantities() {
    }

    public static Quantity of(String value) {
        return CACHE.get(value);
    }

    /** A sorted resource map, e.g. {@code {storage: 10Gi}}. */
    public static Map<String, Quantity> map(Map<String, String> values) {
        Map<String, Quantity> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }
}
