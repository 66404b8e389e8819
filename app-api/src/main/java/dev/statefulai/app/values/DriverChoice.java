package dev.statefulai.app.values;

import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;

/**
 * A backend or driver a values file names (StorageClassValues' {@code backend}, SharedFileSystemValues' {@code backend},
 * BucketValues' {@code driver}): how values files spell it, its entry in the storage-driver catalog and the keys of its
 * values record that it takes (a key of another is refused, see {@code BackendKeys}).
 */
public interface DriverChoice {

    /**
     * What an enum constant of such a choice holds.
     *
     * @param value  the spelling in values files, e.g. {@code ebs}
     * @param driver the driver's entry in the storage-driver catalog
     * @param keys   the keys of the values record, besides those every choice takes, that this one takes
     */
    record Spec(String value, StorageDriver driver, List<String> keys) {
        public Spec(String value, StorageDriver driver, String... keys) {
            this(value, driver, List.of(keys));
        }
    }

    /** What this choice holds. */
    Spec spec();

    /** The driver's entry in the storage-driver catalog. */
    default StorageDriver driver() {
        return spec().driver();
    }

    /** The keys of the values record, besides those every choice takes, that this choice takes. */
    default List<String> keys() {
        return spec().keys();
    }
}
