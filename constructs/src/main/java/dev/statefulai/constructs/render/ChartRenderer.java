package dev.statefulai.constructs.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.plus28.k8s.IntOrString;
import org.cdk8s.plus28.k8s.Quantity;
import software.amazon.jsii.JsiiSerializable;

/**
 * Renders a {@link Recording} to the YAML that cdk8s's {@code App.synthYaml()} gives for the same
 * objects, byte for byte, on the Java side.
 *
 * <p>What cdk8s 2.70 and the cdk8s-plus-28 L1 classes do, and this class repeats: an object is
 * {@code apiVersion}, {@code kind}, {@code metadata}, then its other fields; nulls are dropped, keys are
 * sorted (by their Kubernetes names, as the L1 classes write them), and the keys of a map follow
 * JavaScript's object order (integer-like keys first); {@code metadata} also drops empty maps and
 * lists and gets the chart's namespace when it names none. A custom object's top-level fields are
 * JSON patches applied after that, so they keep their nulls; the synth sorts keys after patches too
 * ({@link Cdk8sSynth}), and so does this class. The same test corpus
 * runs both ways ({@code Manifests} in the construct tests, every app and environment in the synth
 * tests, the benchmark's fleet against native cdk8s) and compares the bytes.
 */
public final class ChartRenderer {

    /** The recording holds something this renderer cannot give exactly as cdk8s would. */
    public static final class UnrenderableException extends RuntimeException {
        UnrenderableException(String message) {
            super(message);
        }
    }

    /**
     * Struct fields whose Kubernetes name is not the jsii name (cdk8s-plus-28 2.5.6, the
     * {@code toJson_*} functions of {@code k8s.js}); every other field keeps its name.
     */
    private static final Map<String, String> K8S_NAMES = Map.ofEntries(
            Map.entry("ref", "$ref"), Map.entry("schema", "$schema"),
            Map.entry("datasetUuid", "datasetUUID"),
            Map.entry("clusterIp", "clusterIP"), Map.entry("diskUri", "diskURI"), Map.entry("externalId", "externalID"),
            Map.entry("hostIp", "hostIP"), Map.entry("hostIpc", "hostIPC"), Map.entry("hostPid", "hostPID"),
            Map.entry("insecureSkipTlsVerify", "insecureSkipTLSVerify"), Map.entry("loadBalancerIp", "loadBalancerIP"),
            Map.entry("nodeId", "nodeID"), Map.entry("nonResourceUrLs", "nonResourceURLs"), Map.entry("pdId", "pdID"),
            Map.entry("podCidr", "podCIDR"), Map.entry("podCidRs", "podCIDRs"), Map.entry("providerId", "providerID"),
            Map.entry("setHostnameAsFqdn", "setHostnameAsFQDN"), Map.entry("storagePolicyId", "storagePolicyID"),
            Map.entry("targetCpuUtilizationPercentage", "targetCPUUtilizationPercentage"),
            Map.entry("targetWwNs", "targetWWNs"), Map.entry("volumeId", "volumeID"),
            Map.entry("xKubernetesEmbeddedResource", "x-kubernetes-embedded-resource"),
            Map.entry("xKubernetesIntOrString", "x-kubernetes-int-or-string"),
            Map.entry("xKubernetesListMapKeys", "x-kubernetes-list-map-keys"),
            Map.entry("xKubernetesListType", "x-kubernetes-list-type"),
            Map.entry("xKubernetesMapType", "x-kubernetes-map-type"),
            Map.entry("xKubernetesPreserveUnknownFields", "x-kubernetes-preserve-unknown-fields"),
            Map.entry("xKubernetesValidations", "x-kubernetes-validations"));

    /** A struct's fields: Kubernetes name and getter, per struct class, sorted by name. */
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private record Field(String name, Method getter) {
    }

    private ChartRenderer() {
    }

    /** The chart's manifests as {@code App.synthYaml()} would write them. */
    public static String yaml(Recording recording) {
        return CdkYaml.stringify(documents(recording));
    }

