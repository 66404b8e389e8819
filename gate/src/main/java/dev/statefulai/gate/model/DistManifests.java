package dev.statefulai.gate.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The manifests of dist/ (or of dist/ at a git ref), per environment. Only the app files count:
 * {@code kustomization.yaml} and {@code outputs.json} are not applied to the cluster.
 *
 * @param problems files that are not valid YAML and duplicated objects (only for the working tree)
 */
public record DistManifests(SortedMap<String, List<Manifest>> byEnvironment, List<Finding> problems) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Parses {@code files} (path relative to dist/, e.g. {@code prod/vector-db.yaml}, to text). */
    public static DistManifests parse(SortedMap<String, String> files) {
        SortedMap<String, List<Manifest>> byEnv = new TreeMap<>();
        List<Finding> problems = new ArrayList<>();
        files.forEach((path, text) -> {
            int slash = path.indexOf('/');
            String file = path.substring(slash + 1);
            if (slash < 0 || file.contains("/") || !(file.endsWith(".yaml") || file.endsWith(".yml"))
                    || file.equals("kustomization.yaml") || file.equals("kustomization.yml")) {
                return;
            }
            String env = path.substring(0, slash);
            List<Manifest> manifests = byEnv.computeIfAbsent(env, e -> new ArrayList<>());
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                int index = 0;
                while (docs.hasNextValue()) {
                    JsonNode doc = docs.nextValue();
                    index++;
                    if (doc == null || doc.isNull() || doc.isMissingNode()) {
                        continue;
                    }
                    Manifest m = new Manifest(env, path, doc);
                    if (!doc.isObject() || m.apiVersion().isEmpty() || m.kind().isEmpty() || m.name().isEmpty()) {
                        problems.add(fileProblem(env, path, "document " + index + " lacks apiVersion, kind or metadata.name"));
                        continue;
                    }
                    manifests.add(m);
                }
            } catch (JsonProcessingException e) {
                problems.add(fileProblem(env, path, "not valid YAML: " + e.getOriginalMessage()
                        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
            } catch (IOException e) {
                problems.add(fileProblem(env, path, "cannot be read: " + e.getMessage()));
            }
        });
        byEnv.forEach((env, manifests) -> problems.addAll(duplicates(manifests)));
        return new DistManifests(byEnv, problems);
    }

    private static Finding fileProblem(String env, String path, String message) {
        Manifest file = new Manifest(env, path, YAML.createObjectNode());
        return new Finding(Rule.DIST002, Rule.DIST002.severity(), env, ObjectRef.cluster("File", "dist/" + path),
                message, null, null, file);
    }

    /** kustomize refuses an id twice, and with plain kubectl apply the later copy silently wins. */
    private static List<Finding> duplicates(List<Manifest> manifests) {
        Map<String, List<Manifest>> byIdentity = new LinkedHashMap<>();
        manifests.forEach(m -> byIdentity.computeIfAbsent(m.identity(), k -> new ArrayList<>()).add(m));
        List<Finding> out = new ArrayList<>();
        byIdentity.values().stream().filter(l -> l.size() > 1).forEach(copies -> {
            Manifest first = copies.get(0);
            boolean identical = copies.stream().allMatch(c -> c.body().equals(first.body()));
            List<String> files = copies.stream().map(Manifest::file).distinct().toList();
            out.add(Finding.of(Rule.DIST001, first, first.ref() + " is defined " + copies.size() + " times in "
                    + String.join(", ", files.stream().map(f -> "dist/" + f).toList())
                    + (identical ? " (identical copies)" : " with different content (the last one applied wins)")
                    + ": 'kubectl apply -k dist/" + first.environment() + "' fails with 'already registered id'; emit it once"));
        });
        return out;
    }

    /** The environments that have manifest files. */
    public List<String> environments() {
        return List.copyOf(byEnvironment.keySet());
    }

    public List<Manifest> of(String env) {
        return byEnvironment.getOrDefault(env, List.of());
    }

    /** Keeps only the first copy of each object, so rules do not report duplicates twice. */
    static List<Manifest> distinct(List<Manifest> manifests) {
        Map<String, Manifest> out = new LinkedHashMap<>();
        manifests.forEach(m -> out.putIfAbsent(m.identity(), m));
        return List.copyOf(out.values());
    }

    public static ObjectNode emptyObject() {
        return YAML.createObjectNode();
    }
}
