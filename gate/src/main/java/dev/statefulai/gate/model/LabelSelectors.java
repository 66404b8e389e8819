package dev.statefulai.gate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** metav1.LabelSelector matching (matchLabels and matchExpressions), as PV binding and PDBs use it. */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    /** True when {@code selector} selects {@code labels}; an empty selector selects everything. */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : Json.stringMap(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = Json.strings(expr.path("values"));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }
}
