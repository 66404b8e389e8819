package dev.statefulai.engine.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.statefulai.app.values.Rule;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.engine.values.schema.ValuesSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a merged values tree with the app's values schema ({@link ValuesSchema}, generated from its values
 * record) and says each problem in the words of a person fixing a values file: the file and line, the key,
 * the value given and what is allowed, a "did you mean" for an unknown key, the code points of characters
 * that only look like ASCII. Every problem is reported at once, one per key. A key set to {@code null} or
 * left out keeps the construct default; a key written with no value at all is refused, as a value forgotten
 * more often than a default meant.
 */
public final class ValuesChecker {
    /** What a whole number may look like: YAML 1.1 and 1.2 agree only on plain decimals. */
    public static final String WHOLE_NUMBER_DIGITS = "a whole number in decimal digits, such as 8 or 1000; a leading 0, 0x, 0o, 0b "
            + "or '_' is refused: YAML 1.1 and YAML 1.2 read it differently (010 is 8 in one and 10 in the other)";
    private static final List<String> YAML11_BOOLEANS = List.of("yes", "no", "on", "off", "y", "n");

    /**
     * A problem: the key it is about (a JSON pointer into the values), the message, and whether the value
     * still binds into the record (it has the right type but breaks a {@link Rule}).
     */
    public record Problem(String pointer, String message, boolean binds) {
    }

    /** How a schema keyword's failure ranks when one key breaks several: the first says most. */
    private static final List<String> RANK = List.of("additionalProperties", "type", "enum", "const", "format", "pattern", "maxLength", "minimum");

    private final ValuesSchema schema;
    private final Map<String, LocatedYaml.Origin> origins;
    /** One problem per key: the best ranked. */
    private final Map<String, Ranked> problems = new LinkedHashMap<>();

    private record Ranked(int rank, Problem problem) {
    }

    private ValuesChecker(ValuesSchema schema, Map<String, LocatedYaml.Origin> origins) {
        this.schema = schema;
        this.origins = origins;
    }

    /** The problems of {@code tree} as values of {@code schema}'s record, in the order of the tree; empty when it binds cleanly. */
    public static List<Problem> check(ValuesSchema schema, JsonNode tree, Map<String, LocatedYaml.Origin> origins) {
        ValuesChecker checker = new ValuesChecker(schema, origins);
        checker.forgottenValues(tree, "");
        for (ValidationMessage m : checker.schema.validate(tree)) {
            checker.add(m);
        }
        List<Problem> inTreeOrder = new ArrayList<>();
        LocatedYaml.forEachPointer(tree, "", p -> {
            Ranked r = checker.problems.get(p);
            if (r != null) {
                inTreeOrder.add(r.problem());
            }
        });
        return inTreeOrder;
    }

