package dev.statefulai.gate.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Object metadata, labels, annotations and label selectors, as k8s.io/apimachinery release-1.28 checks
 * them: {@code ValidateObjectMetaAccessor} ({@code pkg/api/validation/objectmeta.go}), {@code ValidateLabels},
 * {@code ValidateLabelSelector} ({@code pkg/apis/meta/v1/validation/validation.go}) and
 * {@code ValidateAnnotations} with its 256 KiB total.
 */
public final class Meta {
    /** {@code TotalAnnotationSizeLimitB}: keys and values of one object's annotations together, in bytes. */
    public static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

    /** How a kind's names are checked ({@code ValidateNameFunc}). */
    public enum NameRule {
        /** {@code NameIsDNSSubdomain}: most kinds. */
        DNS_SUBDOMAIN(Names::dns1123Subdomain),
        /** {@code NameIsDNSLabel}: StatefulSets (their name becomes each Pod's hostname). */
        DNS_LABEL(Names::dns1123Label),
        /** {@code NameIsDNS1035Label}: Services. */
        DNS1035_LABEL(Names::dns1035Label),
        /** {@code path.ValidatePathSegmentName}: what every kind's name must be, kinds the gate knows nothing of included. */
        PATH_SEGMENT(Meta::pathSegment);

        private final Function<String, List<String>> check;

        NameRule(Function<String, List<String>> check) {
            this.check = check;
        }

        public List<String> check(String name) {
            return check.apply(name);
        }
    }

    private Meta() {
    }

    /**
     * {@code ValidateObjectMetaAccessor}: name, namespace (a DNS label), labels, annotations and finalizers.
     * A namespace on a cluster-scoped kind is dropped by the API server, not refused.
     */
    public static void objectMeta(Problems p, JsonNode metadata, NameRule names) {
        Problems m = p.at("metadata").by("ValidateObjectMetaAccessor");
        String name = Values.string(metadata, "name");
        String generateName = Values.string(metadata, "generateName");
        if (name.isEmpty() && generateName.isEmpty()) {
            m.required("name", "name or generateName is required");
        } else if (!name.isEmpty()) {
            m.invalidEach("name", name, names.check(name));
        }
        String namespace = Values.string(metadata, "namespace");
        if (!namespace.isEmpty()) {
            m.invalidEach("namespace", namespace, Names.dns1123Label(namespace));
        }
        labels(m.at("labels").by("ValidateLabels"), metadata.path("labels"));
        annotations(m.at("annotations").by("ValidateAnnotations"), metadata.path("annotations"));
        List<String> finalizers = Values.strings(metadata, "finalizers");
        for (int i = 0; i < finalizers.size(); i++) {
            m.by("ValidateFinalizerName").invalidEach("finalizers[" + i + "]", finalizers.get(i), Names.qualifiedName(finalizers.get(i)));
        }
    }

    /** {@code path.IsValidPathSegmentName}: no '/' or '%', not '.' or '..'. */
    static List<String> pathSegment(String name) {
        if (name.equals(".") || name.equals("..")) {
            return List.of("may not be '" + name + "'");
        }
        if (name.contains("/") || name.contains("%")) {
            return List.of("may not contain '/' or '%'");
        }
        return List.of();
    }

    /** {@code ValidateLabels}: each key a qualified name, each value a label value; {@code p} is at the map. */
    public static void labels(Problems p, JsonNode labels) {
        if (labels == null || !labels.isObject()) {
            return;
        }
        labels.fields().forEachRemaining(e -> {
            p.invalidEach("", e.getKey(), Names.qualifiedName(e.getKey()));
            String value = e.getValue().isNull() ? "" : e.getValue().asText();
            p.invalidEach("", value, Names.labelValue(value));
        });
    }

    /** {@code ValidateLabels} of a Java map (labels the controller adds). */
    public static void labels(Problems p, Map<String, String> labels) {
        labels.forEach((k, v) -> {
            p.invalidEach("", k, Names.qualifiedName(k));
            p.invalidEach("", v, Names.labelValue(v));
        });
    }

    /** {@code ValidateAnnotations}: keys are qualified names (case-insensitive), 256 KiB in all. */
    public static void annotations(Problems p, JsonNode annotations) {
        if (annotations == null || !annotations.isObject()) {
            return;
        }
        long[] bytes = {0};
        annotations.fields().forEachRemaining(e -> {
            p.invalidEach("", e.getKey(), Names.qualifiedName(e.getKey().toLowerCase(Locale.ROOT)));
            String value = e.getValue().isNull() ? "" : e.getValue().asText();
            bytes[0] += e.getKey().getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
        });
        if (bytes[0] > ANNOTATIONS_MAX_BYTES) {
            p.tooLong("", "may not be more than " + ANNOTATIONS_MAX_BYTES + " bytes (keys and values together; these are "
                    + bytes[0] + ")");
        }
    }

    /** {@code ValidateLabelSelector} (values strictly checked, as on create); {@code p} is at the selector. */
    public static void labelSelector(Problems p, JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return;
        }
        labels(p.at("matchLabels").by("ValidateLabels"), selector.path("matchLabels"));
        List<JsonNode> exprs = Values.list(selector, "matchExpressions");
        for (int i = 0; i < exprs.size(); i++) {
            Problems e = p.at("matchExpressions", i).by("ValidateLabelSelectorRequirement");
            JsonNode expr = exprs.get(i);
            String op = Values.string(expr, "operator");
            List<String> values = Values.strings(expr, "values");
            switch (op) {
                case "In", "NotIn" -> {
                    if (values.isEmpty()) {
                        e.required("values", "must be specified when `operator` is 'In' or 'NotIn'");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values.isEmpty()) {
                        e.forbidden("values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    }
                }
                default -> e.invalid("operator", op, "not a valid selector operator (In, NotIn, Exists, DoesNotExist)");
            }
            String key = Values.string(expr, "key");
            e.invalidEach("key", key, Names.qualifiedName(key));
            for (int v = 0; v < values.size(); v++) {
                e.invalidEach("values[" + v + "]", values.get(v), Names.labelValue(values.get(v)));
            }
        }
    }

    /** True when the selector has no requirement (it selects everything). */
    public static boolean isEmptySelector(JsonNode selector) {
        return selector == null || selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }
}
