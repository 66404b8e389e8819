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

        // The two runs are independent (a folder each), so they run side by side: each is mostly one busy process at a time.
        Started cleanRun = synth(root, cli, "clean", List.of());
        Run clean;
        Run failing;
        try {
            // The same manifests checked as a 1.30 cluster: staging's VolumeAttributesClass is not served there.
            Started failingRun = synth(root, cli, "as-1.30", List.of("--kubernetes-version", "1.30"));
            try {
                clean = finished(cleanRun);
                failing = finished(failingRun);
            } finally {
                stop(failingRun);
            }
        } finally {
            stop(cleanRun);
        }

        assertEquals(0, clean.exit(), clean.output());
        assertTrue(clean.output().contains("Validation Report") && clean.output().contains("Validations ended succesfully"), clean.output());
        JsonNode metadata = JSON.readTree(tmp.resolve("clean/out/construct-metadata.json").toFile());
        assertEquals("1.0.0", metadata.path("version").asText());
        assertEquals("vector-db/volume-attributes-0/resource",
                metadata.path("resources").path("staging/VolumeAttributesClass//vector-db-staging-fast").path("path").asText());

        assertEquals(2, failing.exit(), failing.output());
        assertTrue(failing.output().contains("VER003 (error)"), failing.output());
        assertTrue(failing.output().contains("Construct Path: vector-db/volume-attributes-0/resource"), failing.output());
        assertTrue(failing.output().contains("Resource Name: staging/VolumeAttributesClass//vector-db-staging-fast"), failing.output());
    }

    private record Run(int exit, String output) {
    }

    /**
     * {@code cdk8s synth}, started in the folder {@code name} under the test's own, whose cdk8s.yaml is the repository's, but
     * with this JVM's class path instead of bin/ai-storage (which would compile) and the gate given {@code args}.
     */
    private Started synth(Path root, Path cli, String name, List<String> args) throws IOException {
        List<String> jvm = ChildJvm.command(Main.class.getName());
        String command = JSON.writeValueAsString(jvm);
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve("cdk8s.yaml"), "language: java\n"
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
        // Output to a file, read at the end: a pipe nobody drains while the other run is awaited could fill and stall it.
        Path log = folder.resolve("cdk8s-synth.log");
        Process process = new ProcessBuilder(cli.toString(), "synth").directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Started(process, log);
    }

    private record Started(Process process, Path log) {
    }

    /** The exit code and output of a {@link #synth} run, once it has ended. */
    private static Run finished(Started run) throws IOException, InterruptedException {
        if (!run.process().waitFor(300, TimeUnit.SECONDS)) {
            throw new AssertionError("cdk8s synth did not finish in 300 s:\n" + Files.readString(run.log()));
        }
        return new Run(run.process().exitValue(), Files.readString(run.log()));
    }

    /** Ends a run that is still going (a failure or a time-out elsewhere), with the JVMs and node it started. */
    private static void stop(Started run) {
        run.process().descendants().forEach(ProcessHandle::destroyForcibly);
        run.process().destroyForcibly();
    }
}
