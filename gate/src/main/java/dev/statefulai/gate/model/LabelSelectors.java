package dev.statefulai.gate.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.kubernetes.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** metav1.LabelSelector matching (matchLabels and matchExpressions), as PV binding and PDBs use it. */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    /** True when {@code selector} selects {@code labels}; an empty selector selects everything. */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        List<LabelSelector.Requirement> expressions = new ArrayList<>();
        for (JsonNode expr : selector.path("matchExpressions")) {
            expressions.add(new LabelSelector.Requirement(expr.path("key").asText(), expr.path("operator").asText(),
                    Json.strings(expr.path("values"))));
        }
        return new LabelSelector(Json.stringMap(selector.path("matchLabels")), expressions).selects(labels);
    }

    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }
}
