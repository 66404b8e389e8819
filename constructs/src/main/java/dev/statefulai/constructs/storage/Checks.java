package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The refusals the backends and existing volumes share, worded alike. */
final class Checks {
    private Checks() {
    }

    /** Refuses {@code prop} (see {@link Refusals#refuse}). */
    static void refuse(String construct, String prop, Object value, String allowed) {
        Refusals.refuse(new InvalidPropsException(construct, prop, value, allowed));
    }

    /** A value that must be present and pass {@code ok}; {@code rule} says what is allowed. */
    static String required(String construct, String prop, String value, Predicate<String> ok, String rule) {
        Validate.required(construct, prop, value, rule);
        return optional(construct, prop, value, ok, rule);
    }

    /** A value that may be absent (null) and otherwise must pass {@code ok}. */
    static String optional(String construct, String prop, String value, Predicate<String> ok, String rule) {
        if (value != null && !ok.test(value)) {
            refuse(construct, prop, value, rule);
        }
        return value;
    }

    /** A value among those the driver's documentation allows for {@code parameter}. */
    static String oneOf(String construct, String prop, String value, StorageDriver driver, String parameter) {
        return optional(construct, prop, value, driver.parameter(parameter).orElseThrow()::accepts,
                "one of " + new TreeSet<>(driver.parameter(parameter).orElseThrow().allowed()));
    }
}
