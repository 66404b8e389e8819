package dev.statefulai.engine;

import dev.statefulai.engine.testing.AppSnapshotTest;
import dev.statefulai.engine.testing.DistGolden;
import dev.statefulai.engine.testing.RepoRoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The scaffold's test base class on an app that uses the escape hatch and a plain cdk8s object (the
 * fixture EscapeHatchApp): its own tests pass, and say that cdk8s rendered the chart, and why.
 *
 * <p>The fixture lives outside {@code apps/}, so the synth never writes it into the repository's
 * {@code dist/}: its golden file is its own folder's {@code dist/dev/escape-hatch.yaml}, the file the
 * synth would write were it an app. After an intended change the failure message names a copy of what
 * the code synthesizes now (under {@code target/}) and the {@code cp} that makes it the golden file.
 */
public class EscapeHatchAppTest extends AppSnapshotTest {

    @Override
    protected String appName() {
        return "escape-hatch";
    }

    @Override
    protected Path appDir() {
        return RepoRoot.find().resolve("engine/src/test/fixtures/escape-hatch");
    }

    @Override
    protected Path distDir() {
        return appDir().resolve("dist");
    }

    /** Writes what the code synthesizes now under target/ and names the copy that makes it the golden file. */
    @Override
    protected DistGolden.Regenerate regenerate() {
        return (golden, synthesized) -> {
            Path root = RepoRoot.find();
            Path now = root.resolve("engine/target/synthesized").resolve(distDir().relativize(golden));
            try {
                Files.createDirectories(now.getParent());
                Files.writeString(now, synthesized, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "cp " + root.relativize(now) + " " + root.relativize(golden);
        };
    }

    @Test
    public void theRenderingTestNamesCdk8sAndWhyAndPasses() throws Throwable {
        List<DynamicTest> tests = rendersTheTreesOfCdk8s().toList();
        assertEquals(List.of("dev: rendered by cdk8s, because an escape hatch (an L1 object) was asked for while the chart was "
                + "recorded for Java-side rendering"), tests.stream().map(DynamicTest::getDisplayName).toList());
        for (DynamicTest test : tests) {
            test.getExecutable().execute();
        }
    }

    @Test
    public void thePatchedKeysAreWrittenSorted() {
        String yaml = synth("dev").yaml();
        List<String> annotations = yaml.lines().map(String::strip).filter(l -> l.startsWith("example.com/setting-"))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(24, annotations.size(), yaml);
        assertEquals(annotations.stream().sorted().toList(), annotations);
        assertTrue(yaml.indexOf("minReadySeconds: 10") < yaml.indexOf("podManagementPolicy:"), yaml);
    }

    @Test
    public void aChangeOfTheFixtureIsTakenByTheCopyTheFailureNames() throws IOException {
        Path golden = distDir().resolve("dev/escape-hatch.yaml");
        String synthesized = DistGolden.manifest(synth("dev"));
        String command = regenerate().command(golden, synthesized);
        assertEquals("cp engine/target/synthesized/dev/escape-hatch.yaml engine/src/test/fixtures/escape-hatch/dist/dev/escape-hatch.yaml",
                command);
        assertEquals(synthesized, Files.readString(RepoRoot.find().resolve(command.split(" ")[1])));
    }
}
