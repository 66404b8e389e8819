package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.statefulai.engine.testing.RepoRoot;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.schema.ManifestSchemaValidator;
import dev.statefulai.gate.schema.SchemaFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in the committed dist/ is a valid Kubernetes object of its environment's release (the
 * target its Kustomization names, from environments/<env>.yaml), checked strictly (unknown fields, missing
 * required fields and wrong types fail). Objects of kinds the definitions do not cover (custom resources)
 * are listed as SKIPPED in the output, and do not fail the test.
 */
class ManifestSchemaTest {

  @Test
  void everyManifestInDistIsValidForItsEnvironmentsRelease() {
    Path dist = RepoRoot.find().resolve("dist");
    ManifestFolder folder = ManifestFolder.dist(dist);
    List<String> environments = folder.environments();
    assertFalse(environments.isEmpty(), "no environments under " + dist);

    long start = System.nanoTime();
    List<SchemaFinding> findings = new ArrayList<>();
    int files = 0;
    for (String env : environments) {
      ClusterTarget target = folder.target(env);
      files += ManifestSchemaValidator.manifestFiles(dist.resolve(env)).size();
      findings.addAll(ManifestSchemaValidator.forVersion(target.version()).validateTree(dist.resolve(env)));
      System.out.printf("dist/%s: %s%n", env, target.describe());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertFalse(files == 0, "no manifests under " + dist);

    List<SchemaFinding> skipped = findings.stream().filter(SchemaFinding::isSkipped).toList();
    List<SchemaFinding> errors = findings.stream().filter(SchemaFinding::isError).toList();
    System.out.printf("schema check of %d files under %s: %d errors, %d skipped, %d ms%n",
        files, dist, errors.size(), skipped.size(), millis);
    skipped.forEach(f -> System.out.println("  " + relative(dist, f)));

    if (!errors.isEmpty()) {
      throw new AssertionError(errors.size() + " manifest(s) in dist/ are not valid for their environment's Kubernetes release:\n  "
          + errors.stream().map(f -> relative(dist, f)).collect(Collectors.joining("\n  ")));
    }
  }

  private static String relative(Path dist, SchemaFinding f) {
    String text = f.toString();
    return f.file() == null ? text : text.replace(f.file().toString(), "dist/" + dist.relativize(f.file()));
  }
}
