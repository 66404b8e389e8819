package dev.statefulai.gate.rules;

import dev.statefulai.facts.yaml.NestingLimit;
import dev.statefulai.facts.yaml.YamlSyntax;
import dev.statefulai.facts.EnvironmentName;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.facts.TextFile;
import dev.statefulai.gate.rules.PolicyConfig.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a {@code --policy} file into a {@link PolicyConfig}, strictly. An environment the file does not set falls
 * back to the global default (warning), so any mistake read leniently (a misspelled key, a level where a mapping
 * belongs, the second of two {@code environments} keys winning) would quietly turn prod's errors into warnings and
 * let the gate pass: each is refused with the file, line and key and what is allowed there.
 *
 * <p>YAML 1.2, read by SnakeYAML Engine for the line of every key: {@code off} is text there, not false.
 */
final class PolicyFile {
    /** A policy is a few lines; 1 MiB bounds what reading a wrong file (a model, a dump) costs. */
    private static final int MAX_BYTES = 1 << 20;
    private static final String TOP_KEYS = "default, environments";
    private static final String LEVELS = "error, warning, off";

    private final String shown;

    private PolicyFile(String shown) {
        this.shown = shown;
    }

    /** @throws IllegalArgumentException one line naming the file, line and key, and what is allowed */
    static PolicyConfig read(Path file) {
        PolicyFile policy = new PolicyFile(file.toString());
        return policy.parse(TextFile.read(file, policy.shown, MAX_BYTES, "a policy file"));
    }

    private PolicyConfig parse(String text) {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(shown).setSchema(new CoreSchema()).build();
            Iterator<Node> documents = NestingLimit.composer(settings, text);
            root = documents.hasNext() ? documents.next() : null;
            if (documents.hasNext()) {
                throw refused(documents.next(), "a second YAML document starts here; allowed: one document");
            }
        } catch (NestingLimit.Exceeded e) {
            throw new IllegalArgumentException(shown + ":" + e.line() + ": " + NestingLimit.problem(false));
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(YamlSyntax.problem(e, shown, text));
        }
        if (root == null || isNull(root)) {
            throw new IllegalArgumentException(shown + ": holds no policy; allowed: a mapping with the keys " + "default and environments");
        }
        Level fallback = Level.WARNING;
        Map<String, Map<String, Level>> environments = new LinkedHashMap<>();
        for (NodeTuple entry : mapping(root, "", "a mapping with the keys default and environments")) {
            String key = key(entry, "");
            switch (key) {
                case "default" -> fallback = level(entry.getValueNode(), "default");
                case "environments" -> environments = environments(entry.getValueNode());
                default -> throw refused(entry.getKeyNode(), key + ": not a key of a policy file; allowed: " + TOP_KEYS);
            }
        }
        return new PolicyConfig(fallback, environments);
    }

    private Map<String, Map<String, Level>> environments(Node node) {
        Map<String, Map<String, Level>> environments = new LinkedHashMap<>();
        for (NodeTuple entry : mapping(node, "environments",
                "a mapping of environment names to their levels, e.g. prod: {default: error}")) {
            String env = key(entry, "environments.");
            if (!EnvironmentName.isValid(env)) {
                throw refused(entry.getKeyNode(), "environments." + env + ": not an environment name; allowed: " + EnvironmentName.RULE);
            }
            String path = "environments." + env;
            Map<String, Level> levels = new LinkedHashMap<>();
            for (NodeTuple level : mapping(entry.getValueNode(), path, "a mapping of " + String.join(", ", allowedIds())
                    + " to " + LEVELS.replace(", off", " or off") + ", e.g. {default: error, POL001: warning}")) {
                String id = key(level, path + ".");
                String upper = id.toUpperCase(Locale.ROOT);
                boolean isDefault = upper.equals("DEFAULT");
                if (!isDefault && Rule.byId(upper).filter(Rule::isPolicy).isEmpty()) {
                    throw refused(level.getKeyNode(), path + "." + id + ": not a policy rule id; allowed: " + String.join(", ", allowedIds()));
                }
                levels.put(isDefault ? "default" : upper, level(level.getValueNode(), path + "." + id));
            }
            environments.put(env, levels);
        }
        return environments;
    }

    /** {@code default} and the ids of the rules a policy sets (the data-safety policy and the pod rules). */
    private static List<String> allowedIds() {
        List<String> ids = new ArrayList<>(List.of("default"));
        Stream.of(Rule.values()).filter(Rule::isPolicy).map(Rule::id).forEach(ids::add);
        return ids;
    }

    /** The entries of a mapping, each key a scalar given once; anything else is refused at its line. */
    private List<NodeTuple> mapping(Node node, String path, String allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw refused(node, path + ": " + shape(node) + "; allowed: " + allowed);
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = key(entry, path.isEmpty() ? "" : path + ".");
            Integer first = firstLine.putIfAbsent(key.toUpperCase(Locale.ROOT), line(entry.getKeyNode()));
            if (first != null) {
                throw refused(entry.getKeyNode(), (path.isEmpty() ? "" : path + ".") + key + ": given twice (first at line " + first
                        + "); allowed: each key once");
            }
        }
        return mapping.getValue();
    }

    private String key(NodeTuple entry, String prefix) {
        if (entry.getKeyNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw refused(entry.getKeyNode(), prefix + "?: a " + shape(entry.getKeyNode()) + " as a key; allowed: names");
    }

    private Level level(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw refused(node, path + ": " + shape(node) + "; allowed: " + LEVELS);
        }
        try {
            return Level.valueOf(scalar.getValue().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(node, path + ": '" + scalar.getValue() + "' is not allowed; allowed: " + LEVELS);
        }
    }

    private static String shape(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "no value" : "a single value";
    }

    /** An empty value, {@code null} or {@code ~}. */
    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private IllegalArgumentException refused(Node at, String problem) {
        return new IllegalArgumentException(shown + ":" + line(at) + ": " + problem);
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
