package dev.statefulai.engine.topology;

import dev.statefulai.facts.ClaimNames;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A picture of an app's storage in one environment, as a Markdown section with a Mermaid flowchart and a table:
 * StatefulSets and their replicas' claims, standalone claims, the PersistentVolumes behind them (with
 * their backend, node or zone) and the StorageClasses (provisioner, reclaim policy, binding mode).
 * Reviewers read a picture faster than YAML. Derived from the manifests alone, so it fits every app.
 * The sections of an environment's apps make its {@code storage.md} ({@link #document}).
 */
public final class StorageTopology {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final List<JsonNode> objects;
    /** The same objects as maps, as the data-protection part reads them. */
    private final List<Map<String, Object>> manifests;
    private final Map<String, JsonNode> classes = new TreeMap<>();
    private final StringBuilder graph = new StringBuilder();
    private final List<String> rows = new ArrayList<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    private StorageTopology(List<JsonNode> objects, List<Map<String, Object>> manifests) {
        this.objects = objects;
        this.manifests = manifests;
        for (JsonNode o : objects) {
            if ("StorageClass".equals(o.path("kind").asText())) {
                classes.put(o.path("metadata").path("name").asText(), o);
            }
        }
    }

    /** The file name of an environment's pictures, beside its manifests. */
    public static final String FILE = "storage.md";
    private static final String SECTION = "## ";

    /** An environment's {@code storage.md}: a title, then the sections of its apps in order. */
    public static String document(String environment, List<String> sections) {
        StringBuilder md = new StringBuilder()
                .append("# Storage in ").append(environment).append("\n\n")
                .append("Generated from the manifests beside this file, one section per app; do not edit.\n");
        sections.forEach(s -> md.append('\n').append(s));
        return md.toString();
    }

    /** The sections of a {@link #document}, by app; what does not parse as one simply is not there. */
    public static Map<String, String> sections(String document) {
        Map<String, String> out = new LinkedHashMap<>();
        int at = document.indexOf("\n" + SECTION);
        while (at >= 0) {
            int start = at + 1;
            int next = document.indexOf("\n\n" + SECTION, start);
            int end = next < 0 ? document.length() : next + 1;
            String section = document.substring(start, end);
            out.put(section.substring(SECTION.length(), section.indexOf('\n')), section);
            at = next < 0 ? -1 : next + 1;
        }
        return out;
    }

    /** The section for the manifests in {@code yaml} (a multi-document YAML string). */
    public static String render(String app, String environment, String yaml) {
        List<JsonNode> objects = parse(yaml);
        List<Map<String, Object>> manifests = new ArrayList<>(objects.size());
        objects.forEach(o -> manifests.add(YAML.convertValue(o, MAP)));
        return new StorageTopology(objects, manifests).markdown(app, environment);
    }

    /** The section for the manifests {@code documents}, as rendered on the Java side. */
    public static String render(String app, String environment, List<Map<String, Object>> documents) {
        // The documents are JSON-like maps already: read as they are, not through a serializer (valueToTree
        // and back cost the synth of a fleet a twentieth of its time).
        List<JsonNode> objects = new ArrayList<>(documents.size());
        documents.forEach(d -> objects.add(node(d)));
        return new StorageTopology(objects, documents).markdown(app, environment);
    }

