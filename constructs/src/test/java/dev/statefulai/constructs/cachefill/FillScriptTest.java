package dev.statefulai.constructs.cachefill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fill scripts as a fill container runs them ({@code sh -c}), with stubs of the tools they call
 * ({@code aws}, {@code curl}, {@code tar}, {@code python3}, {@code pip}, {@code cp}) first on the
 * {@code PATH}: each stub logs its call and "downloads" a file into the target, or fails when named in
 * {@code STUB_FAIL}.
 */
class FillScriptTest {
    private static final String STUB = """
            #!/bin/sh
            name=$(basename "$0")
            echo "$name $*" >> "$STUB_LOG"
            if [ "$name" = "${STUB_FAIL:-}" ]; then echo "$name: failed" >&2; exit 1; fi
            case "$name" in
              curl) while [ $# -gt 0 ]; do if [ "$1" = -o ]; then echo data > "$2"; fi; shift; done ;;
              python3) case "$2" in *snapshot_download*) echo weights > "$FILL_TARGET/model.safetensors" ;; esac ;;
              *) echo data > "$FILL_TARGET/$name.out" ;;
            esac
            """;

    @TempDir
    Path dir;
    private Path target;
    private Path stubs;

    @BeforeEach
    void stubs() throws IOException {
        target = Files.createDirectories(dir.resolve("target"));
        stubs = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("aws", "curl", "tar", "python3", "pip", "cp")) {
            Path stub = stubs.resolve(tool);
            Files.writeString(stub, STUB);
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Each kind of source, and the tool whose failure is its download's. */
    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(new FillSource.S3("s3://ml-models/llama/"), "aws"),
                Arguments.of(new FillSource.Url("https://models.example.com/model-q4.gguf"), "curl"),
                Arguments.of(new FillSource.Url("https://models.example.com/weights.tar"), "tar"),
                Arguments.of(new FillSource.Url("https://models.example.com/weights.tar.gz"), "curl"),
                Arguments.of(new FillSource.HuggingFace("meta-llama/Llama-3.1-8B-Instruct", null, List.of("*.json")), "python3"),
                Arguments.of(new FillSource.Claim("models-golden"), "cp"));
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the fill from {@code source} into the target, as the container would; {@code fail} names a tool that fails. */
    private Run fill(FillSource source, boolean shared, String fail) throws Exception {
        CacheFill fill = CacheFill.from(source).into("models").build();
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", fill.script(shared)).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", stubs + ":" + env.get("PATH"));
        env.put("HOME", dir.toString());
        env.put("FILL_ID", fill.id());
        env.put("FILL_SOURCE", source.location());
        env.put("FILL_TARGET", target.toString());
        env.putAll(source.parameters());
        env.put("STUB_LOG", dir.resolve("calls.log").toString());
        env.put("STUB_FAIL", fail);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the script did not end: " + output);
        return new Run(process.exitValue(), output);
    }

    private Path marker() {
        return target.resolve(CacheFill.MARKER);
    }

    private boolean toolsRan() {
        return Files.exists(dir.resolve("calls.log"));
    }

    /** Runs a fill from {@code source} that must succeed, and asserts that the marker then names the source. */
    private Run assertFills(FillSource source, boolean shared) throws Exception {
        Run run = fill(source, shared, "");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(source.id(), Files.readString(marker()));
        return run;
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aFillDownloadsThenWritesTheMarkerWithTheSourcesId(FillSource source) throws Exception {
        Run run = assertFills(source, false);
        assertTrue(toolsRan(), run.output());
        assertFalse(Files.exists(target.resolve(CacheFill.MARKER + ".tmp")));
        try (Stream<Path> files = Files.list(target)) {
            assertTrue(files.anyMatch(f -> !f.getFileName().toString().startsWith(CacheFill.MARKER)), "nothing was downloaded");
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aFilledMarkerSkipsTheDownload(FillSource source) throws Exception {
        Files.writeString(marker(), source.id());
        for (boolean shared : List.of(false, true)) {
            Run run = fill(source, shared, "");
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("already holds " + source.id()), run.output());
            assertFalse(toolsRan(), "a tool ran though the volume holds " + source.id());
            assertFalse(Files.exists(target.resolve(CacheFill.LOCK)), "a filled volume needs no lock");
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aMarkerOfAnotherSourceFillsAgain(FillSource source) throws Exception {
        Files.writeString(marker(), "s3://ml-models/an-older-model/");
        assertFills(source, false);
        assertTrue(toolsRan());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aFailedDownloadLeavesNoMarker(FillSource source, String tool) throws Exception {
        for (boolean shared : List.of(false, true)) {
            Run run = fill(source, shared, tool);
            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains(tool + ": failed"), run.output());
            assertFalse(Files.exists(marker()), "a failed fill left a marker");
            assertFalse(Files.exists(target.resolve(CacheFill.MARKER + ".tmp")));
            assertFalse(Files.exists(target.resolve(CacheFill.LOCK)), "a failed fill kept the lock: every other replica would wait");
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void aSharedFillTakesTheLockAndLetsItGo(FillSource source) throws Exception {
        assertFills(source, true);
        assertFalse(Files.exists(target.resolve(CacheFill.LOCK)));
    }

    @Test
    void theScriptsUseTheNamesTheJavaSideDocuments() {
        String hf = CacheFill.fromHuggingFace("gpt2").into("models").build().script(true);
        assertTrue(hf.contains("marker=\"$FILL_TARGET/" + CacheFill.MARKER + "\"\n"), hf);
        assertTrue(hf.contains("lock=\"$FILL_TARGET/" + CacheFill.LOCK + "\"\n"), hf);
        assertTrue(hf.contains("\"huggingface_hub==" + CacheFill.HUGGINGFACE_HUB_VERSION + "\""), hf);
        String url = CacheFill.fromUrl("https://models.example.com/a.tgz").into("models").build().script(false);
        assertTrue(url.contains("${" + CacheFill.HTTP_AUTHORIZATION_ENV + ":+-H \"Authorization: $" + CacheFill.HTTP_AUTHORIZATION_ENV + "\"}"), url);
        String claim = CacheFill.fromClaim("golden").into("models").build().script(false);
        assertTrue(claim.contains("cp -R " + CacheFill.SOURCE_MOUNT + "/. "), claim);
    }

    @Test
    void theResourcesCommentsAreLeftOut() {
        for (FillSource source : sources().map(a -> (FillSource) a.get()[0]).toList()) {
            String script = CacheFill.from(source).into("models").build().script(true);
            assertTrue(script.startsWith("set -eu\n"), script);
            assertFalse(script.lines().anyMatch(line -> line.startsWith("#")), script);
        }
    }
}
