package dev.statefulai.constructs;

import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The test-support reader must itself be right, or every assertion built on it could pass by accident. */
class ManifestsTest {
    private static final Map<String, Object> DOC = Map.of(
            "metadata", Map.of("labels", Map.of("app.kubernetes.io/name", "db")),
            "spec", Map.of("containers", List.of(Map.of("name", "db", "ports", List.of(Map.of("containerPort", 5432))))));

    @Test
    void readsKeysIndicesAndBracketedKeys() {
        assertEquals("db", Manifests.at(DOC, "spec.containers[0].name"));
        assertEquals(5432, Manifests.at(DOC, "spec.containers[0].ports[0].containerPort"));
        assertEquals("db", Manifests.at(DOC, "metadata.labels['app.kubernetes.io/name']"));
    }

    @Test
    void aMissingKeyIsNull() {
        assertNull(Manifests.at(DOC, "spec.volumes"));
        assertNull(Manifests.at(DOC, "spec.volumes[0].name"));
    }

    @Test
    void aWrongShapeOrAnIndexPastTheEndFails() {
        assertThrows(AssertionFailedError.class, () -> Manifests.at(DOC, "spec.containers[1]"));
        assertThrows(AssertionFailedError.class, () -> Manifests.at(DOC, "spec.containers.name"));
        assertThrows(AssertionFailedError.class, () -> Manifests.at(DOC, "metadata[0]"));
    }

    @Test
    void findsManifestsByKind() {
        Manifests m = Manifests.synth(chart -> new StatefulAIApp(chart, "app", StatefulAIAppProps.builder()
                .name("db").image("postgres:16").replicas(2)
                .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size("1Gi").build()).build()));
        assertEquals(List.of("Service", "StatefulSet", "PodDisruptionBudget"), m.kinds());
        assertEquals("db", m.at("Service", "metadata.name"));
        assertEquals(List.of(), m.all("PersistentVolume"));
        assertThrows(AssertionFailedError.class, () -> m.one("PersistentVolume"));
    }

    /** cdk8s's Testing.app() made a temporary folder per app and never removed it: thousands per build. */
    @Test
    void aTestChartsAppWritesNothingAndNamesNoTemporaryFolder() {
        Chart chart = Manifests.chart("ns");
        Manifests.synth("ns", c -> { });
        App app = (App) chart.getNode().getRoot();
        assertEquals(Manifests.UNWRITTEN_OUTDIR, app.getOutdir());
        assertFalse(Files.exists(Path.of(app.getOutdir())), "the output folder is never made");
    }
}
