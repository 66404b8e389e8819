package dev.statefulai.gate.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.List;

/**
 * {@code ValidatePodDisruptionBudget} / {@code ValidatePodDisruptionBudgetSpec}
 * (pkg/apis/policy/validation/validation.go, release-1.28): not both minAvailable and maxUnavailable, each
 * a non-negative integer or a percentage of at most 100% ({@code ValidatePositiveIntOrPercent},
 * {@code IsNotMoreThan100Percent} in pkg/apis/apps/validation), the selector, and
 * unhealthyPodEvictionPolicy IfHealthyBudget or AlwaysAllow. The name is checked by the generic create
 * path ({@code ValidateObjectMetaAccessor} with {@code ValidatePathSegmentName}).
 */
public final class DisruptionBudgetRules {
    private static final List<String> EVICTION_POLICIES = List.of("IfHealthyBudget", "AlwaysAllow");

    private DisruptionBudgetRules() {
    }

    public static List<Problem> validate(JsonNode pdb) {
        Problems p = Problems.root("ValidatePodDisruptionBudget");
        Meta.objectMeta(p, pdb.path("metadata"), Meta.NameRule.PATH_SEGMENT);
        Problems s = p.at("spec").by("ValidatePodDisruptionBudgetSpec");
        JsonNode spec = pdb.path("spec");
        if (!Values.absent(spec, "minAvailable") && !Values.absent(spec, "maxUnavailable")) {
            s.invalid("", "minAvailable and maxUnavailable", "minAvailable and maxUnavailable cannot be both set");
        }
        for (String field : List.of("minAvailable", "maxUnavailable")) {
            intOrPercent(s, spec, field);
        }
        JsonNode selector = Values.object(spec, "selector");
        Meta.labelSelector(s.at("selector").by("ValidateLabelSelector"), selector);
        String policy = Values.text(spec, "unhealthyPodEvictionPolicy");
        if (policy != null && !EVICTION_POLICIES.contains(policy)) {
            s.notSupported("unhealthyPodEvictionPolicy", policy, EVICTION_POLICIES);
        }
        return p.list();
    }

    /** {@code ValidatePositiveIntOrPercent} and {@code IsNotMoreThan100Percent}. */
    static void intOrPercent(Problems s, JsonNode spec, String field) {
        Object value = Values.intOrString(s, spec, field);
        Problems q = s.by("ValidatePositiveIntOrPercent");
        if (value instanceof Integer n && n < 0) {
            q.invalid(field, n, "must be greater than or equal to 0");
        } else if (value instanceof String text) {
            if (!Names.isPercent(text)) {
                q.invalid(field, text, "must be an integer or percentage (e.g '5%')");
            } else if (Long.parseLong(text.substring(0, text.length() - 1)) > 100) {
                q.by("IsNotMoreThan100Percent").invalid(field, text, "must not be greater than 100%");
            }
        }
    }
}
