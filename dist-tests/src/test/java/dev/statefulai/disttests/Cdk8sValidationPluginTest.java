package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statefulai.engine.testing.ChildJvm;
import dev.statefulai.cli.Main;
import dev.statefulai.engine.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdk8s synth} runs the safety gate: the repository's cdk8s.yaml declares tools/cdk8s-validation under
 * {@code validations:}, and the CLI (which runs the validations after every synth unless --no-validate) reports the
 * gate's findings with the construct path of each object, from the construct-metadata.json the synth writes when
 * the CLI asks for it. Run with the repository's installed cdk8s CLI (npm ci); without node_modules the test is
 * reported as skipped. The CLI writes into a temporary output folder, never into dist/.
 */
class Cdk8sValidationPluginTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theGateRunsAfterSynthAndNamesTheConstructOfEachFinding() throws Exception {
        Path root = RepoRoot.find();
        Path cli = root.resolve("node_modules/.bin/cdk8s");
        Assumptions.assumeTrue(Files.isExecutable(cli), "no node_modules/.bin/cdk8s (run npm ci): cdk8s synth --validate not run");
        assertTrue(Files.readString(root.resolve("cdk8s.yaml")).contains("  - package: ./tools/cdk8s-validation\n"),
                "cdk8s.yaml declares the gate as a validation plugin");

        Run clean = synth(root, cli, List.of());
        assertEquals(0, clean.exit(), clean.output());
        assertTrue(clean.output().contains("Validation Report") && clean.output().contains("Validations ended succesfully"), clean.output());
        JsonNode metadata = JSON.readTree(tmp.resolve("out/construct-metadata.json").toFile());
        assertEquals("1.0.0", metadata.path("version").asText());
        assertEquals("vector-db/volume-attributes-0/resource",
                metadata.path("resources").path("staging/VolumeAttributesClass//vector-db-staging-fast").path("path").asText());

        // The same manifests checked as a 1.30 cluster: staging's VolumeAttributesClass is not served there.
        Run failing = synth(root, cli, List.of("--kubernetes-version", "1.30"));
        assertEquals(2, failing.exit(), failing.output());
        assertTrue(failing.output().contains("VER003 (error)"), failing.output());
        assertTrue(failing.output().contains("Construct Path: vector-db/volume-attributes-0/resource"), failing.output());
        assertTrue(failing.output().contains("Resource Name: staging/VolumeAttributesClass//vector-db-staging-fast"), failing.output());
    }

    private record Run(int exit, String output) {
    }

    /**
     * {@code cdk8s synth} in a folder whose cdk8s.yaml is the repository's, but with this JVM's class path instead of
     * bin/ai-storage (which would compile) and the gate given {@code args}.
     */
    private Run synth(Path root, Path cli, List<String> args) throws IOException, InterruptedException {
        List<String> jvm = ChildJvm.command(Main.class.getName());
        String command = JSON.writeValueAsString(jvm);
        Files.writeString(tmp.resolve("cdk8s.yaml"), "language: java\n"
                + "app: " + JSON.writeValueAsString(jvm.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "))
                        + " synth --root '" + root + "'") + "\n"
                + "output: out\n"
                + "validations:\n"
                + "  - package: " + JSON.writeValueAsString(root.resolve("tools/cdk8s-validation").toString()) + "\n"
                + "    version: 1.0.0\n"
                + "    class: AiStorageGate\n"
                + "    properties:\n"
                + "      command: " + command + "\n"
                + "      args: " + JSON.writeValueAsString(args) + "\n");
        Process p = new ProcessBuilder(cli.toString(), "synth").directory(tmp.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "cdk8s synth did not finish in 300 s:\n" + output);
        return new Run(p.exitValue(), output);
    }
}
