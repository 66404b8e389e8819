package dev.statefulai.gate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small readers for Jackson trees where a missing value has a Kubernetes default. */
public final class Json {
    private Json() {
    }

    public static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? fallback : v.asText();
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    public static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** spec.replicas with the API default of 1. */
    public static int replicas(Manifest workload) {
        JsonNode r = workload.spec().path("replicas");
        return r.isNumber() ? r.asInt() : 1;
    }
}
