package dev.statefulai.constructs.render;

import java.lang.reflect.Field;
import org.cdk8s.Chart;
import org.cdk8s.plus28.k8s.IntOrString;
import org.cdk8s.plus28.k8s.Quantity;
import software.amazon.jsii.JsiiObject;

/**
 * Java-side stand-ins for jsii objects while a {@link Recording} is active: a chart, quantities and
 * int-or-strings that exist only in the JVM (jsii's own "not yet created" state), and the test whether
 * the kernel has been asked for one since.
 */
public final class Shells {
    /** jsii sets it when it creates the object in the kernel, also on first use of a shell. */
    private static final Field OBJ_REF;

    static {
        try {
            OBJ_REF = JsiiObject.class.getDeclaredField("jsii$objRef");
            OBJ_REF.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("jsii runtime without JsiiObject.jsii$objRef: " + e);
        }
    }

    private Shells() {
    }

    /** A chart for a recording. */
    public static Chart chart() {
        return new ShellChart();
    }

    /** A quantity whose value only the JVM knows ({@link KnownValues}). */
    public static Quantity quantity(Object value) {
        return KnownValues.remember(new ShellQuantity(), value);
    }

    /** An int-or-string whose value only the JVM knows ({@link KnownValues}). */
    public static IntOrString intOrString(Object value) {
        return KnownValues.remember(new ShellIntOrString(), value);
    }

    /** Whether the jsii kernel holds {@code object}: created there, or a shell it has been asked for. */
    static boolean inKernel(JsiiObject object) {
        try {
            return OBJ_REF.get(object) != null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ShellChart extends Chart {
        ShellChart() {
            super(InitializationMode.JSII);
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
