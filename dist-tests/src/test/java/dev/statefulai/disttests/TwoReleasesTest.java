package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.testing.RepoRoot;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.gate.Report;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example environments target different Kubernetes releases (environments/staging.yaml: 1.31 with the
 * VolumeAttributesClass gate; environments/prod.yaml: 1.30), and check shows the difference: staging's manifests pass
 * on staging's cluster, and the same manifests checked as prod's cluster are refused where prod lacks what they use.
 */
class TwoReleasesTest {
    @TempDir
    Path tmp;

    @Test
    void stagingAndProdAreCheckedAgainstTheirOwnReleases() throws IOException {
        Path dist = RepoRoot.find().resolve("dist");
        ManifestFolder folder = ManifestFolder.dist(dist);
        ClusterTarget staging = folder.target("staging");
        ClusterTarget prod = folder.target("prod");
        assertEquals("Kubernetes 1.31 with feature gates VolumeAttributesClass", staging.describe());
        assertEquals("Kubernetes 1.30", prod.describe());
        assertNotEquals(staging, prod);

        Report asStaging = SafetyGate.run(SafetyGate.Options.of(dist).withEnvironments(List.of("staging")));
        assertEquals(0, asStaging.errors(), asStaging.findings().toString());

        // staging's manifests, in a folder whose kustomization names prod's cluster
        Path copy = tmp.resolve("dist/staging");
        Files.createDirectories(copy);
        try (var files = Files.list(dist.resolve("staging"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.writeString(copy.resolve("Kustomization"), "# Generated: every manifest of environment 'staging'.\n"
                + prod.headerLine("prod's cluster") + "\n");
        Report asProd = SafetyGate.run(SafetyGate.Options.of(tmp.resolve("dist")));
        List<Finding> refused = asProd.findings().stream().filter(Finding::isBlocking).toList();
        assertEquals(List.of(Rule.VER003), refused.stream().map(Finding::rule).distinct().toList(), refused.toString());
        assertTrue(refused.get(0).message().startsWith("storage.k8s.io/v1beta1 VolumeAttributesClass is not served by Kubernetes 1.30:"
                + " it is first in Kubernetes 1.31, behind the feature gate VolumeAttributesClass"), refused.get(0).message());
    }
}
