package dev.statefulai.constructs.render;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cdk8s.plus28.k8s.IntOrString;
import org.cdk8s.plus28.k8s.Quantity;

/**
 * {@link Quantity} and {@link IntOrString} values, each made once per value and remembered with the
 * value it was made from, so that rendering does not read it back from the jsii kernel. Outside a
 * {@link Recording} a value is made in the kernel (a round trip each, which a fleet would pay thousands
 * of times for the same few sizes and ports); while recording, it is a shell only the JVM knows (jsii's
 * own "not yet created" state), which the kernel creates if the app's code hands it there. They are
 * immutable, so sharing one between objects changes nothing in the manifests.
 */
public final class JsiiValues {
    /** The value behind every instance made here. */
    private static final Map<Object, Object> VALUES = Collections.synchronizedMap(new IdentityHashMap<>());

    private static final Cache<String, Quantity> QUANTITIES = new Cache<>(Quantity::fromString, ShellQuantity::new);
    private static final Cache<Integer, IntOrString> INTS = new Cache<>(IntOrString::fromNumber, ShellIntOrString::new);
    private static final Cache<String, IntOrString> STRINGS = new Cache<>(IntOrString::fromString, ShellIntOrString::new);

    private JsiiValues() {
    }

    /** {@code Quantity.fromString(value)}, or its shell while recording. */
    public static Quantity quantity(String value) {
        return QUANTITIES.get(value);
    }

    /** {@code IntOrString.fromNumber(value)}, or its shell while recording. */
    public static IntOrString intOrString(int value) {
        return INTS.get(value);
    }

    /** {@code IntOrString.fromString(value)}, or its shell while recording. */
    public static IntOrString intOrString(String value) {
        return STRINGS.get(value);
    }

    /** The value of a Quantity or IntOrString: remembered, else (the app's code made it) read from the kernel. */
    static Object valueOf(Object instance) {
        Object value = VALUES.get(instance);
        if (value != null) {
            return value;
        }
        if (instance instanceof Quantity q) {
            return q.getValue();
        }
        return ((IntOrString) instance).getValue();
    }

    /** Values by what they are made from: in the kernel, or as shells while recording. */
    private static final class Cache<K, V> {
        private final Map<K, V> inKernel = new ConcurrentHashMap<>();
        private final Map<K, V> shells = new ConcurrentHashMap<>();
        private final Function<K, V> create;
        private final Supplier<V> shell;

        Cache(Function<K, V> create, Supplier<V> shell) {
            this.create = create;
            this.shell = shell;
        }

        V get(K key) {
            boolean recording = Recording.active() != null;
            return (recording ? shells : inKernel).computeIfAbsent(key, k -> {
                V made = recording ? shell.get() : create.apply(k);
                VALUES.put(made, k);
                return made;
            });
        }
    }

    private static final class ShellQuantity extends Quantity {
        ShellQuantity() {
            super(InitializationMode.JSII);
        }
    }

    private static final class ShellIntOrString extends IntOrString {
        ShellIntOrString() {
            super(InitializationMode.JSII);
        }
    }
}
