package dev.statefulai.facts.protection;

import dev.statefulai.facts.kubernetes.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readers of a manifest as plain maps and lists (what YAML and JSON parsers and the synth give), where a missing value reads as empty. */
public final class Tree {
    private Tree() {
    }

    /** The value at {@code path} of map keys, or null. */
    public static Object at(Object root, String... path) {
        Object at = root;
        for (String key : path) {
            at = at instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return at;
    }

    /** The text at {@code path}, or {@code fallback} when there is none. */
    public static String text(Object root, String fallback, String... path) {
        Object v = at(root, path);
        return v == null ? fallback : String.valueOf(v);
    }

    /** The map at {@code path}; empty when there is none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object root, String... path) {
        return at(root, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The string map at {@code path} (labels, annotations), values as text; empty when there is none. */
    public static Map<String, String> strings(Object root, String... path) {
        Map<String, String> out = new LinkedHashMap<>();
        map(root, path).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }

    /** The list at {@code path}; empty when there is none. */
    public static List<Object> list(Object root, String... path) {
        return at(root, path) instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    /** The texts of the list at {@code path}. */
    public static List<String> texts(Object root, String... path) {
        return list(root, path).stream().map(String::valueOf).toList();
    }

    /** True when the value at {@code path} is the boolean {@code value} (or its text). */
    public static boolean is(Object root, boolean value, String... path) {
        return String.valueOf(value).equals(String.valueOf(at(root, path)));
    }

    /** A metav1.LabelSelector (matchLabels, matchExpressions) selects {@code labels}; an empty one selects everything. */
    public static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        List<LabelSelector.Requirement> expressions = new ArrayList<>();
        for (Object expression : list(selector, "matchExpressions")) {
            expressions.add(new LabelSelector.Requirement(text(expression, "", "key"), text(expression, "", "operator"),
                    texts(expression, "values")));
        }
        return new LabelSelector(strings(selector, "matchLabels"), expressions).selects(labels);
    }
}
