package dev.statefulai.constructs;

import dev.statefulai.constructs.render.JsiiValues;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Quantity;

/** {@link Quantity} instances, made once per value ({@link JsiiValues}). */
final class Quantities {
    private Quantities() {
    }

    static Quantity of(String value) {
        return JsiiValues.quantity(value);
    }

    /** A sorted resource map, e.g. {@code {storage: 10Gi}}. */
    static Map<String, Quantity> map(Map<String, String> values) {
        Map<String, Quantity> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }
}
