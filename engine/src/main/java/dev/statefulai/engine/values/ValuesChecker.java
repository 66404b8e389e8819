package dev.statefulai.engine.values;

import dev.statefulai.app.values.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.constructs.InvalidPropsException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a merged values tree against the app's values record type itself (no separate schema that
 * could drift from the code) and reports every problem at once: unknown keys with a "did you mean",
 * wrong types, enum values, and the {@link Rule}s on record components. A key set to {@code null}
 * or left out keeps the construct default; a key written with no value at all is refused, as a value
 * forgotten more often than a default meant.
 */
public final class ValuesChecker {
    /** What a whole number may look like: YAML 1.1 and 1.2 agree only on plain decimals. */
    public static final String WHOLE_NUMBER_DIGITS = "a whole number in decimal digits, such as 8 or 1000; a leading 0, 0x, 0o, 0b "
            + "or '_' is refused: YAML 1.1 and YAML 1.2 read it differently (010 is 8 in one and 10 in the other)";

    /**
     * A problem: the key it is about (a JSON pointer into the values), the message, and whether the value
     * still binds into the record (it has the right type but breaks a {@link Rule}).
     */
    public record Problem(String pointer, String message, boolean binds) {
    }

    private final Map<String, LocatedYaml.Origin> origins;
    private final List<Problem> problems = new ArrayList<>();

    private ValuesChecker(Map<String, LocatedYaml.Origin> origins) {
        this.origins = origins;
    }

    /** The problems of {@code tree} as values of {@code type}; empty when it binds cleanly. */
    public static List<Problem> check(Class<?> type, JsonNode tree, Map<String, LocatedYaml.Origin> origins) {
        ValuesChecker checker = new ValuesChecker(origins);
        checker.walk(type, tree, "");
        return checker.problems;
    }

    private void walk(Type type, JsonNode node, String pointer) {
        if (node instanceof YamlNodes.NoValue) {
            problem(pointer, LocatedYaml.keyPath(pointer) + ": no value is not allowed; allowed: " + expected(type)
                    + "; write null to keep the default");
            return;
        }
        if (node == null || node.isNull()) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            if (!node.isObject()) {
                wrongType(pointer, node, "a mapping of keys to values");
                return;
            }
            RecordComponent[] components = raw.getRecordComponents();
            List<String> keys = Arrays.stream(components).map(RecordComponent::getName).toList();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + LocatedYaml.escape(field.getKey());
                RecordComponent component = Arrays.stream(components)
                        .filter(c -> c.getName().equals(field.getKey())).findFirst().orElse(null);
                if (component == null) {
                    problem(child, "unknown key '" + LocatedYaml.keyPath(child) + "'" + DidYouMean.hint(field.getKey(), keys)
                            + "; allowed keys here: " + String.join(", ", keys.stream().sorted().toList()));
                    continue;
                }
                walk(component.getGenericType(), field.getValue(), child);
                Rule rule = component.getAnnotation(Rule.class);
                if (rule != null && !field.getValue().isNull() && (field.getValue().isValueNode())) {
                    checkRule(rule, child, field.getValue());
                }
            }
        } else if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                wrongType(pointer, node, "a list");
                return;
            }
            Type element = argument(type, 0);
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    wrongType(pointer + "/" + i, node.get(i), "a value (lists cannot hold empty entries)");
                } else {
                    walk(element, node.get(i), pointer + "/" + i);
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                wrongType(pointer, node, "a mapping of keys to values");
                return;
            }
            Type value = argument(type, 1);
            node.fields().forEachRemaining(f -> walk(value, f.getValue(), pointer + "/" + LocatedYaml.escape(f.getKey())));
        } else if (raw == String.class) {
            if (!node.isValueNode() || node.isBoolean()) {
                wrongType(pointer, node, "a string");
            }
        } else if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            if (node instanceof YamlNodes.AmbiguousNumber) {
                wrongType(pointer, node, WHOLE_NUMBER_DIGITS);
            } else if (!node.isIntegralNumber()) {
                wrongType(pointer, node, "a whole number");
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (!node.isBoolean()) {
                boolean yaml11 = node.isTextual() && List.of("yes", "no", "on", "off", "y", "n").contains(node.asText().toLowerCase(java.util.Locale.ROOT));
                wrongType(pointer, node, yaml11 ? "true or false (YAML 1.1 read " + node.asText() + " as a boolean; YAML 1.2 reads a string)"
                        : "true or false");
            }
        } else if (raw.isEnum()) {
            List<String> allowed = Arrays.stream(raw.getEnumConstants()).map(String::valueOf).toList();
            if (!node.isTextual() || !allowed.contains(node.asText())) {
                wrongType(pointer, node, "one of " + String.join(", ", allowed));
            }
        }
    }

    private void checkRule(Rule rule, String pointer, JsonNode value) {
        boolean numeric = rule.value() == Rule.Kind.POSITIVE || rule.value() == Rule.Kind.NON_NEGATIVE;
        if (numeric && !value.isIntegralNumber()) {
            return; // already reported as a wrong type
        }
        try {
            rule.value().check(LocatedYaml.keyPath(pointer), numeric ? value.numberValue() : value.asText());
        } catch (InvalidPropsException e) {
            problems.add(new Problem(pointer, where(pointer) + ": " + LocatedYaml.keyPath(pointer) + ": " + show(value)
                    + " is not allowed; allowed: " + e.allowed(), true));
        }
    }

    private void wrongType(String pointer, JsonNode node, String allowed) {
        problem(pointer, LocatedYaml.keyPath(pointer) + ": " + show(node) + " is not allowed; allowed: " + allowed);
    }

    private void problem(String pointer, String message) {
        problems.add(new Problem(pointer, where(pointer) + ": " + message, false));
    }

    /** What a value of {@code type} is, in the words of the messages. */
    private static String expected(Type type) {
        Class<?> raw = raw(type);
        if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
            return "a mapping of keys to values";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "a list";
        }
        if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            return "a whole number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(raw.getEnumConstants()).map(String::valueOf).toList());
        }
        return "a string";
    }

    private static String show(JsonNode node) {
        if (node.isTextual()) {
            return "'" + node.asText() + "'" + DidYouMean.unusualCharacters(node.asText()).map(u -> " (" + u + ")").orElse("");
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }

    private String where(String pointer) {
        return ValuesLoader.where(origins, pointer);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("values records may use classes, List<T> and Map<String, T>, not " + type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
