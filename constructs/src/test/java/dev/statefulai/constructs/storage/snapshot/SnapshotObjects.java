package dev.statefulai.constructs.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.render.CustomObjectConstruct;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test support: what every object of the CSI snapshot API ({@code snapshot.storage.k8s.io/v1}) writes and tells. */
final class SnapshotObjects {
    private SnapshotObjects() {
    }

    /** The whole object of {@code kind}: its apiVersion and kind, metadata of only {@code name}, then {@code fields}. */
    static Map<String, Object> object(String kind, String name, Map<String, Object> fields) {
        Map<String, Object> object = new LinkedHashMap<>(Map.of("apiVersion", "snapshot.storage.k8s.io/v1", "kind", kind,
                "metadata", Map.of("name", name)));
        object.putAll(fields);
        return object;
    }

    /** Asserts that {@code construct} is named {@code name}, defines an object of {@code kind} and outputs {@code outputs} under its name. */
    static void assertTells(CustomObjectConstruct construct, String name, String kind, Map<String, Object> outputs) {
        assertEquals(name, construct.getName());
        assertEquals(kind, construct.getApiObject().getKind());
        assertEquals(name, construct.outputName());
        assertEquals(outputs, construct.outputs());
    }
}
