package dev.statefulai.facts.drivers;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code parameters} of a StorageClass being written, each one the driver's catalog entry
 * documents: a key the driver does not take is a mistake of the code that writes it (a typo, a
 * parameter of another driver), not of its user, and fails at once.
 */
public final class ClassParameters {
    private final StorageDriver driver;
    private final Map<String, String> values = new TreeMap<>();

    /** Parameters of a class of {@code driver}. */
    public ClassParameters(StorageDriver driver) {
        this.driver = driver;
    }

    /**
     * Sets {@code key} to {@code value}'s text; nothing when {@code value} is null.
     *
     * @throws IllegalStateException when the driver documents no parameter {@code key}
     */
    public ClassParameters put(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (driver.parameter(key).isEmpty()) {
            throw new IllegalStateException(driver.name() + " takes no StorageClass parameter '" + key + "' (" + driver.docs() + ")");
        }
        values.put(key, String.valueOf(value));
        return this;
    }

    /** The parameters set, sorted by key. */
    public Map<String, String> toMap() {
        return values;
    }
}
