package dev.statefulai.gate;

import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.gate.testing.Docs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate stands alone: any folder of manifests (a chart rendered by {@code helm template}, the output of
 * {@code kubectl kustomize}, a GitOps repository's tree) is checked as one environment, with the rules and
 * report dist/ gets.
 */
class AnyFolderTest {
    @TempDir
    Path tmp;

    private Path write(String path, String text) throws IOException {
        Path f = tmp.resolve("repo").resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Report check(String environment) {
        return SafetyGate.run(SafetyGate.Options.ofFolder(tmp.resolve("repo"), environment));
    }

    @Test
    void helmOutputAtAnyDepthIsCheckedAndTheChartsOtherFilesAreSkipped() throws IOException {
        write("chart/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        write("chart/values.yaml", "replicas: 3\n");
        // helm template: a "# Source:" comment before each document, an empty document between.
        String[] clean = Docs.cleanSet();
        write("chart/rendered/all.yaml", "---\n# Source: db/templates/sc.yaml\n" + clean[0] + "\n---\n---\n# Source: db/templates/svc.yaml\n"
                + String.join("\n---\n", List.of(clean).subList(1, clean.length)) + "\n");
        write(".git-like/ignored.yaml", "not: [valid");
        write("backup.yaml", Docs.backupOfEverything());
        Report report = check("prod");
        assertEquals(List.of(), lines(report));
        assertEquals(List.of("prod"), report.environments());
        assertTrue(report.notes().contains("skipped 2 file(s) that hold no Kubernetes object: chart/Chart.yaml, chart/values.yaml"),
                report.notes().toString());
    }

    @Test
    void theEnvironmentDecidesThePolicyLikeDistsFolders() throws IOException {
        String[] docs = Docs.cleanSet();
        docs[0] = docs[0].replace("reclaimPolicy: Retain", "reclaimPolicy: Delete");
        write("manifests.yaml", String.join("\n---\n", docs));
        assertEquals("POL001 error", lines(check("prod")).get(0).substring(0, 12));
        assertEquals("POL001 warning", lines(check("staging")).get(0).substring(0, 14));
    }

    @Test
    void aListOfObjectsCountsAsItsItemsAndJsonIsRead() throws IOException {
        String[] clean = Docs.cleanSet();
        // kubectl get -o json: a List whose items are the objects.
        write("export.json", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [" + String.join(", ", clean) + "]}");
        write("backup.yaml", Docs.backupOfEverything());
        assertEquals(List.of(), lines(check("prod")));
        // Without the headless Service, the StatefulSet among the items is reported: the items are checked.
        List<String> withoutService = new java.util.ArrayList<>(List.of(clean));
        withoutService.remove(Docs.headless("db"));
        Files.writeString(tmp.resolve("repo/export.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
                + String.join(", ", withoutService) + "]}");
        assertEquals(List.of("BIND011 error prod StatefulSet/data/db: serviceName db names no Service in namespace data of dist/prod:"
                + " pods get no stable DNS names"), lines(check("prod")));
    }

    @Test
    void aFileThatMixesObjectsWithOtherDocumentsIsAProblemNotSkipped() throws IOException {
        write("mixed.yaml", Docs.gp3() + "\n---\nreplicas: 3\n");
        assertEquals(List.of("DIST002 error prod File/mixed.yaml: document 2 lacks apiVersion, kind or metadata.name"),
                lines(check("prod")));
    }

    @Test
    void aFolderThatDoesNotExistIsAUsageError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check("prod"));
        assertEquals("no folder at " + tmp.resolve("repo"), e.getMessage());
    }
}
