package dev.statefulai.engine.testing;

import dev.statefulai.app.AppDefinition;
import dev.statefulai.engine.output.UnitOutput;
import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.AppSynthesizer;
import dev.statefulai.engine.values.ValuesException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.statefulai.engine.values.schema.ValuesSchema;
import dev.statefulai.engine.values.schema.ValuesSchemaFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The test every app module has: in each environment, the app synthesizes to the manifest committed in
 * {@code dist/<env>/<app>.yaml}, byte for byte ({@code dist/} is the one golden file per app and
 * environment; {@code bin/ai-storage synth} writes it), and on either render path to the bytes of cdk8s.
 * An app's test class, beside its app in the app's package, needs no code of its own.
 */
public abstract class AppSnapshotTest {

    private String appName;

    /**
     * The app under test, e.g. {@code vector-db}: the one app whose {@link AppDefinition} is in this test's
     * package, as in an app module; a test kept elsewhere overrides it.
     */
    protected String appName() {
        if (appName == null) {
            List<String> names = ServiceLoader.load(AppDefinition.class, getClass().getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(def -> def.getClass().getPackageName().equals(getClass().getPackageName()))
                    .map(AppDefinition::name).toList();
            if (names.size() != 1) {
                throw new AssertionError(getClass().getName() + ": " + names.size() + " app definitions in its package "
                        + names + "; override appName() to name the app under test");
            }
            appName = names.get(0);
        }
        return appName;
    }

    /** The app's folder (values files): {@code apps/<appName()>}; a test of an app kept elsewhere overrides it. */
    protected Path appDir() {
        return RepoRoot.find().resolve(AppCatalog.APPS_DIR).resolve(appName());
    }

    /** The app as found from the test class path, with its folder {@link #appDir()}. */
    protected AppCatalog.App app() {
        return AppCatalog.fromLoader(RepoRoot.find(), List.of(appDir()), getClass().getClassLoader()).app(appName());
    }

    /**
     * The folder of the golden files, laid out as {@code dist/}: the repository's {@code dist/}. A test of an
     * app kept outside {@code apps/}, which the synth does not write, overrides it and {@link #regenerate()}.
     */
    protected Path distDir() {
        return RepoRoot.find().resolve("dist");
    }

    /** How the failure message says to bring a golden file up to date: {@code bin/ai-storage synth}. */
    protected DistGolden.Regenerate regenerate() {
        return DistGolden.BY_SYNTH;
    }

    /** The app synthesized for {@code environment} with no overrides. */
    protected UnitOutput synth(String environment) {
        return AppSynthesizer.synth(app(), environment, Map.of());
    }

    /** The refusal of the synth of {@code environment} with {@code --set} overrides {@code set}; fails when it succeeds. */
    protected ValuesException refusal(String environment, Map<String, String> set) {
        return Assertions.assertThrows(ValuesException.class, () -> AppSynthesizer.synth(app(), environment, set));
    }

    /** The names the app made in {@code environment}: its entry of {@code outputs.json}. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> outputs(String environment) {
        return (Map<String, Object>) synth(environment).outputs().get(appName());
    }

    /** Asserts that {@code yaml} holds each of {@code fragments}; the failure names the first it lacks, and shows the YAML. */
    public static void assertContains(String yaml, String... fragments) {
        for (String fragment : fragments) {
            Assertions.assertTrue(yaml.contains(fragment), () -> "no '" + fragment + "' in:\n" + yaml);
        }
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
    public Stream<DynamicTest> synthesizesTheCommittedDistInEveryEnvironment() {
        AppCatalog.App app = app();
        return environments(app).stream().map(env -> DynamicTest.dynamicTest(env, () -> DistGolden.assertMatches(
                distDir(), RepoRoot.find(), synth(env), regenerate())));
    }

    /**
     * In every environment, the synth gives the manifests of cdk8s's own synth: the same trees, read back
     * from the YAML of both. A chart of this library's constructs is rendered on the Java side; an app
     * that goes beyond them (an escape hatch such as {@code getStatefulSet().addJsonPatch(...)}, an object
     * of another library such as a {@code KubeConfigMap}) is synthesized by cdk8s instead, which is as
     * correct, only slower. Each test's name says which path its environment took, and why.
     */
    @TestFactory
    public Stream<DynamicTest> rendersTheTreesOfCdk8s() {
        AppCatalog.App app = app();
        return environments(app).stream().map(env -> {
            String why;
            try {
                why = AppSynthesizer.whyRenderedByCdk8s(app, env, Map.of());
            } catch (RuntimeException e) {
                return DynamicTest.dynamicTest(env + ": not synthesized", () -> {
                    throw e;
                });
            }
            String path = why == null ? "rendered on the Java side" : "rendered by cdk8s, because " + why;
            return DynamicTest.dynamicTest(env + ": " + path, () -> {
                UnitOutput synthesized = AppSynthesizer.synth(app, env, Map.of(), AppSynthesizer.Renderer.JAVA);
                Assertions.assertEquals(why == null, synthesized.topology() != null, app.displayDir() + " (" + env + ") " + path);
                Assertions.assertEquals(trees(AppSynthesizer.synth(app, env, Map.of(), AppSynthesizer.Renderer.CDK8S).yaml()),
                        trees(synthesized.yaml()), app.displayDir() + " (" + env + ")");
            });
        });
    }

    /** The documents of {@code yaml}, as data. */
    public static List<JsonNode> trees(String yaml) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return docs.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * The committed {@code values.schema.json} is what the app's values record generates, and every values file
     * starts with the modeline that points editors at it; otherwise the test says how to fix it.
     */
    @Test
    public void valuesSchemaIsCommittedAndCurrent() throws java.io.IOException {
        AppCatalog.App app = app();
        ValuesSchemaFile schema = ValuesSchemaFile.strict(app.dir(), app.displayDir(), app.definition().valuesType());
        Assertions.assertEquals(ValuesSchemaFile.State.CURRENT, schema.state(), schema.displayName() + " is not what "
                + app.definition().valuesType().getName() + " generates; rewrite it with: bin/ai-storage synth");
        try (Stream<Path> files = java.nio.file.Files.list(app.dir())) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("values(-.+)?\\.yaml")).sorted().toList()) {
                String first = java.nio.file.Files.readString(f).lines().findFirst().orElse("");
                Assertions.assertEquals(ValuesSchema.MODELINE, first, app.displayDir() + "/" + f.getFileName()
                        + ": the first line is the modeline that gives editors the values schema");
            }
        }
    }
}
