package dev.statefulai.constructs.objectstore;

import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;
import java.util.TreeMap;

/** The writer of a bucket volume's {@code csi.volumeAttributes}: keys the catalog documents, like class parameters. */
final class VolumeAttributes {
    private VolumeAttributes() {
    }

    /** Volume attributes of {@code driver}'s bucket mount, sorted; a key it does not document fails at once (a bug, not a user's slip). */
    static Map<String, String> of(StorageDriver driver, Object... keyValues) {
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
