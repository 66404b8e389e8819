package dev.statefulai.synth.testing;

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
class EscapeHatchAppTest extends AppSnapshotTest {

    @Override
    protected String appName() {
        return "escape-hatch";
    }

    @Override
    protected Path appDir() {
        return RepoRoot.find().resolve("synth/src/test/fixtures/escape-hatch");
    }

    @Test
    void theRenderingTestNamesCdk8sAndWhyAndPasses() throws Throwable {
        List<DynamicTest> tests = rendersTheBytesOfCdk8s().toList();
        assertEquals(List.of("dev: rendered by cdk8s, because an escape hatch (an L1 object) was asked for while the chart was "
                + "recorded for Java-side rendering"), tests.stream().map(DynamicTest::getDisplayName).toList());
        for (DynamicTest test : tests) {
            test.getExecutable().execute();
        }
    }

    @Test
    void thePatchedKeysAreWrittenSorted() {
        String yaml = synth("dev").yaml();
        List<String> annotations = yaml.lines().map(String::strip).filter(l -> l.startsWith("example.com/setting-"))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(24, annotations.size(), yaml);
        assertEquals(annotations.stream().sorted().toList(), annotations);
        assertTrue(yaml.indexOf("minReadySeconds: 10") < yaml.indexOf("podManagementPolicy:"), yaml);
    }
}
