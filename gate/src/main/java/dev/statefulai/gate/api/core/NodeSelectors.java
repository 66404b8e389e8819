package dev.statefulai.gate.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node selectors and topology selector terms, as pkg/apis/core/validation/validation.go (release-1.28)
 * checks them: {@code ValidateNodeSelector}, {@code ValidateNodeSelectorTerm},
 * {@code ValidateNodeSelectorRequirement}, {@code ValidateNodeFieldSelectorRequirement} and
 * {@code ValidateTopologySelectorTerm}. PersistentVolume node affinity, pod node affinity and
 * StorageClass allowed topologies use them.
 */
public final class NodeSelectors {
    private NodeSelectors() {
    }

    /** {@code ValidateNodeSelector}: at least one term; {@code p} is at the selector. */
    public static void nodeSelector(Problems p, JsonNode selector) {
        Problems s = p.by("ValidateNodeSelector");
        List<JsonNode> terms = Values.list(selector, "nodeSelectorTerms");
        if (terms.isEmpty()) {
            s.required("nodeSelectorTerms", "must have at least one node selector term");
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            nodeSelectorTerm(s.at("nodeSelectorTerms", i), terms.get(i));
        }
    }

    /** {@code ValidateNodeSelectorTerm}: its label expressions and field expressions. */
    public static void nodeSelectorTerm(Problems p, JsonNode term) {
        List<JsonNode> exprs = Values.list(term, "matchExpressions");
        for (int j = 0; j < exprs.size(); j++) {
            requirement(p.at("matchExpressions", j).by("ValidateNodeSelectorRequirement"), exprs.get(j));
        }
        List<JsonNode> fields = Values.list(term, "matchFields");
        for (int j = 0; j < fields.size(); j++) {
            fieldRequirement(p.at("matchFields", j).by("ValidateNodeFieldSelectorRequirement"), fields.get(j));
        }
    }

    private static void requirement(Problems p, JsonNode rq) {
        String op = Values.string(rq, "operator");
        int values = Values.strings(rq, "values").size();
        switch (op) {
            case "In", "NotIn" -> {
                if (values == 0) {
                    p.required("values", "must be specified when `operator` is 'In' or 'NotIn'");
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (values > 0) {
                    p.forbidden("values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
            }
            case "Gt", "Lt" -> {
                if (values != 1) {
                    p.required("values", "must be specified single value when `operator` is 'Lt' or 'Gt'");
                }
            }
            default -> p.invalid("operator", op, "not a valid selector operator (In, NotIn, Exists, DoesNotExist, Gt, Lt)");
        }
        String key = Values.string(rq, "key");
        p.invalidEach("key", key, Names.qualifiedName(key));
    }

    private static void fieldRequirement(Problems p, JsonNode rq) {
        String op = Values.string(rq, "operator");
        List<String> values = Values.strings(rq, "values");
        if (op.equals("In") || op.equals("NotIn")) {
            if (values.size() != 1) {
                p.required("values", "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
            }
        } else {
            p.invalid("operator", op, "not a valid selector operator (In, NotIn)");
        }
        String key = Values.string(rq, "key");
        if (!key.equals("metadata.name")) {
            p.invalid("key", key, "not a valid field selector key (metadata.name)");
        } else {
            for (int i = 0; i < values.size(); i++) {
                p.invalidEach("values[" + i + "]", values.get(i), Names.dns1123Subdomain(values.get(i)));
            }
        }
    }

    /**
     * {@code ValidateTopologySelectorTerm}: each requirement has values, none twice, a qualified key, no key
     * twice. Returns the term as key to values, for the duplicate-term check of allowed topologies.
     */
    public static Map<String, Set<String>> topologySelectorTerm(Problems p, JsonNode term) {
        Problems t = p.by("ValidateTopologySelectorTerm");
        Map<String, Set<String>> byKey = new HashMap<>();
        List<JsonNode> exprs = Values.list(term, "matchLabelExpressions");
        for (int i = 0; i < exprs.size(); i++) {
            Problems e = t.at("matchLabelExpressions", i);
            List<String> values = Values.strings(exprs.get(i), "values");
            if (values.isEmpty()) {
                e.required("values", "");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int v = 0; v < values.size(); v++) {
                if (!seen.add(values.get(v))) {
                    e.duplicate("values[" + v + "]", values.get(v));
                }
            }
            String key = Values.string(exprs.get(i), "key");
            e.invalidEach("key", key, Names.qualifiedName(key));
            if (byKey.containsKey(key)) {
                e.duplicate("key", key);
            }
            byKey.put(key, seen);
        }
        return byKey;
    }
}
