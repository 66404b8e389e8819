package dev.statefulai.constructs.render;

import java.lang.reflect.Field;
import org.cdk8s.Chart;
import software.amazon.jsii.JsiiObject;

/**
 * The chart of a {@link Recording}, a Java-side shell (jsii's own "not yet created" state), and the test
 * whether the kernel has been asked for a shell since (the chart, a construct, a value): jsii creates a
 * shell in the kernel on its first use there, and sets the object's reference then. jsii has no public
 * way to ask for it, so it is read from the package-private field the runtime keeps it in (jsii-runtime
 * pinned in the parent pom; a runtime without it fails at start-up, not silently).
 */
final class Shells {
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
    static Chart chart() {
        return new ShellChart();
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
}
