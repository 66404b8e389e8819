package dev.statefulai.synth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree that remembers, for every key, the file and line it came
 * from: merged values lose their layering, and errors must still point at the line to fix.
 *
 * @param tree    the document; an empty file is an empty object
 * @param origins where each value came from, by JSON pointer ({@code /vectorDb/replicas})
 */
public record LocatedYaml(ObjectNode tree, Map<String, Origin> origins) {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where a value came from: a file and line, or a command-line override. */
    public record Origin(String source, int line) {
        @Override
        public String toString() {
            return line > 0 ? source + ":" + line : source;
        }
    }

    /** Reads {@code file}; {@code displayName} is how messages name it (a path relative to the repo). */
    public static LocatedYaml read(Path file, String displayName) {
        if (!Files.exists(file)) {
            return new LocatedYaml(NODES.objectNode(), new HashMap<>());
        }
        try (JsonParser p = YAML.createParser(file.toFile())) {
            Map<String, Origin> origins = new HashMap<>();
            JsonToken first = p.nextToken();
            if (first == null) {
                return new LocatedYaml(NODES.objectNode(), origins);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ValuesException(List.of(displayName + ":" + p.currentTokenLocation().getLineNr()
                        + ": the file must be a mapping of keys to values, not " + describe(first)));
            }
            ObjectNode tree = (ObjectNode) readValue(p, "", displayName, origins);
            return new LocatedYaml(tree, origins);
        } catch (JsonProcessingException e) {
            throw new ValuesException(List.of(syntaxError(displayName, e)));
        } catch (IOException e) {
            throw new ValuesException(List.of(displayName + ": cannot be read: " + e.getMessage()));
        }
    }

    /**
     * One line for a YAML syntax error: SnakeYAML's messages span several lines with the context
     * quoted; keep the sentences and the line of the last mark, which is where the problem is.
     */
    private static String syntaxError(String displayName, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        List<String> sentences = new java.util.ArrayList<>();
        java.util.regex.Pattern mark = java.util.regex.Pattern.compile("in '[^']*', line (\\d+), column \\d+:");
        for (String text : e.getOriginalMessage().split("\n")) {
            java.util.regex.Matcher m = mark.matcher(text.trim());
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
            } else if (!text.isBlank() && !text.startsWith(" ")) {
                sentences.add(text.trim());
            }
        }
        return displayName + ":" + line + ": not valid YAML: " + String.join("; ", sentences);
    }

    private static JsonNode readValue(JsonParser p, String pointer, String file, Map<String, Origin> origins) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    String child = pointer + "/" + escape(key);
                    p.nextToken();
                    origins.put(child, new Origin(file, line));
                    object.set(key, readValue(p, child, file, origins));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + index++;
                    origins.put(child, new Origin(file, p.currentTokenLocation().getLineNr()));
                    array.add(readValue(p, child, file, origins));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected YAML token " + token);
        }
    }

    /** Escapes a key for use in a JSON pointer. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The dotted key path of a JSON pointer, as people write it: {@code vectorDb.storage[0].size}. */
    public static String keyPath(String pointer) {
        StringBuilder out = new StringBuilder();
        JsonPointer p = JsonPointer.compile(pointer);
        while (p != null && !p.matches()) {
            if (p.getMatchingIndex() >= 0 && p.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                out.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(p.getMatchingProperty());
            }
            p = p.tail();
        }
        return out.toString();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            default -> "a single value";
        };
    }
}
