package dev.statefulai.gate;

import static dev.statefulai.gate.testing.GateFixture.cleanWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.testing.GateFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --format sarif: SARIF 2.1.0 with what GitHub code scanning reads to annotate a pull request. */
class SarifReportTest {
    @TempDir
    Path tmp;

    private JsonNode sarif(String... docs) throws Exception {
        Report report = new GateFixture(tmp).file("prod", "app.yaml", docs).run();
        return new ObjectMapper().readTree(ReportFormat.sarif.render(report));
    }

    @Test
    void aRunListsEveryRuleAndAResultPerFindingWithFileLineAndFingerprint() throws Exception {
        // The StorageClass (document 1) deletes its volumes in prod: POL001, an error.
        String[] docs = cleanWith(0, "reclaimPolicy: Retain", "reclaimPolicy: Delete");
        JsonNode root = sarif(docs);
        assertEquals("2.1.0", root.path("version").asText());
        JsonNode run = root.path("runs").path(0);
        List<String> ruleIds = new ArrayList<>();
        run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
        assertEquals(Rule.values().length, ruleIds.size());
        assertTrue(ruleIds.contains("POL001") && ruleIds.contains("BIND001"), ruleIds.toString());
        JsonNode result = run.path("results").path(0);
        assertEquals(1, run.path("results").size(), run.path("results").toString());
        assertEquals("POL001", result.path("ruleId").asText());
        assertEquals("error", result.path("level").asText());
        assertTrue(result.path("message").path("text").asText().contains("reclaimPolicy"), result.toString());
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        assertTrue(physical.path("artifactLocation").path("uri").asText().endsWith("dist/prod/app.yaml"), physical.toString());
        // The fixture writes a header comment line, then the first document.
        assertEquals(2, physical.path("region").path("startLine").asInt());
        assertEquals("prod/StorageClass/gp3", result.path("locations").path(0).path("logicalLocations").path(0)
                .path("fullyQualifiedName").asText());
        assertEquals(32, result.path("partialFingerprints").path("aiStorageFinding/v1").asText().length());
    }

    @Test
    void theFingerprintStaysWhenTheObjectMovesAndAWaiverIsASuppression() throws Exception {
        String[] docs = cleanWith(0, "reclaimPolicy: Retain", "reclaimPolicy: Delete");
        JsonNode first = sarif(docs).path("runs").path(0).path("results").path(0);
        String[] moved = new String[docs.length];
        System.arraycopy(docs, 1, moved, 0, docs.length - 1);
        moved[docs.length - 1] = docs[0].replace("metadata: {name: gp3}",
                "metadata: {name: gp3, annotations: {ai-storage.dev/waive-POL001: \"scratch class, nothing kept\"}}");
        JsonNode second = sarif(moved).path("runs").path(0).path("results").path(0);
        assertTrue(second.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt()
                > first.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals(first.path("partialFingerprints"), second.path("partialFingerprints"));
        assertEquals("inSource", second.path("suppressions").path(0).path("kind").asText());
        assertEquals("scratch class, nothing kept", second.path("suppressions").path(0).path("justification").asText());
    }
}
