package dev.statefulai.engine.values;

import dev.statefulai.facts.yaml.NestingLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A composed YAML document (SnakeYAML Engine nodes, aliases already pointing at their anchored node)
 * as a Jackson tree with the line of every key, and the problems found on the way: duplicate keys,
 * merge keys of something else than mappings, self-containing aliases, tags other than plain types.
 * Merge keys ({@code <<}, from YAML 1.1 and kept by Helm and most tools) are applied: a mapping's own
 * keys win over merged ones, and of several merged mappings the first wins.
 */
final class YamlTree {
    /** Bounds what aliases can expand to (alias bombs); a real values file has hundreds of values. */
    static final int MAX_VALUES = 1_000_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    /** Plain scalars YAML 1.1 reads as numbers other than plain decimals: octal, hex, binary, '_' separators, base 60. */
    private static final Pattern OTHER_NUMBER = Pattern.compile(
            "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?)");

    /**
     * How deep the list or mapping being converted is, and whether a problem already said it is too deep:
     * composing bounds what the text nests, but aliases nest what they refer to further, and the trees are
     * walked by recursion.
     */
    private int depth;
    private boolean tooDeep;
    private final String file;
    /** Whether messages give lines: not for a {@code --set} value, which is one line of the command. */
    private final boolean withLines;
    private final List<String> problems = new ArrayList<>();
    private final Set<Node> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
    private Map<String, LocatedYaml.Origin> origins = new HashMap<>();
    private int values;

    private YamlTree(String file, boolean withLines) {
        this.file = file;
        this.withLines = withLines;
    }

    /** The tree of {@code root}, a mapping; {@code origins} gets the line of every key. */
    static ObjectNode of(MappingNode root, String file, Map<String, LocatedYaml.Origin> origins, List<String> problems) {
        YamlTree tree = new YamlTree(file, true);
        tree.origins = origins;
        tree.enclosing.add(root);
        tree.depth = 1;
        ObjectNode out = tree.mapping(root, "");
        problems.addAll(tree.problems);
        return out;
    }

    /** The value of a single node, such as a {@code --set} value; {@code source} names it in messages. */
    static JsonNode value(Node node, String source, List<String> problems) {
        YamlTree tree = new YamlTree(source, false);
        JsonNode out = tree.convert(node, "");
        problems.addAll(tree.problems);
        return out;
    }

    private JsonNode convert(Node node, String pointer) {
        if (++values > MAX_VALUES) {
            if (values == MAX_VALUES + 1) {
                problem(node, pointer, "more than " + MAX_VALUES + " values once aliases are expanded; write them out or use fewer aliases");
            }
            return NODES.nullNode();
        }
        if (!enclosing.add(node)) {
            problem(node, pointer, "the alias refers to a value that contains it; YAML values here must be finite");
            return NODES.nullNode();
        }
        boolean collection = !(node instanceof ScalarNode);
        if (collection && depth == NestingLimit.MAX_DEPTH) {
            enclosing.remove(node);
            if (!tooDeep) {
                tooDeep = true;
                // Without the key path: a hundred levels of it say nothing.
                LocatedYaml.Origin origin = origins.get(pointer);
                problems.add(at(origin != null ? origin.line() : line(node)) + ": " + NestingLimit.problem(true));
            }
            return NODES.nullNode();
        }
        if (collection) {
            depth++;
        }
        try {
            if (node instanceof MappingNode m) {
                return mapping(m, pointer);
            }
            if (node instanceof SequenceNode s) {
                ArrayNode array = NODES.arrayNode();
                for (Node item : s.getValue()) {
                    String child = pointer + "/" + array.size();
                    origins.put(child, new LocatedYaml.Origin(file, line(item)));
                    array.add(convert(item, child));
                }
                return array;
            }
            return scalar((ScalarNode) node, pointer);
        } finally {
            enclosing.remove(node);
            if (collection) {
                depth--;
            }
        }
    }