    /** The chart's manifests as JSON-like trees, in synth order. */
    public static List<Map<String, Object>> documents(Recording recording) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (RecordedObject object : recording.objects()) {
            docs.add(object instanceof RecordedObject.Typed t ? typed(t, recording.chartNamespace())
                    : custom((RecordedObject.Custom) object, recording.chartNamespace()));
        }
        return docs;
    }

    private static Map<String, Object> typed(RecordedObject.Typed object, String chartNamespace) {
        Map<String, Object> fields = struct(object.props());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", object.apiVersion());
        doc.put("kind", object.kind());
        doc.put("metadata", metadata(asMap(fields.get("metadata")), chartNamespace, object.kind()));
        fields.forEach((k, v) -> {
            if (!k.equals("metadata")) {
                doc.put(k, v);
            }
        });
        return doc;
    }

    private static Map<String, Object> custom(RecordedObject.Custom object, String chartNamespace) {
        Map<String, Object> metadata = metadata(struct(object.metadata()), chartNamespace, object.kind());
        if (object.clusterScoped() && object.metadata().getNamespace() == null) {
            metadata.remove("namespace");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", object.apiVersion());
        doc.put("kind", object.kind());
        doc.put("metadata", metadata);
        // JSON patches: nulls kept, keys sorted after them as the synth does (Cdk8sSynth).
        object.fields().forEach((k, v) -> doc.put(k, patchValue(v)));
        return Cdk8sSynth.sortedDocument(doc);
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
        @SuppressWarnings("unchecked")
        Map<String, Object> cleaned = (Map<String, Object>) withoutEmpty(meta);
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
            return out.isEmpty() ? null : jsObject(out, true);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(withoutEmpty(v)));
            return out;
        }
        return value;
    }

    /** A struct, map, list or scalar as cdk8s renders it: nulls dropped from maps, keys sorted. */
    private static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(value(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object converted = value(v);
                if (converted != null) {
                    out.put((String) k, converted);
                }
            });
            return jsObject(out, true);
        }
        if (value instanceof Quantity || value instanceof IntOrString) {
            return KnownValues.valueOf(value);
        }
        if (value instanceof JsiiSerializable) {
            return struct(value);
        }
        throw new UnrenderableException("a value of type " + value.getClass().getName());
    }

    /** A JSON patch value as jsii passes it, nulls kept, keys sorted. */
    private static Object patchValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, patchValue(v)));
            return jsObject(out, true);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(patchValue(v)));
            return out;
        }
        return value(value);
    }

    private static Map<String, Object> struct(Object struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : fields(struct.getClass())) {
            Object v;
            try {
                v = value(field.getter().invoke(struct));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("reading " + field.name() + " of " + struct.getClass().getName(), e);
            }
            if (v != null) {
                out.put(field.name(), v);
            }
        }
        return out;
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> iface : t.getInterfaces()) {
                if (!JsiiSerializable.class.isAssignableFrom(iface)) {
                    continue;
                }
                for (Method m : iface.getMethods()) {
                    if (m.getParameterCount() == 0 && m.getName().startsWith("get") && !Modifier.isStatic(m.getModifiers())
                            && m.getDeclaringClass() != Object.class) {
                        String jsii = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                        fields.add(new Field(K8S_NAMES.getOrDefault(jsii, jsii), m));
                    }
                }
            }
            fields.sort(Comparator.comparing(Field::name));
            return List.copyOf(fields);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /**
     * The keys in JavaScript object order: integer-like keys first, ascending; then the others, sorted
     * when {@code sort} (cdk8s sorts), else in insertion order.
     */
    static Map<String, Object> jsObject(Map<String, Object> map, boolean sort) {
        List<String> keys = new ArrayList<>(map.keySet());
        if (sort) {
            keys.sort(null);
        }
        List<String> indexes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String k : keys) {
            (isArrayIndex(k) ? indexes : names).add(k);
        }
        if (indexes.isEmpty() && !sort) {
            return map;
        }
        indexes.sort(Comparator.comparingLong(Long::parseLong));
        Map<String, Object> out = new LinkedHashMap<>();
        indexes.forEach(k -> out.put(k, map.get(k)));
        names.forEach(k -> out.put(k, map.get(k)));
        return out;
    }

    /** A canonical array index, which a JavaScript object lists before its other keys. */
    private static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4294967295L;
    }
}
