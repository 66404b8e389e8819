package dev.statefulai.facts.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * A metav1.LabelSelector: every {@code matchLabels} pair and every {@code matchExpressions} requirement must hold; an
 * empty selector selects everything (apimachinery pkg/apis/meta/v1/helpers.go, LabelSelectorAsSelector). An unknown
 * operator selects nothing.
 *
 * @param matchLabels  labels that must be present with these values
 * @param expressions  the requirements of {@code matchExpressions}
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {

    /** One requirement of {@code matchExpressions}: {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}. */
    public record Requirement(String key, String operator, List<String> values) {
        boolean holds(Map<String, String> labels) {
            return switch (operator) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
        }
    }

    /** True when the selector selects {@code labels}. */
    public boolean selects(Map<String, String> labels) {
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && expressions.stream().allMatch(r -> r.holds(labels));
    }
}