    private ObjectNode mapping(MappingNode node, String pointer) {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> firstLine = new HashMap<>();
        List<NodeTuple> merges = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), pointer, "a key must be a single value, not a list or mapping");
                continue;
            }
            if (key.isPlain() && key.getValue().equals(MERGE_KEY)) {
                merges.add(t);
                continue;
            }
            String child = pointer + "/" + LocatedYaml.escape(key.getValue());
            Integer seen = firstLine.putIfAbsent(key.getValue(), line(key));
            if (seen != null) {
                problems.add(at(line(key)) + ": duplicate key '" + LocatedYaml.keyPath(child) + "' (first at line " + seen + ")");
                continue;
            }
            origins.put(child, new LocatedYaml.Origin(file, line(key)));
            object.set(key.getValue(), convert(t.getValueNode(), child));
        }
        for (NodeTuple merge : merges) {
            String at = pointer + "/" + LocatedYaml.escape(MERGE_KEY);
            Node value = merge.getValueNode();
            List<Node> sources = value instanceof SequenceNode s ? s.getValue() : List.of(value);
            for (Node source : sources) {
                if (!(source instanceof MappingNode mapping)) {
                    problem(merge.getKeyNode(), at, "the merge key takes a mapping or a list of mappings, such as '<<: *defaults', not "
                            + (source instanceof SequenceNode ? "a list of lists" : "a single value"));
                    break;
                }
                mergeInto(object, mapping, pointer);
            }
        }
        return object;
    }

    /** Adds the keys of {@code source} that {@code object} does not have yet, with the lines they were written on. */
    private void mergeInto(ObjectNode object, MappingNode source, String pointer) {
        Map<String, LocatedYaml.Origin> own = origins;
        Map<String, LocatedYaml.Origin> merged = new HashMap<>();
        origins = merged;
        ObjectNode from;
        try {
            if (!enclosing.add(source)) {
                problem(source, pointer, "the merge key refers to the mapping that contains it");
                return;
            }
            try {
                from = mapping(source, pointer);
            } finally {
                enclosing.remove(source);
            }
        } finally {
            origins = own;
        }
        from.fields().forEachRemaining(field -> {
            if (object.has(field.getKey())) {
                return;
            }
            object.set(field.getKey(), field.getValue());
            LocatedYaml.forEachPointer(field.getValue(), pointer + "/" + LocatedYaml.escape(field.getKey()), k -> {
                LocatedYaml.Origin origin = merged.get(k);
                if (origin != null) {
                    origins.put(k, origin);
                }
            });
        });
    }

    private JsonNode scalar(ScalarNode node, String pointer) {
        String text = node.getValue();
        Tag tag = node.getTag();
        boolean implicit = node.isResolved() && node.isPlain();
        if (tag.equals(Tag.STR)) {
            return implicit && OTHER_NUMBER.matcher(text).matches() ? new YamlNodes.AmbiguousNumber(text) : NODES.textNode(text);
        }
        if (tag.equals(Tag.INT)) {
            return DECIMAL.matcher(text).matches() ? NODES.numberNode(new BigInteger(text)) : new YamlNodes.AmbiguousNumber(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return NODES.textNode(text); // .inf and .nan: no setting takes them
            }
        }
        if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(text.equalsIgnoreCase("true"));
        }
        if (tag.equals(Tag.NULL)) {
            return implicit && text.isEmpty() ? YamlNodes.NoValue.INSTANCE : NODES.nullNode();
        }
        problem(node, pointer, "the tag " + tag.getValue().replace(Tag.PREFIX, "!!")
                + " is not supported; write plain strings, numbers, true or false, lists and mappings");
        return NODES.nullNode();
    }

    /** A problem at the line of the key of {@code pointer} when it has one (an alias has no line of its own), else of {@code node}. */
    private void problem(Node node, String pointer, String message) {
        String key = LocatedYaml.keyPath(pointer);
        LocatedYaml.Origin origin = origins.get(pointer);
        int line = origin != null ? origin.line() : line(node);
        problems.add(at(line) + ": " + (key.isEmpty() ? "" : key + ": ") + message);
    }

    private String at(int line) {
        return new LocatedYaml.Origin(file, line).toString();
    }

    private int line(Node node) {
        return withLines ? node.getStartMark().map(m -> m.getLine() + 1).orElse(0) : 0;
    }
}
