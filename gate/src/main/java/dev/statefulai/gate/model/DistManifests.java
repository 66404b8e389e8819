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
 * The manifests of dist/ (or of dist/ at a git ref, or of any folder of manifests), per environment.
 * Only manifests count: a kustomization and {@code outputs.json} are not applied to the cluster.
 * A {@code kind: List} (what {@code kubectl get -o yaml} writes) counts as its items.
 *
 * @param problems files that are not valid YAML and duplicated objects (only for the working tree)
 * @param skipped  files of a folder that is not dist/ that hold no Kubernetes object (a chart's values, a
 *                 kustomization): left out, named in a note
 * @param unparsed the files that are not valid YAML, by key, with why: none of their objects is known (at a git
 *                 ref, the immutable-change guard must say it could not compare them)
 */
public record DistManifests(SortedMap<String, List<Manifest>> byEnvironment, List<Finding> problems, List<String> skipped,
                            SortedMap<String, String> unparsed) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Parses dist/'s {@code files} (path relative to dist/, e.g. {@code prod/vector-db.yaml}, to text). */
    public static DistManifests parse(SortedMap<String, String> files) {
        return parse(files, true);
    }

    /**
     * Parses {@code files} (key {@code <environment>/<path>} to text). {@code strict} (dist/): a document
     * that is not an object with apiVersion, kind and metadata.name is a problem; otherwise a file none of
     * whose documents is a Kubernetes object is skipped (it is some other YAML), and only a file that mixes
     * objects with other documents is a problem.
     */
    public static DistManifests parse(SortedMap<String, String> files, boolean strict) {
        SortedMap<String, List<Manifest>> byEnv = new TreeMap<>();
        List<Finding> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        SortedMap<String, String> unparsed = new TreeMap<>();
        files.forEach((path, text) -> {
            int slash = path.indexOf('/');
            String file = path.substring(slash + 1);
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (slash < 0 || !(base.endsWith(".yaml") || base.endsWith(".yml") || base.endsWith(".json"))
                    || ManifestFolder.KUSTOMIZATION_NAMES.contains(base)) {
                return;
            }
            String env = path.substring(0, slash);
            List<Manifest> manifests = byEnv.computeIfAbsent(env, e -> new ArrayList<>());
            List<Manifest> found = new ArrayList<>();
            List<Integer> notObjects = new ArrayList<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                int index = 0;
                while (docs.hasNextValue()) {
                    int line = docs.getParser().currentTokenLocation().getLineNr();
                    JsonNode doc = docs.nextValue();
                    index++;
                    if (doc == null || doc.isNull() || doc.isMissingNode()) {
                        continue;
                    }
                    for (JsonNode item : itemsOf(doc)) {
                        Manifest m = new Manifest(env, path, item, item == doc ? line : 0);
                        if (!item.isObject() || m.apiVersion().isEmpty() || m.kind().isEmpty() || m.name().isEmpty()) {
                            notObjects.add(index);
                        } else {
                            found.add(m);
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                String why = "not valid YAML: " + e.getOriginalMessage()
                        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "");
                problems.add(fileProblem(env, path, strict, why));
                unparsed.put(path, why);
                return;
            } catch (IOException e) {
                problems.add(fileProblem(env, path, strict, "cannot be read: " + e.getMessage()));
                unparsed.put(path, "cannot be read: " + e.getMessage());
                return;
            }
            if (!strict && found.isEmpty()) {
                skipped.add(file);
                return;
            }
            notObjects.forEach(index -> problems.add(fileProblem(env, path, strict, "document " + index + " lacks apiVersion, kind or metadata.name")));
            manifests.addAll(found);
        });
        byEnv.forEach((env, manifests) -> problems.addAll(duplicates(manifests)));
        return new DistManifests(byEnv, problems, List.copyOf(skipped), unparsed);
    }

    /** The objects of a document: itself, or the items of a {@code List} ({@code v1 List}, or any {@code *List} kind with items). */
    private static List<JsonNode> itemsOf(JsonNode doc) {
        String kind = doc.path("kind").asText("");
        if (doc.isObject() && kind.endsWith("List") && doc.path("items").isArray() && doc.path("metadata").path("name").isMissingNode()) {
            List<JsonNode> items = new ArrayList<>();
            doc.path("items").forEach(items::add);
            return items;
        }
        return List.of(doc);
    }

    /** A problem of a whole file, named as the user finds it: {@code dist/<env>/<file>}, or its path in the folder checked. */
    private static Finding fileProblem(String env, String path, boolean inDist, String message) {
        Manifest file = new Manifest(env, path, YAML.createObjectNode());
        String shown = inDist ? "dist/" + path : path.substring(path.indexOf('/') + 1);
        return new Finding(Rule.DIST002, Rule.DIST002.severity(), env, ObjectRef.cluster("File", shown),
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
