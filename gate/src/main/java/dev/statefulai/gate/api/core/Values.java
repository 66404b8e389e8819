package dev.statefulai.gate.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.KubeQuantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads manifest fields as the API server decodes them into its Go types. A number that does not fit its
 * Go type ({@code 1.5} or {@code 3000000000} for an {@code int32}) and a string that is no quantity
 * ({@code 10GB}) are rejected while decoding, before any validation function runs; these readers report
 * them with the decoder's words and return null, so the rules below skip the field.
 */
public final class Values {
    /** Whose rule a decoding problem is: the JSON decoder of k8s.io/apimachinery, not a validation function. */
    public static final String DECODER = "json decoding into the Go type";
    private static final String PARSE_QUANTITY = "resource.ParseQuantity";

    private Values() {
    }

    /** True when the field is absent or null (the Go field keeps its zero value or nil). */
    public static boolean absent(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull();
    }

    /** A string field, or null when absent; a scalar of another type is read as its text. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** A string field, or "" when absent (the Go zero value). */
    public static String string(JsonNode node, String field) {
        String s = text(node, field);
        return s == null ? "" : s;
    }

    /** A required string field: "" when absent or empty, which {@code p} reports as required ({@code field: Required value}). */
    public static String required(Problems p, JsonNode node, String field) {
        String s = string(node, field);
        if (s.isEmpty()) {
            p.required(field, "");
        }
        return s;
    }

    /**
     * A required string field whose value {@code check} validates (a name rule of {@link Names}): required when
     * empty, else each message of {@code check} reported as invalid, the pattern of the API server's validators.
     */
    public static String required(Problems p, JsonNode node, String field, Function<String, List<String>> check) {
        String s = required(p, node, field);
        if (!s.isEmpty()) {
            p.invalidEach(field, s, check.apply(s));
        }
        return s;
    }

    /**
     * At most one of {@code fields} set (a Go struct of pointers where one is allowed): each one after the first is
     * forbidden as {@code may not specify more than 1 <what>}; {@code check} reads the first, by name and node.
     *
     * @return the field set first, or null when none is
     */
    public static String atMostOne(Problems p, JsonNode node, List<String> fields, String what, BiConsumer<String, JsonNode> check) {
        String first = null;
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (first != null) {
                p.forbidden(field, "may not specify more than 1 " + what + " (" + first + " is set)");
                continue;
            }
            first = field;
            check.accept(field, value);
        }
        return first;
    }

    /** Applies {@code check} to an object field that is set, with {@code p} at the field (a Go pointer checked when non-nil). */
    public static void ifObject(Problems p, JsonNode node, String field, BiConsumer<Problems, JsonNode> check) {
        JsonNode value = object(node, field);
        if (value != null) {
            check.accept(p.at(field), value);
        }
    }

    /** The strings of an array field (a list of a Go {@code []string}). */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.isNull() ? "" : e.asText()));
        }
        return out;
    }

    /** A map of strings (labels, annotations, nodeSelector); values as their text. */
    public static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = node.get(field);
        if (v != null && v.isObject()) {
            v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    /** An {@code int32} field, or null when absent or not one (reported). */
    public static Long int32(Problems p, JsonNode node, String field) {
        return integer(p, node, field, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32");
    }

    /** An {@code int64} field, or null when absent or not one (reported). */
    public static Long int64(Problems p, JsonNode node, String field) {
        return integer(p, node, field, Long.MIN_VALUE, Long.MAX_VALUE, "int64");
    }

    private static Long integer(Problems p, JsonNode node, String field, long min, long max, String type) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isNumber()) {
            return null; // a string or another type is a schema (SCHEMA001) finding
        }
        BigDecimal d = v.decimalValue();
        boolean whole = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        if (!whole || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            p.by(DECODER).invalid(field, v.asText(), "cannot be decoded into a Go " + type
                    + (whole ? " (from " + min + " to " + max + ")" : ": a whole number is required"));
            return null;
        }
        return d.longValueExact();
    }

    /**
     * An int-or-string field ({@code intstr.IntOrString}): an Integer, a String, or null when absent or a
     * number that is not an int32 (reported).
     */
    public static Object intOrString(Problems p, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        Long n = int32(p, node, field);
        return n == null ? null : (Object) n.intValue();
    }

    /**
     * A quantity field ({@code resource.Quantity}), or null when absent or not a quantity (reported with
     * the decoder's message). A YAML number is read as its text, as the API server reads a JSON number.
     */
    public static BigDecimal quantity(Problems p, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        try {
            return KubeQuantity.parse(v.asText());
        } catch (IllegalArgumentException e) {
            p.by(PARSE_QUANTITY).invalid(field, v.asText(), "quantities must match the regular expression"
                    + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (binary Ki, Mi, Gi, Ti, Pi, Ei; decimal m, k, M, G, T, P, E;"
                    + " 'GB' and 'MB' are not units)");
            return null;
        }
    }

    /** A boolean field, or null when absent. */
    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isBoolean() ? null : v.asBoolean();
    }

    /** The elements of an array field (empty when absent or not an array). */
    public static List<JsonNode> list(JsonNode node, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** An object field, or null when absent, null or not an object. */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isObject() ? v : null;
    }
}
