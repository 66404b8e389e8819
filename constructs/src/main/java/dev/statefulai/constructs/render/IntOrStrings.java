package dev.statefulai.constructs.render;

import org.cdk8s.plus28.k8s.IntOrString;

/**
 * {@link IntOrString} instances, cached like {@link Quantities}: every {@code IntOrString.fromNumber}
 * or {@code fromString} is a round trip to the jsii kernel (two, with the class lookup of its result),
 * and a fleet asks for the same few ports and port names thousands of times. The instances are
 * immutable, so sharing one between objects changes nothing in the manifests.
 */
public final class IntOrStrings {
    private static final JsiiValueCache<Integer, IntOrString> NUMBERS = new JsiiValueCache<>(IntOrString::fromNumber, Shells::intOrString);
    private static final JsiiValueCache<String, IntOrString> STRINGS = new JsiiValueCache<>(IntOrString::fromString, Shells::intOrString);

    private IntOrStrings() {
    }

    /** {@code IntOrString.fromNumber(value)}, cached. */
    public static IntOrString of(int value) {
        return NUMBERS.get(value);
    }

    /** {@code IntOrString.fromString(value)}, cached. */
    public static IntOrString of(String value) {
        return STRINGS.get(value);
    }
}
