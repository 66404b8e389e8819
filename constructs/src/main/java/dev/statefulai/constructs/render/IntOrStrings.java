package dev.statefulai.constructs.render;

import org.cdk8s.plus28.k8s.IntOrString;

/** {@link IntOrString} instances, made once per value ({@link JsiiValues}). */
public final class IntOrStrings {
    private IntOrStrings() {
    }

    /** {@code IntOrString.fromNumber(value)}, cached. */
    public static IntOrString of(int value) {
        return JsiiValues.intOrString(value);
    }

    /** {@code IntOrString.fromString(value)}, cached. */
    public static IntOrString of(String value) {
        return JsiiValues.intOrString(value);
    }
}
