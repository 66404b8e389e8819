package dev.statefulai.gate.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifests of an environment as plain maps and lists, for the readers the gate shares with the constructs and the
 * engine ({@code dev.statefulai.facts.protection}), and the way back from a map to its manifest (whose annotations waive).
 */
public final class ManifestTrees {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made on first use: only policy ConfigMaps hold YAML text to read. */
    private static final class YamlReader {
        static final YAMLMapper YAML = new YAMLMapper();
    }
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final List<Map<String, Object>> trees = new ArrayList<>();
    private final Map<Map<String, Object>, Manifest> manifests = new IdentityHashMap<>();

    public ManifestTrees(Environment env) {
        for (Manifest m : env.all()) {
            Map<String, Object> tree = tree(m);
            trees.add(tree);
            manifests.put(tree, m);
        }
    }

    /** One manifest as maps and lists. */
    public static Map<String, Object> tree(Manifest manifest) {
        return JSON.convertValue(manifest.body(), MAP);
    }

    /** Every manifest, in the environment's order. */
    public List<Map<String, Object>> all() {
        return trees;
    }

    /** The manifest {@code tree} was read from. */
    public Manifest manifestOf(Map<String, Object> tree) {
        return manifests.get(tree);
    }

    /** YAML text (a ConfigMap's data) read into maps and lists; throws on text that is not YAML. */
    public static Object yaml(String text) {
        try {
            return YamlReader.YAML.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
