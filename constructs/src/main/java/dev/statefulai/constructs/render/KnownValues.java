package dev.statefulai.constructs.render;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.cdk8s.plus28.k8s.IntOrString;
import org.cdk8s.plus28.k8s.Quantity;

/**
 * The values behind {@link Quantity} and {@link IntOrString} instances this library created, so that
 * rendering does not read them back from the jsii kernel (one round trip each).
 */
public final class KnownValues {
    private static final Map<Object, Object> VALUES = Collections.synchronizedMap(new IdentityHashMap<>());

    private KnownValues() {
    }

    /** Remembers that {@code instance} was made from {@code value} (a String or a Number); returns it. */
    public static <T> T remember(T instance, Object value) {
        VALUES.put(instance, value);
        return instance;
    }

    /** The value of a Quantity or IntOrString: remembered, else read from the kernel. */
    static Object valueOf(Object instance) {
        Object value = VALUES.get(instance);
        if (value != null) {
            return value;
        }
        if (instance instanceof Quantity q) {
            return q.getValue();
        }
        if (instance instanceof IntOrString i) {
            return i.getValue();
        }
        throw new IllegalArgumentException("not a Quantity or IntOrString: " + instance.getClass().getName());
    }
}