    /** A JSON-like value (maps, lists, strings, numbers, booleans, null) as the Jackson node {@code valueToTree} makes of it. */
    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), node(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode(list.size());
            list.forEach(v -> out.add(node(v)));
            return out;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        return YAML.valueToTree(value);
    }

    private static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && doc.isObject()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String markdown(String app, String environment) {
        for (JsonNode o : objects) {
            switch (o.path("kind").asText()) {
                case "StatefulSet" -> statefulSet(o);
                case "PersistentVolumeClaim" -> claim(o.path("metadata").path("name").asText(), o.path("spec"), null);
                case "PersistentVolume" -> volume(o);
                default -> { }
            }
        }
        classes.forEach((name, c) -> node(classId(name), "StorageClass " + name + "<br/>" + c.path("provisioner").asText()
                + "<br/>" + c.path("reclaimPolicy").asText("Delete") + " · " + c.path("volumeBindingMode").asText("Immediate")));
        StringBuilder md = new StringBuilder()
                .append(SECTION).append(app).append("\n\n")
                .append("From `").append(app).append(".yaml`.\n\n")
                .append("```mermaid\nflowchart LR\n").append(graph).append("```\n\n")
                .append("| claim or volume | size | access | storage class | reclaim | backed by |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(r -> md.append(r).append('\n'));
        return md.append(ProtectionSection.of(app, environment, manifests)).toString();
    }

    private void statefulSet(JsonNode sts) {
        String name = sts.path("metadata").path("name").asText();
        int replicas = sts.path("spec").path("replicas").asInt(1);
        String stsId = id("sts:" + name);
        node(stsId, "StatefulSet " + name + "<br/>" + replicas + (replicas == 1 ? " replica" : " replicas"));
        for (JsonNode template : sts.path("spec").path("volumeClaimTemplates")) {
            String templateName = template.path("metadata").path("name").asText();
            for (int i = 0; i < replicas; i++) {
                String claim = ClaimNames.ofReplica(templateName, name, i);
                claim(claim, template.path("spec"), stsId);
            }
        }
    }

    private void claim(String name, JsonNode spec, String ownerId) {
        String claimId = id("pvc:" + name);
        String size = spec.path("resources").path("requests").path("storage").asText();
        String storageClass = spec.path("storageClassName").asText("(cluster default)");
        node(claimId, "PVC " + name + "<br/>" + size + " " + modes(spec));
        if (ownerId != null) {
            edge(ownerId, claimId);
        }
        String volumeName = spec.path("volumeName").asText("");
        if (!volumeName.isEmpty()) {
            edge(claimId, id("pv:" + volumeName));
        } else if (classes.containsKey(storageClass)) {
            edge(claimId, classId(storageClass));
        }
        JsonNode cls = classes.get(storageClass);
        rows.add("| PVC " + name + " | " + size + " | " + modes(spec) + " | " + storageClass + " | "
                + (cls == null ? "" : cls.path("reclaimPolicy").asText("Delete")) + " | "
                + (volumeName.isEmpty() ? (cls == null ? "" : "provisioned by " + cls.path("provisioner").asText()) : "PV " + volumeName) + " |");
    }

    private void volume(JsonNode pv) {
        String name = pv.path("metadata").path("name").asText();
        JsonNode spec = pv.path("spec");
        String backend = backend(spec);
        String size = spec.path("capacity").path("storage").asText();
        String reclaim = spec.path("persistentVolumeReclaimPolicy").asText("Retain");
        String pvId = id("pv:" + name);
        node(pvId, "PV " + name + "<br/>" + size + " · " + reclaim + "<br/>" + backend);
        String storageClass = spec.path("storageClassName").asText("");
        if (classes.containsKey(storageClass)) {
            edge(pvId, classId(storageClass));
        }
        rows.add("| PV " + name + " | " + size + " | " + modes(spec) + " | " + storageClass + " | " + reclaim + " | " + backend + " |");
    }

    private static String backend(JsonNode spec) {
        String where = "";
        for (JsonNode term : spec.path("nodeAffinity").path("required").path("nodeSelectorTerms")) {
            for (JsonNode expr : term.path("matchExpressions")) {
                List<String> values = new ArrayList<>();
                expr.path("values").forEach(v -> values.add(v.asText()));
                where = " on " + String.join(",", values);
            }
        }
        if (spec.has("csi")) {
            return spec.path("csi").path("driver").asText() + " " + spec.path("csi").path("volumeHandle").asText() + where;
        }
        if (spec.has("local")) {
            return "local " + spec.path("local").path("path").asText() + where;
        }
        if (spec.has("awsElasticBlockStore")) {
            return "in-tree EBS " + spec.path("awsElasticBlockStore").path("volumeID").asText() + where;
        }
        return "volume" + where;
    }

    private static String modes(JsonNode spec) {
        List<String> modes = new ArrayList<>();
        spec.path("accessModes").forEach(m -> modes.add(switch (m.asText()) {
            case "ReadWriteOnce" -> "RWO";
            case "ReadOnlyMany" -> "ROX";
            case "ReadWriteMany" -> "RWX";
            case "ReadWriteOncePod" -> "RWOP";
            default -> m.asText();
        }));
        return String.join(",", modes);
    }

    private String classId(String name) {
        return id("sc:" + name);
    }

    /** Mermaid ids must be simple: number the objects in the order they appear. */
    private String id(String key) {
        return ids.computeIfAbsent(key, k -> "n" + ids.size());
    }

    private void node(String id, String label) {
        graph.append("  ").append(id).append("[\"").append(label.replace("\"", "'")).append("\"]\n");
    }

    private void edge(String from, String to) {
        graph.append("  ").append(from).append(" --> ").append(to).append('\n');
    }
}
