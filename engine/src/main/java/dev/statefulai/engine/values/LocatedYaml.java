package dev.statefulai.engine.values;

import dev.statefulai.facts.yaml.NestingLimit;
import dev.statefulai.facts.yaml.YamlSyntax;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * A values file read into a Jackson tree that remembers, for every key, the file and line it came
 * from: merged values lose their layering, and errors must still point at the line to fix.
 *
 * <p>Values files are YAML 1.2 (the core schema), read by SnakeYAML Engine: aliases are the value they
 * refer to, merge keys ({@code <<}) merge, {@code yes} and {@code no} are strings, one document per
 * file. Where YAML 1.1 readers (Helm, kubectl) would read a plain scalar as another number
 * ({@code 010}, {@code 0x10}, {@code 1_000}), the tree keeps the text as a {@link YamlNodes.AmbiguousNumber}
 * and the checker refuses it where a number belongs. Every problem of a file is reported together.
 *
 * @param tree    the document; an empty file is an empty object
 * @param origins where each value came from, by JSON pointer ({@code /vectorDb/replicas})
 * @param empty   whether the file holds no document at all (only comments or nothing)
 */
public record LocatedYaml(ObjectNode tree, Map<String, Origin> origins, boolean empty) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * The YAML 1.2 core schema, with merge keys left to {@link YamlTree}: SnakeYAML Engine would merge
     * them too, but it reports a merge of something else than a mapping at the end of the mapping, not
     * at the {@code <<} line.
     */
    private static final Schema CORE_WITHOUT_MERGE = new Schema() {
        private final ScalarResolver resolver = new CoreScalarResolver(false);

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    /** Where a value came from: a file and line, or a command-line override. */
    public record Origin(String source, int line) {
        @Override
        public String toString() {
            return line > 0 ? source + ":" + line : source;
        }
    }

    /** No values: a layer whose file does not exist. */
    static LocatedYaml none() {
        return new LocatedYaml(NODES.objectNode(), new HashMap<>(), false);
    }

    /**
     * Reads {@code file}; {@code displayName} is how messages name it (a path relative to the repo). A
     * file that does not exist is no values; one that exists but cannot be a values file is an error.
     *
     * @throws ValuesException with every problem of the file
     */
    public static LocatedYaml read(Path file, String displayName) {
        return ValuesFile.read(file, displayName).map(text -> parse(text, displayName)).orElseGet(LocatedYaml::none);
    }

    /** Parses the text of a values file; see {@link #read}. */
    public static LocatedYaml parse(String text, String displayName) {
        List<String> problems = new ArrayList<>();
        Map<String, Origin> origins = new HashMap<>();
        ObjectNode tree = NODES.objectNode();
        boolean empty = true;
        try {
            Iterator<Node> documents = NestingLimit.composer(settings(text, displayName), text);
            Node root = documents.hasNext() ? documents.next() : null;
            empty = root == null || isEmptyDocument(root);
            if (root instanceof MappingNode mapping) {
                tree = YamlTree.of(mapping, displayName, origins, problems);
            } else if (!empty) {
                problems.add(displayName + ":" + line(root) + ": the file must be a mapping of keys to values, not "
                        + (root instanceof SequenceNode ? "a list" : "a single value"));
            }
            if (documents.hasNext()) {
                problems.add(displayName + ":" + line(documents.next()) + ": a second YAML document starts here; a values file holds "
                        + "one document: remove the '---' line or move the second document to a file of its own");
            }
        } catch (NestingLimit.Exceeded e) {
            problems.add(displayName + ":" + e.line() + ": " + NestingLimit.problem(false));
        } catch (YamlEngineException e) {
            problems.add(YamlSyntax.problem(e, displayName, text));
        }
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        return new LocatedYaml(tree, origins, empty);
    }

    /**
     * The value of {@code --set key=value}: YAML, read like a values file ({@code 010} stays text for the
     * checker, {@code null} unsets); {@code source} names it in messages.
     */
    static JsonNode parseValue(String value, String source) {
        if (value.isEmpty()) {
            return NODES.textNode("");
        }
        List<String> problems = new ArrayList<>();
        JsonNode parsed;
        try {
            parsed = NestingLimit.composer(settings(value, source), value).getSingleNode()
                    .map(node -> YamlTree.value(node, source, problems)).orElse(NODES.nullNode());
        } catch (NestingLimit.Exceeded e) {
            problems.add(source + ": the value is " + NestingLimit.problem(false));
            parsed = null;
        } catch (YamlEngineException e) {
            problems.add(source + ": the value is not YAML: " + YamlSyntax.message(e));
            parsed = null;
        }
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        return parsed;
    }

    private static LoadSettings settings(String text, String label) {
        return LoadSettings.builder()
                .setSchema(CORE_WITHOUT_MERGE)
                .setLabel(label)
                .setAllowNonScalarKeys(true)
                .setCodePointLimit(Math.max(ValuesFile.MAX_BYTES, text.length()) + 1)
                // One buffer for the whole text: the reader's default 1 KiB window is copied on every refill,
                // which makes a long line cost its length squared.
                .setBufferSize(text.length() + 1)
                .build();
    }

    private static boolean isEmptyDocument(Node root) {
        return root instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty();
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** Calls {@code action} with {@code pointer} and the pointer of every value inside {@code node}. */
    static void forEachPointer(JsonNode node, String pointer, java.util.function.Consumer<String> action) {
        action.accept(pointer);
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> forEachPointer(f.getValue(), pointer + "/" + escape(f.getKey()), action));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachPointer(node.get(i), pointer + "/" + i, action);
            }
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
}
