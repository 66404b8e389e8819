package dev.statefulai.gate;

import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import static dev.statefulai.gate.testing.GateFixture.cleanWith;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiver annotations: a reason waives, a missing reason or an unknown rule is reported. */
class CheckWaiverTest {
    @TempDir
    Path tmp;

    private static final String NO_PDB_FROM = "app: db";
    private static final String NO_PDB_TO = "app: other";

    private Report check(String... docs) {
        return new GateFixture(tmp).file("prod", "app.yaml", docs).run();
    }

    private static String[] annotatedStatefulSet(String annotations) {
        String[] docs = cleanWith(3, NO_PDB_FROM, NO_PDB_TO);
        docs[2] = docs[2].replace("metadata: {name: db, namespace: data}", "metadata: {name: db, namespace: data, annotations: {" + annotations + "}}");
        return docs;
    }

    @Test
    void waiverWithReasonWaivesTheRuleForThatObject() {
        Report report = check(annotatedStatefulSet("ai-storage.dev/waive-POL006: \"single-writer, drained by hand\""));
        assertEquals(List.of("POL006 error prod StatefulSet/data/db: 3 replicas and no PodDisruptionBudget in namespace data"
                + " selects its pods: a node drain may evict several replicas at once [waived: single-writer, drained by hand]"), lines(report));
        assertEquals(0, report.errors());
        assertEquals(1, report.waived());
        assertEquals(0, report.exitCode());
    }

    @Test
    void waiverIdIsCaseInsensitiveAndOnlyForItsRule() {
        Report report = check(annotatedStatefulSet("ai-storage.dev/waive-pol005: \"not this one\""));
        assertEquals(1, report.errors());
        assertEquals(Rule.POL006, report.findings().get(0).rule());
    }

    @Test
    void waiverWithoutReasonIsAnErrorAndWaivesNothing() {
        Report report = check(annotatedStatefulSet("ai-storage.dev/waive-POL006: \"  \""));
        assertEquals(List.of(
                "POL006 error prod StatefulSet/data/db: 3 replicas and no PodDisruptionBudget in namespace data selects its pods:"
                        + " a node drain may evict several replicas at once",
                "WAIVE001 error prod StatefulSet/data/db: annotation ai-storage.dev/waive-POL006 has no reason: write why the rule"
                        + " does not apply, e.g. \"scratch data, rebuilt nightly\""), lines(report));
    }

    @Test
    void waiverOfAnUnknownRuleIsAWarning() {
        Report report = check(Docs.cleanSet()[0].replace("metadata: {name: gp3}",
                "metadata: {name: gp3, annotations: {ai-storage.dev/waive-POL999: typo}}"));
        assertEquals(List.of("WAIVE002 warning prod StorageClass/gp3: annotation ai-storage.dev/waive-POL999 waives 'POL999',"
                + " which is no rule id (see 'bin/ai-storage check --list-rules')"), lines(report));
    }

    @Test
    void replicaClaimFindingsAreWaivedOnTheStatefulSet() {
        Report report = check(Docs.headless("db"), Docs.statefulSet("db", 1, "fast", "1Gi")
                .replace("namespace: data}", "namespace: data, annotations: {ai-storage.dev/waive-BIND002: provided by the platform team}}"));
        assertEquals(1, report.waived());
        assertEquals(0, report.warnings());
    }
}
