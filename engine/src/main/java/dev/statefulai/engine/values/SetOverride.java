package dev.statefulai.engine.values;

import dev.statefulai.facts.yaml.NestingLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --set key=value} applied to merged values. The key is a path of names and list indexes,
 * {@code storageClass.name} or {@code volumes[1].size}: names go into mappings (made when missing), an
 * index edits that entry of a list the values files set, in place; a list is never replaced by a mapping.
 */
final class SetOverride {
    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final String KEY_SHAPES = "write keys as a.b.c or a.list[0].b";

    private final LocatedYaml values;
    private final String source;

    /** A name into a mapping, or an index into a list (name null). */
    private record Part(String name, int index) {
        boolean isIndex() {
            return name == null;
        }
    }

    private SetOverride(LocatedYaml values, String source) {
        this.values = values;
        this.source = source;
    }

    /**
     * Sets {@code key} to {@code value} (YAML) in {@code values}; {@code source} names the override in
     * messages and origins.
     *
     * @throws ValuesException when the key cannot be set
     */
    static void apply(LocatedYaml values, String key, String value, String source) {
        JsonNode parsed = LocatedYaml.parseValue(value, source);
        new SetOverride(values, source).set(parts(key, source), parsed);
    }

    private static List<Part> parts(String key, String source) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PART.matcher(key);
        int at = 0;
        boolean afterDot = true;
        while (true) {
            if (!m.find(at) || m.start() != at || afterDot && m.group(1) == null) {
                throw refused(source + ": the key has an empty or unclosed part; " + KEY_SHAPES);
            }
            parts.add(m.group(1) != null ? new Part(m.group(1), -1) : new Part(null, index(m.group(2), source)));
            if (parts.size() > NestingLimit.MAX_DEPTH) {
                throw refused(source + ": the key is " + NestingLimit.problem(false));
            }
            at = m.end();
            if (at == key.length()) {
                return parts;
            }
            afterDot = key.charAt(at) == '.';
            if (afterDot) {
                at++;
            }
        }
    }

    /** The list index {@code digits}: one too large for an int is past the end of any list, and refused here. */
    private static int index(String digits, String source) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw refused(source + ": the index " + digits + " is not allowed; allowed: from 0 to the last index of the list");
        }
    }

    private void set(List<Part> parts, JsonNode value) {
        JsonNode current = values.tree();
        String pointer = "";
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            boolean last = i == parts.size() - 1;
            String child = pointer + "/" + (part.isIndex() ? String.valueOf(part.index()) : LocatedYaml.escape(part.name()));
            JsonNode next;
            if (part.isIndex()) {
                ArrayNode list = (ArrayNode) current;
                if (part.index() >= list.size()) {
                    throw refused(source + ": " + LocatedYaml.keyPath(pointer) + " has " + list.size() + " entries; the index must be from 0 to "
                            + (list.size() - 1));
                }
                if (last) {
                    replace(child, () -> list.set(part.index(), value));
                    return;
                }
                next = list.get(part.index());
            } else {
                ObjectNode object = (ObjectNode) current;
                if (last) {
                    replace(child, () -> object.set(part.name(), value));
                    return;
                }
                next = object.get(part.name());
                if (!parts.get(i + 1).isIndex() && (next == null || !next.isContainerNode())) {
                    // Missing, null or a single value: a mapping now, as a layer's mapping would replace it.
                    ObjectNode made = JsonNodeFactory.instance.objectNode();
                    replace(child, () -> object.set(part.name(), made));
                    next = made;
                }
            }
            current = container(next, child, parts.subList(i + 1, parts.size()));
            pointer = child;
        }
    }

    /** {@code node} at {@code pointer} as the list or mapping the first of {@code rest} goes into. */
    private JsonNode container(JsonNode node, String pointer, List<Part> rest) {
        String path = LocatedYaml.keyPath(pointer);
        Part next = rest.get(0);
        if (next.isIndex()) {
            if (node instanceof ArrayNode) {
                return node;
            }
            if (node instanceof ObjectNode) {
                String instead = path + rest.subList(1, rest.size()).stream()
                        .map(p -> p.isIndex() ? "[" + p.index() + "]" : "." + p.name()).reduce("", String::concat);
                throw refused(source + ": " + path + " is a mapping, not a list: write " + instead);
            }
            if (node == null || node.isNull()) {
                throw refused(source + ": " + path + " is not set in the values files; --set changes an entry of a list they set, "
                        + "so write the whole list in a values file");
            }
            throw refused(source + ": " + path + " is a single value, not a list");
        }
        if (node instanceof ObjectNode) {
            return node;
        }
        if (node instanceof ArrayNode) {
            throw refused(source + ": " + path + " is a list: write " + path + "[<index>]." + next.name());
        }
        throw refused(source + ": " + path + " is " + (node == null || node.isNull() ? "empty" : "a single value") + ", not a mapping");
    }

    /** Puts a value at {@code pointer}: whatever was below it, and where it came from, is gone. */
    private void replace(String pointer, Runnable put) {
        put.run();
        values.origins().keySet().removeIf(k -> k.startsWith(pointer + "/"));
        values.origins().put(pointer, new LocatedYaml.Origin(source, 0));
    }

    private static ValuesException refused(String problem) {
        return new ValuesException(List.of(problem));
    }
}
