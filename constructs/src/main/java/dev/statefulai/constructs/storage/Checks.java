package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.Format;
import dev.statefulai.facts.drivers.Parameter;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.function.Predicate;

/** The refusals the backends and existing volumes share, worded alike. */
public final class Checks {
    private Checks() {
    }

    /** Refuses {@code prop} (see {@link Refusals#refuse}). */
    public static void refuse(String construct, String prop, Object value, String allowed) {
        Refusals.refuse(new InvalidPropsException(construct, prop, value, allowed));
    }

    /** A value that must be present and pass {@code ok}; {@code rule} says what is allowed. */
    public static String required(String construct, String prop, String value, Predicate<String> ok, String rule) {
        Validate.required(construct, prop, value, rule);
        return optional(construct, prop, value, ok, rule);
    }

    /** A value that may be absent (null) and otherwise must pass {@code ok}. */
    public static String optional(String construct, String prop, String value, Predicate<String> ok, String rule) {
        if (value != null && !ok.test(value)) {
            refuse(construct, prop, value, rule);
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}, or null; {@code which} ends the rule, e.g. {@code for volumeType gp3}. */
    public static void range(String construct, String prop, Integer value, int min, int max, String which) {
        if (value != null && (value < min || value > max)) {
            refuse(construct, prop, value, "from " + min + " to " + max + " " + which);
        }
    }

    /** A value the driver's catalog entry allows for its class parameter {@code key}, or null. */
    public static String parameter(String construct, String prop, String value, StorageDriver driver, String key) {
        Parameter parameter = driver.parameter(key).orElseThrow();
        return optional(construct, prop, value, parameter::accepts, parameter.rule());
    }

    /** A required value of the shape {@code format}, as a driver takes it. */
    public static String formatted(String construct, String prop, String value, Format format) {
        return required(construct, prop, value, format::matches, format.rule());
    }
}
