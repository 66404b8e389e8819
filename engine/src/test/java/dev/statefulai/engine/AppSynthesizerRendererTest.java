package dev.statefulai.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.statefulai.engine.testing.AppSnapshotTest.trees;

import dev.statefulai.app.AppDefinition;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.engine.AppSynthesizer.Renderer;
import dev.statefulai.engine.output.UnitOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.cdk8s.Chart;
import org.cdk8s.JsonPatch;
import org.cdk8s.plus28.k8s.KubeConfigMap;
import org.cdk8s.plus28.k8s.KubeConfigMapProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java-side renderer gives cdk8s's manifests, and hands over to cdk8s for what it cannot see. */
class AppSynthesizerRendererTest {
    @TempDir
    Path dir;

    /** An app whose define() is {@code body}, applied to a plain StatefulAIApp. */
    private AppCatalog.App app(BiConsumer<Chart, StatefulAIApp> body) throws IOException {
        Files.writeString(dir.resolve("values.yaml"), "{}\n");
        return new AppCatalog.App("probe", dir, new AppDefinition<Map<String, Object>>() {
            @Override
            public String name() {
                return "probe";
            }

            @SuppressWarnings({"unchecked", "rawtypes"})
            @Override
            public Class<Map<String, Object>> valuesType() {
                return (Class) Map.class;
            }

            @Override
            public void define(Chart chart, Map<String, Object> values, String environment) {
                StatefulAIApp app = new StatefulAIApp(chart, "probe", StatefulAIAppProps.builder().name("probe")
                        .image("registry.example/probe:1.0")
                        .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size("10Gi").build())
                        .build());
                body.accept(chart, app);
            }
        });
    }

    private static UnitOutput synth(AppCatalog.App app, Renderer renderer) {
        return AppSynthesizer.synth(app, "dev", Map.of(), renderer);
    }

    @Test
    void rendersOnTheJavaSideWhenTheChartHoldsOnlyThisLibrarysConstructs() throws IOException {
        AppCatalog.App app = app((chart, a) -> { });
        UnitOutput java = synth(app, Renderer.JAVA);
        assertNotNull(java.topology(), "rendered on the Java side");
        assertEquals(trees(synth(app, Renderer.CDK8S).yaml()), trees(java.yaml()));
    }

    /** The Java renderer hands {@code app}'s chart to cdk8s, which gives what it gives alone; returns its YAML. */
    private static String handedToCdk8s(AppCatalog.App app) {
        UnitOutput java = synth(app, Renderer.JAVA);
        assertNull(java.topology(), "synthesized by cdk8s");
        assertEquals(trees(synth(app, Renderer.CDK8S).yaml()), trees(java.yaml()));
        return java.yaml();
    }

    @Test
    void anObjectOfAnotherLibraryHandsTheChartToCdk8s() throws IOException {
        String yaml = handedToCdk8s(app((chart, a) -> new KubeConfigMap(chart, "extra", KubeConfigMapProps.builder()
                .metadata(ObjectMeta.builder().name("probe-extra").build()).data(Map.of("k", "v")).build())));
        assertTrue(yaml.contains("name: probe-extra"), yaml);
    }

    @Test
    void anObjectDefinedInsideThisLibrarysConstructHandsTheChartToCdk8s() throws IOException {
        String yaml = handedToCdk8s(app((chart, a) -> new KubeConfigMap(a, "extra", KubeConfigMapProps.builder()
                .metadata(ObjectMeta.builder().name("probe-inner").build()).build())));
        assertTrue(yaml.contains("name: probe-inner"), yaml);
    }

    @Test
    void aCdk8sCallOnTheRecordedChartHandsItToCdk8s() throws IOException {
        // The recorded chart is a shell: jsii creates it in the kernel on first use, which the recording sees.
        handedToCdk8s(app((chart, a) -> chart.getNamespace()));
    }

    @Test
    void anEscapeHatchHandsTheChartToCdk8s() throws IOException {
        String yaml = handedToCdk8s(app((chart, a) -> a.getStatefulSet().addJsonPatch(JsonPatch.add("/spec/minReadySeconds", 30))));
        assertTrue(yaml.contains("minReadySeconds: 30"), yaml);
    }

    /** A patch value of {@code keys} keys inserted in {@code order} (then reversed when {@code reversed}), with a nested map likewise. */
    private static Map<String, Object> patchValue(List<String> keys, Map<String, Object> into) {
        for (String k : keys) {
            into.put(k, k.endsWith("7") ? nested(keys, into instanceof HashMap<?, ?> ? new HashMap<>() : new LinkedHashMap<>()) : "v-" + k);
        }
        return into;
    }

    private static Map<String, Object> nested(List<String> keys, Map<String, Object> into) {
        keys.forEach(k -> into.put(k, k.length()));
        return into;
    }

    @Test
    void aPatchWritesTheSameSortedBytesWhateverItsMapsIterationOrder() throws IOException {
        // Map.of iterates in an order salted per JVM run: the same patch built from maps of other orders stands for those runs.
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> "ai-storage.dev/key-" + i).toList();
        List<String> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        List<Map<String, Object>> patches = List.of(patchValue(keys, new LinkedHashMap<>()),
                patchValue(reversed, new LinkedHashMap<>()), patchValue(keys, new HashMap<>()));
        List<String> yamls = new ArrayList<>();
        for (Map<String, Object> patch : patches) {
            yamls.add(handedToCdk8s(app((chart, a) -> a.getStatefulSet()
                    .addJsonPatch(JsonPatch.add("/spec/template/metadata/annotations", patch), JsonPatch.add("/spec/minReadySeconds", 30)))));
        }
        assertEquals(yamls.get(0), yamls.get(1), "insertion order reversed");
        assertEquals(yamls.get(0), yamls.get(2), "hash order");
        String yaml = yamls.get(0);
        List<Integer> written = keys.stream().sorted().map(k -> yaml.indexOf("        " + k + ": ")).toList();
        assertEquals(written.stream().sorted().toList(), written, "annotations written in sorted key order: " + yaml);
        assertTrue(yaml.indexOf("minReadySeconds: 30") < yaml.indexOf("podManagementPolicy:"), "a patched key takes its sorted place");
    }
}
