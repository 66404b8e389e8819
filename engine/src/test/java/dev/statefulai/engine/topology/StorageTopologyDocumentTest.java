package dev.statefulai.engine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An environment's storage.md splits back into the very sections it was made of (incremental synth reuses them). */
class StorageTopologyDocumentTest {
    private static final String CLAIM = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: %s-data
            spec:
              accessModes:
                - ReadWriteOnce
              resources:
                requests:
                  storage: 10Gi
              storageClassName: gp3
            """;

    @Test
    void sectionsRoundTrip() {
        String a = StorageTopology.render("alpha", "prod", CLAIM.formatted("alpha"));
        String b = StorageTopology.render("beta", "prod", CLAIM.formatted("beta"));
        String doc = StorageTopology.document("prod", List.of(a, b));
        assertEquals(Map.of("alpha", a, "beta", b), StorageTopology.sections(doc));
        assertEquals(List.of("alpha", "beta"), List.copyOf(StorageTopology.sections(doc).keySet()));
    }

    @Test
    void anEnvironmentWithoutAppsHasNoSections() {
        assertEquals(Map.of(), StorageTopology.sections(StorageTopology.document("dev", List.of())));
    }
}