    /** Keys written with nothing after them: YAML reads null, which the schema allows, but a value was forgotten. */
    private void forgottenValues(JsonNode node, String pointer) {
        if (node instanceof YamlNodes.NoValue) {
            JsonNode expected = schema.expectedAt(pointer);
            put(pointer, -1, LocatedYaml.keyPath(pointer) + ": no value is not allowed; allowed: "
                    + (expected == null ? "nothing" : words(expected)) + "; write null to keep the default", false);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                forgottenValues(f.getValue(), pointer + "/" + LocatedYaml.escape(f.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forgottenValues(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void add(ValidationMessage m) {
        String keyword = m.getType();
        String location = m.getSchemaLocation().toString();
        // The schema of the keyword's object: additionalProperties, type, enum, ... are its members.
        JsonNode owner = schema.at(location.substring(location.indexOf('#') + 1, location.lastIndexOf('/')));
        String pointer = m.getInstanceLocation().toString();
        JsonNode given = m.getInstanceNode();
        int rank = RANK.indexOf(keyword);
        switch (keyword) {
            case "additionalProperties" -> {
                String key = m.getProperty();
                String child = pointer + "/" + LocatedYaml.escape(key);
                List<String> keys = new ArrayList<>();
                owner.path("properties").fieldNames().forEachRemaining(keys::add);
                keys.sort(String::compareTo);
                put(child, rank, "unknown key '" + LocatedYaml.keyPath(child) + "'" + DidYouMean.hint(key, keys)
                        + "; allowed keys here: " + String.join(", ", keys), false);
            }
            case "type" -> {
                if (owner.path("type").asText().equals("null")) {
                    return; // the branch of a key that may be null: the other branch says what is wrong
                }
                Optional<String> rule = ruleRefusal(owner, pointer, given);
                if (rule.isPresent()) {
                    put(pointer, RANK.indexOf("format"), notAllowed(pointer, given, rule.get()), true);
                } else {
                    put(pointer, rank, notAllowed(pointer, given, wrongType(owner, pointer, given)), false);
                }
            }
            case "enum", "const" -> put(pointer, rank, notAllowed(pointer, given, words(owner)), false);
            default -> {
                if (rank < 0) {
                    put(pointer, RANK.size(), notAllowed(pointer, given, m.getMessage()), false);
                } else {
                    String allowed = ruleRefusal(owner, pointer, given).orElse(owner.path("description").asText(m.getMessage()));
                    put(pointer, rank, notAllowed(pointer, given, allowed), true);
                }
            }
        }
    }

    /** What is allowed instead of {@code given}, a value of the wrong type, at {@code pointer}. */
    private String wrongType(JsonNode owner, String pointer, JsonNode given) {
        String expected = words(owner);
        if (given.isNull() && !pointer.isEmpty() && schema.expectedAt(parentOf(pointer)) != null
                && schema.expectedAt(parentOf(pointer)).path("type").asText().equals("array")) {
            return "a value (lists cannot hold empty entries)";
        }
        if (given instanceof YamlNodes.AmbiguousNumber && expected.equals("a whole number")) {
            return WHOLE_NUMBER_DIGITS;
        }
        if (expected.equals("true or false") && given.isTextual() && YAML11_BOOLEANS.contains(given.asText().toLowerCase(Locale.ROOT))) {
            return "true or false (YAML 1.1 read " + given.asText() + " as a boolean; YAML 1.2 reads a string)";
        }
        return expected;
    }

    /**
     * The words of the {@link Rule} whose format {@code owner} has, when its check refuses {@code given} (a number
     * where a size belongs is read as the text it is, so that {@code 0.1} is told what a size must be).
     */
    private static Optional<String> ruleRefusal(JsonNode owner, String pointer, JsonNode given) {
        Optional<Rule.Kind> kind = Rule.Kind.ofFormat(owner.path("format").asText(""));
        if (kind.isEmpty() && owner.has("minimum")) {
            kind = owner.get("minimum").asInt() >= 1 ? Optional.of(Rule.Kind.POSITIVE) : Optional.of(Rule.Kind.NON_NEGATIVE);
        }
        if (kind.isEmpty() || !given.isValueNode() || given.isNull() || given.isBoolean()
                || (kind.get().keywords().minimum() != null) != given.isIntegralNumber()) {
            return Optional.empty();
        }
        try {
            kind.get().check(LocatedYaml.keyPath(pointer), kind.get().keywords().minimum() != null ? given.numberValue() : given.asText());
            return Optional.empty();
        } catch (InvalidPropsException e) {
            return Optional.of(e.allowed());
        }
    }

    /** What a value of the schema {@code node} is, in the words of the messages. */
    private String words(JsonNode node) {
        JsonNode resolved = schema.resolve(node);
        if (resolved.path("enum").isArray()) {
            List<String> allowed = new ArrayList<>();
            resolved.get("enum").forEach(v -> {
                if (!v.isNull()) {
                    allowed.add(v.asText());
                }
            });
            return "one of " + String.join(", ", allowed);
        }
        if (resolved.has("const")) {
            return resolved.get("const").asText();
        }
        JsonNode type = resolved.path("type");
        String named = type.isArray() ? firstNotNull(type) : type.asText();
        return switch (named) {
            case "object" -> "a mapping of keys to values";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "a string";
            default -> "a value";
        };
    }

    private static String firstNotNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!t.asText().equals("null")) {
                return t.asText();
            }
        }
        return "null";
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private String notAllowed(String pointer, JsonNode given, String allowed) {
        return LocatedYaml.keyPath(pointer) + ": " + show(given) + " is not allowed; allowed: " + allowed;
    }

    private void put(String pointer, int rank, String message, boolean binds) {
        Ranked now = problems.get(pointer);
        if (now == null || rank < now.rank()) {
            problems.put(pointer, new Ranked(rank, new Problem(pointer, ValuesLoader.where(origins, pointer) + ": " + message, binds)));
        }
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
}
