package dev.statefulai.constructs.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.plus28.k8s.IntOrString;
import org.cdk8s.plus28.k8s.Quantity;
import software.amazon.jsii.JsiiSerializable;

/**
 * A chart's manifests as trees, by either render path; the one YAML writer ({@code ManifestYaml}) writes both.
 *
 * <p>cdk8s's path: each chart's {@code toJson()} in the jsii kernel. The Java side: the objects of a
 * {@link Recording}, as cdk8s 2.70 makes them from the same props (its {@code ApiObject.toJson} and the
 * cdk8s-plus-28 L1 {@code toJson_*} functions): struct fields by their Kubernetes names, unset fields
 * left out; {@code metadata} gets the chart's namespace when it names none and drops empty maps and
 * lists; a custom object's top-level fields are JSON patches, applied after that, so they keep their
 * nulls. Parity is tree equality: every construct test and every app's snapshot test compare the trees
 * of both paths.
 */
public final class ChartTrees {

    /** The recording holds something the Java side cannot make exactly as cdk8s would. */
    public static final class UnrenderableException extends RuntimeException {
        UnrenderableException(String message) {
            super(message);
        }
    }

    private ChartTrees() {
    }

    /** cdk8s's manifests of every chart of {@code app}, charts in synth order. */
    public static List<Object> of(App app) {
        List<Chart> charts = app.getCharts();
        List<Object> docs = of(charts);
        // Synthesizing infers dependencies between charts, which may change their order: as synthYaml, use the order after it.
        List<Chart> after = app.getCharts();
        return after.equals(charts) ? docs : of(after);
    }

    private static List<Object> of(List<Chart> charts) {
        List<Object> docs = new ArrayList<>();
        charts.forEach(chart -> docs.addAll(chart.toJson()));
        return docs;
    }

    /** The recorded objects' manifests, in synth order. */
    public static List<Map<String, Object>> of(Recording recording) {
        return of(recording, recording.objects());
    }

    /**
     * The manifests of {@code wanted}, objects of {@code recording}, in their order: each rendered, then changed by the
     * recording's amendments ({@link ObjectsUnder#annotate}) in the order they were made.
     */
    static List<Map<String, Object>> of(Recording recording, List<RecordedObject> wanted) {
        Map<RecordedObject, Map<String, Object>> docs = new IdentityHashMap<>();
        for (RecordedObject object : recording.objects()) {
            docs.put(object, object instanceof RecordedObject.Typed t ? typed(t, recording.chartNamespace())
                    : custom((RecordedObject.Custom) object, recording.chartNamespace()));
        }
        for (ObjectsUnder.Amendment amendment : recording.amendments()) {
            amendment.apply(amendment.objects().stream().map(docs::get).toList());
        }
        return wanted.stream().map(docs::get).toList();
    }

    private static Map<String, Object> typed(RecordedObject.Typed object, String chartNamespace) {
        Map<String, Object> doc = StructFields.of(object.props(), ChartTrees::value);
        doc.put("apiVersion", object.apiVersion());
        doc.put("kind", object.kind());
        doc.put("metadata", metadata(asMap(doc.get("metadata")), chartNamespace, object.kind()));
        return object.newer().isEmpty() ? doc : object.newer().applyTo(doc);
    }

    private static Map<String, Object> custom(RecordedObject.Custom object, String chartNamespace) {
        Map<String, Object> metadata = metadata(StructFields.of(object.metadata(), ChartTrees::value), chartNamespace, object.kind());
        if (object.clusterScoped() && object.metadata().getNamespace() == null) {
            metadata.remove("namespace");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", object.apiVersion());
        doc.put("kind", object.kind());
        doc.put("metadata", metadata);
        object.fields().forEach((k, v) -> doc.put(k, patchValue(v)));
        return doc;
    }

    /** cdk8s's metadata: the chart's namespace by default, then without nulls, empty maps and empty lists. */
    private static Map<String, Object> metadata(Map<String, Object> given, String chartNamespace, String kind) {
        Map<String, Object> meta = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
        if (meta.get("name") == null) {
            throw new UnrenderableException("a " + kind + " without metadata.name: cdk8s generates its name from the construct path");
        }
        if (meta.get("namespace") == null && chartNamespace != null) {
            meta.put("namespace", chartNamespace);
        }
        Map<String, Object> cleaned = asMap(withoutEmpty(meta));
        return cleaned == null ? new LinkedHashMap<>() : cleaned;
    }

    /** Drops empty maps and lists at any depth (cdk8s's sanitize with filterEmptyObjects/Arrays). */
    private static Object withoutEmpty(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object cleaned = withoutEmpty(v);
                if (cleaned != null) {
                    out.put((String) k, cleaned);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.stream().map(ChartTrees::withoutEmpty).toList();
        }
        return value;
    }

    /** A struct, map, list or scalar as cdk8s renders it: nulls dropped from maps. */
    private static Object value(Object value) {
        return convert(value, false);
    }

    /** A JSON patch value as jsii passes it: nulls kept. */
    private static Object patchValue(Object value) {
        return convert(value, true);
    }

    private static Object convert(Object value, boolean keepNulls) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(convert(v, keepNulls)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object converted = convert(v, keepNulls);
                if (converted != null || keepNulls) {
                    out.put((String) k, converted);
                }
            });
            return out;
        }
        if (value instanceof Quantity || value instanceof IntOrString) {
            return JsiiValues.valueOf(value);
        }
        if (value instanceof JsiiSerializable) {
            return StructFields.of(value, ChartTrees::value);
        }
        throw new UnrenderableException("a value of type " + value.getClass().getName());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
