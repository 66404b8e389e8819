package dev.statefulai.engine.demo;

import dev.statefulai.app.NamedApp;
import dev.statefulai.app.values.Rule;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cdk8s.Chart;
import org.cdk8s.JsonPatch;
import org.cdk8s.plus28.k8s.KubeConfigMap;
import org.cdk8s.plus28.k8s.KubeConfigMapProps;
import org.cdk8s.plus28.k8s.ObjectMeta;

/**
 * A test fixture: an app that uses what the README promises works, the escape hatch (a JSON patch of
 * the StatefulSet, its value a {@code Map.of}, whose iteration order changes from one JVM run to the
 * next) and a plain cdk8s object. Its folder is engine/src/test/fixtures/escape-hatch.
 */
public final class EscapeHatchApp extends NamedApp<EscapeHatchApp.Values> {

    /** The fixture's values. */
    public record Values(@Rule(Rule.Kind.DNS_LABEL) String namespace, String image, @Rule(Rule.Kind.SIZE) String size) {
    }

    public EscapeHatchApp() {
        super("escape-hatch", Values.class);
    }

    @Override
    public void define(Chart chart, Values v, String environment) {
        StatefulAIApp app = new StatefulAIApp(chart, "escape-hatch", StatefulAIAppProps.builder().name("escape-hatch")
                .namespace(v.namespace()).image(v.image())
                .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size(v.size()).build()).build());
        Map<String, String> annotations = IntStream.range(0, 24).boxed()
                .collect(Collectors.toMap(i -> "example.com/setting-" + i, i -> "value-" + i));
        app.getStatefulSet().addJsonPatch(
                JsonPatch.add("/spec/template/metadata/annotations", Map.copyOf(annotations)),
                JsonPatch.add("/spec/minReadySeconds", 10));
        new KubeConfigMap(chart, "settings", KubeConfigMapProps.builder()
                .metadata(ObjectMeta.builder().name("escape-hatch-settings").namespace(v.namespace()).build())
                .data(Map.of("mode", "fast", "threads", "8", "cache", "on", "log", "info"))
                .build());
    }
}
