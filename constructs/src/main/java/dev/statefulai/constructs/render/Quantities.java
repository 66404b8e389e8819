package dev.statefulai.constructs.render;

import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Quantity;

/** {@link Quantity} instances, made once per value ({@link JsiiValues}). */
public final class Quantities {
    private Quantities() {
    }

    public static Quantity of(String value) {
        return JsiiValues.quantity(value);
    }

    /** A sorted resource map, e.g. {@code {storage: 10Gi}}. */
    public static Map<String, Quantity> map(Map<String, String> values) {
        Map<String, Quantity> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }
}
