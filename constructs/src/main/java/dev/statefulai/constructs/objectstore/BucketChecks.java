package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.Parameter;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The checks the buckets share, and the writer of their volume attributes (keys the catalog documents, like class parameters). */
final class BucketChecks {
    private BucketChecks() {
    }

    /** Refuses {@code prop} of {@code construct}. */
    static void refuse(String construct, String prop, Object value, String allowed) {
        Refusals.refuse(new InvalidPropsException(construct, prop, value, allowed));
    }

    /** A required value that must pass {@code ok}. */
    static String required(String construct, String prop, String value, Predicate<String> ok, String rule) {
        Validate.required(construct, prop, value, rule);
        return optional(construct, prop, value, ok, rule);
    }

    /** A value that may be absent and otherwise must pass {@code ok}. */
    static String optional(String construct, String prop, String value, Predicate<String> ok, String rule) {
        if (value != null && !ok.test(value)) {
            refuse(construct, prop, value, rule);
        }
        return value;
    }

    /** A value of the volume attribute {@code key} of {@code driver}, or null. */
    static String attribute(String construct, String prop, String value, StorageDriver driver, String key) {
        Parameter attribute = driver.bucket().orElseThrow().volumeAttribute(key).orElseThrow();
        return optional(construct, prop, value, attribute::accepts, attribute.rule());
    }

    /** Volume attributes of {@code driver}'s bucket mount, sorted; a key it does not document fails at once (a bug, not a user's slip). */
    static Map<String, String> attributes(StorageDriver driver, Object... keyValues) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            if (driver.bucket().orElseThrow().volumeAttribute(key).isEmpty()) {
                throw new IllegalStateException(driver.name() + " takes no volume attribute '" + key + "'");
            }
            if (keyValues[i + 1] != null) {
                out.put(key, String.valueOf(keyValues[i + 1]));
            }
        }
        return out;
    }
}
