package dev.statefulai.engine;

import dev.statefulai.engine.testing.AppSnapshotTest;
import dev.statefulai.engine.testing.RepoRoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The scaffold's test base class on an app that uses the escape hatch and a plain cdk8s object (the
 * fixture EscapeHatchApp): its own tests pass, and say that cdk8s rendered the chart, and why.
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
}
