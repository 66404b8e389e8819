package dev.statefulai.gate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.statefulai.gate.api.core.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * One row of a rule table: an object (a valid base with one change), the validator of its kind, and what
 * the Kubernetes 1.28 API server says: nothing (valid) or a problem at {@code path} from {@code function}.
 */
record ApiRuleCase(String kind, String name, JsonNode object, Function<JsonNode, List<Problem>> validator,
                   String function, String path) {
    private static final YAMLMapper YAML = new YAMLMapper();

    boolean valid() {
        return function == null;
    }

    @Override
    public String toString() {
        return kind + ": " + name + (valid() ? " (valid)" : " -> " + function + " at " + path);
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code base} with the value at {@code pointer} set (YAML) or removed (null). */
    static JsonNode with(JsonNode base, String pointer, String value) {
        JsonNode copy = base.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/");
        JsonNode v = value == null ? null : yaml(value);
        if (parent instanceof ObjectNode o) {
            if (v == null) {
                o.remove(last);
            } else {
                o.set(last, v);
            }
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(v);
            } else {
                a.set(Integer.parseInt(last), v);
            }
        } else {
            throw new IllegalArgumentException("no parent at " + pointer + " in " + base);
        }
        return copy;
    }
}
