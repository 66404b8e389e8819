package dev.statefulai.synth.testing;

import dev.statefulai.synth.AppCatalog;
import dev.statefulai.synth.AppSynthesizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The snapshot test every app module has: one test per environment, comparing the app's synthesized
 * YAML with {@code src/test/resources/snapshots/<env>.yaml} of the module. An app's test class only
 * names the app.
 */
public abstract class AppSnapshotTest {

    /** The app under test, e.g. {@code vector-db}. */
    protected abstract String appName();

    /** The app as found from the test class path, with its folder under {@code apps/}. */
    protected AppCatalog.App app() {
        Path root = RepoRoot.find();
        Path dir = root.resolve(AppCatalog.APPS_DIR).resolve(appName());
        return AppCatalog.fromLoader(root, List.of(dir), getClass().getClassLoader()).app(appName());
    }

    /** The app synthesized for {@code environment} with no overrides. */
    protected AppSynthesizer.Result synth(String environment) {
        return AppSynthesizer.synth(app(), environment, Map.of());
    }

    /** The app's environments (its values-<env>.yaml files); an app without one fails the test. */
    private List<String> environments(AppCatalog.App app) {
        List<String> environments = AppCatalog.fromLoader(RepoRoot.find(), List.of(app.dir()), getClass().getClassLoader())
                .environments();
        if (environments.isEmpty()) {
            throw new AssertionError(app.displayDir() + " has no values-<env>.yaml");
        }
        return environments;
    }

    @TestFactory
    Stream<DynamicTest> matchesSnapshotInEveryEnvironment() {
        AppCatalog.App app = app();
        return environments(app).stream().map(env -> DynamicTest.dynamicTest(env, () -> Snapshots.assertMatches(
                app.dir().resolve("src/test/resources/snapshots/" + env + ".yaml"), synth(env).yaml())));
    }

    /** In every environment, the Java-side rendering is used and gives cdk8s's own bytes. */
    @TestFactory
    Stream<DynamicTest> rendersOnTheJavaSideLikeCdk8s() {
        AppCatalog.App app = app();
        return environments(app).stream().map(env -> DynamicTest.dynamicTest(env, () -> {
            AppSynthesizer.Result java = AppSynthesizer.synth(app, env, Map.of(), AppSynthesizer.Renderer.JAVA);
            if (java.topology() == null) {
                throw new AssertionError(app.displayDir() + " (" + env + ") was not rendered on the Java side");
            }
            Assertions.assertEquals(AppSynthesizer.synth(app, env, Map.of(), AppSynthesizer.Renderer.CDK8S).yaml(), java.yaml());
        }));
    }
}
