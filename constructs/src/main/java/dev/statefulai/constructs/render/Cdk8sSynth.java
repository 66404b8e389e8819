package dev.statefulai.constructs.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.App;
import org.cdk8s.Chart;

/**
 * An app synthesized by cdk8s itself, with every object's keys sorted after its JSON patches too.
 *
 * <p>cdk8s 2.70 sorts an object's keys, then applies its JSON patches ({@code ApiObject.toJson}), so a
 * patch keeps its value's own key order: the iteration order of the Java map it was built from, which
 * for {@code Map.of} or a {@code HashMap} changes from one JVM run to the next. Sorting afterwards makes
 * the output a function of the content alone. The order is cdk8s's: {@code apiVersion}, {@code kind},
 * {@code metadata}, then the other keys sorted, as a JavaScript object lists them (integer-like keys
 * first); nulls a patch wrote stay. {@link ChartRenderer} writes objects in the same order.
 */
public final class Cdk8sSynth {
    private Cdk8sSynth() {
    }

    /** What {@code app.synthYaml()} writes (each chart's objects, charts in synth order), keys sorted throughout. */
    public static String yaml(App app) {
        List<Chart> charts = app.getCharts();
        List<Map<String, Object>> docs = documents(charts);
        // Synthesizing infers dependencies between charts, which may change their order: as synthYaml, use the order after it.
        List<Chart> after = app.getCharts();
        if (!after.equals(charts)) {
            docs = documents(after);
        }
        return CdkYaml.stringify(docs);
    }

    private static List<Map<String, Object>> documents(List<Chart> charts) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Chart chart : charts) {
            for (Object object : chart.toJson()) {
                docs.add(sortedDocument(object));
            }
        }
        return docs;
    }

    /** A manifest in cdk8s's order: apiVersion, kind, metadata, then the other keys sorted; nested maps sorted. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sortedDocument(Object manifest) {
        Map<String, Object> sorted = (Map<String, Object>) sorted(manifest);
        Map<String, Object> doc = new LinkedHashMap<>();
        for (String first : List.of("apiVersion", "kind", "metadata")) {
            if (sorted.containsKey(first)) {
                doc.put(first, sorted.get(first));
            }
        }
        sorted.forEach(doc::putIfAbsent);
        return doc;
    }

    /** {@code value} with the keys of every map sorted as JavaScript lists a sorted object's keys. */
    static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return ChartRenderer.jsObject(out, true);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return value;
    }
}
