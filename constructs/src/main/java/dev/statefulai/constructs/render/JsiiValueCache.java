package dev.statefulai.constructs.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Immutable jsii values (a {@code Quantity}, an {@code IntOrString}) by the value they are made from:
 * made in the kernel once per value (each a round trip) and remembered ({@link KnownValues}); while a
 * {@link Recording} is active, a {@linkplain Shells shell} instead, which the kernel never sees.
 *
 * @param <K> what a value is made from, a String or a Number
 * @param <V> the jsii class
 */
public final class JsiiValueCache<K, V> {
    private final Map<K, V> inKernel = new ConcurrentHashMap<>();
    private final Map<K, V> shells = new ConcurrentHashMap<>();
    private final Function<K, V> create;
    private final Function<Object, V> shell;

    /**
     * @param create makes a value in the kernel, e.g. {@code Quantity::fromString}
     * @param shell  makes its shell, e.g. {@code Shells::quantity}
     */
    public JsiiValueCache(Function<K, V> create, Function<Object, V> shell) {
        this.create = create;
        this.shell = shell;
    }

    /** The value made from {@code key}: a shell while recording, else the kernel's. */
    public V get(K key) {
        if (Recording.active() != null) {
            return shells.computeIfAbsent(key, shell);
        }
        return inKernel.computeIfAbsent(key, k -> KnownValues.remember(create.apply(k), k));
    }
}
