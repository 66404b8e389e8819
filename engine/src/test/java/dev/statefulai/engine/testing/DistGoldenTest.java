package dev.statefulai.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.output.UnitOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app test's golden file is the manifest in dist/: what each outcome of the comparison says. */
class DistGoldenTest {
    @TempDir
    Path root;

    private final UnitOutput unit = new UnitOutput("demo", "dev", "kind: ConfigMap\nmetadata:\n  name: demo\n", Map.of(), null);

    private Path golden() {
        return root.resolve("dist/dev/demo.yaml");
    }

    private void commit(String content) throws IOException {
        Files.createDirectories(golden().getParent());
        Files.writeString(golden(), content);
    }

    @Test
    void theGoldenFileIsTheManifestTheSynthWritesHeaderIncluded() throws IOException {
        String manifest = DistGolden.manifest(unit);
        assertTrue(manifest.startsWith("# Generated from apps/demo ") && manifest.endsWith(unit.yaml()), manifest);
        commit(manifest);
        DistGolden.assertMatches(root.resolve("dist"), root, unit, DistGolden.BY_SYNTH);
    }

    @Test
    void aDifferenceFailsWithTheDiffAndTheSynthThatRegeneratesDist() throws IOException {
        commit(DistGolden.manifest(unit).replace("name: demo", "name: old"));
        AssertionError e = assertThrows(AssertionError.class,
                () -> DistGolden.assertMatches(root.resolve("dist"), root, unit, DistGolden.BY_SYNTH));
        String message = e.getMessage();
        assertTrue(message.startsWith("""
                dist/dev/demo.yaml is not what the code synthesizes:
                --- a/dist/dev/demo.yaml
                +++ b/dist/dev/demo.yaml
                @@ -"""), message);
        assertTrue(message.contains("""
                 metadata:
                -  name: old
                +  name: demo
                If the change is intended, regenerate it with: bin/ai-storage synth   (then review git diff and commit it)"""),
                message);
    }

    @Test
    void aDifferenceOnlyInTheFinalNewlineIsNamed() throws IOException {
        commit(DistGolden.manifest(unit).stripTrailing());
        AssertionError e = assertThrows(AssertionError.class,
                () -> DistGolden.assertMatches(root.resolve("dist"), root, unit, DistGolden.BY_SYNTH));
        assertTrue(e.getMessage().contains("the files differ in line endings or the final newline"), e.getMessage());
    }

    @Test
    void aNewAppWithoutDistFailsSayingToRunTheSynthFirst() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> DistGolden.assertMatches(root.resolve("dist"), root, unit, DistGolden.BY_SYNTH));
        assertEquals("dist/dev/demo.yaml does not exist: the app's tests compare it with what the code synthesizes, and no "
                + "synth has written it yet. Run bin/ai-storage synth first, then review and commit it with the app.", e.getMessage());
    }

    @Test
    void anAppKeptElsewhereNamesItsOwnWayToRegenerate() throws IOException {
        commit("");
        AssertionError e = assertThrows(AssertionError.class, () -> DistGolden.assertMatches(root.resolve("dist"), root, unit,
                (file, synthesized) -> "cp now.yaml " + root.relativize(file)));
        assertTrue(e.getMessage().endsWith("regenerate it with: cp now.yaml dist/dev/demo.yaml   (then review git diff and commit it)"),
                e.getMessage());
    }
}
