package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.statefulai.engine.testing.RepoRoot;
import dev.statefulai.gate.schema.ManifestSchemaValidator;
import dev.statefulai.gate.schema.SchemaFinding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in the committed dist/ is a valid Kubernetes 1.28 object, checked strictly (unknown
 * fields, missing required fields and wrong types fail). Objects of kinds the 1.28 definitions do not
 * cover (custom resources) are listed as SKIPPED in the output, and do not fail the test.
 */
class ManifestSchemaTest {

  @Test
  void everyManifestInDistIsValidKubernetes128() {
    Path dist = RepoRoot.find().resolve("dist");
    List<Path> files = ManifestSchemaValidator.manifestFiles(dist);
    assertFalse(files.isEmpty(), "no manifests under " + dist);

    long start = System.nanoTime();
    List<SchemaFinding> findings = ManifestSchemaValidator.kubernetes128().validateTree(dist);
    long millis = (System.nanoTime() - start) / 1_000_000;

    List<SchemaFinding> skipped = findings.stream().filter(SchemaFinding::isSkipped).toList();
    List<SchemaFinding> errors = findings.stream().filter(SchemaFinding::isError).toList();
    System.out.printf("schema check of %d files under %s: %d errors, %d skipped, %d ms%n",
        files.size(), dist, errors.size(), skipped.size(), millis);
    skipped.forEach(f -> System.out.println("  " + relative(dist, f)));

    if (!errors.isEmpty()) {
      throw new AssertionError(errors.size() + " manifest(s) in dist/ are not valid Kubernetes "
          + ManifestSchemaValidator.KUBERNETES_VERSION + ":\n  "
          + errors.stream().map(f -> relative(dist, f)).collect(Collectors.joining("\n  ")));
    }
  }

  private static String relative(Path dist, SchemaFinding f) {
    String text = f.toString();
    return f.file() == null ? text : text.replace(f.file().toString(), "dist/" + dist.relativize(f.file()));
  }
}
