package dev.statefulai.gate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.ImageReference;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.LabelSelectors;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How workloads' pods run, by the checks teams already run on manifests: bounded scratch (POD001), a
 * read-only root file system (POD002), replicas spread over nodes (POD003), an explicit image pull
 * policy (POD004) and images pinned by digest (POD005). Each finding names the container or volume;
 * levels per environment come from {@link PolicyConfig}, waivers from the workload's annotations.
 *
 * @param config the levels of the rules per environment
 */
public record PodRules(PolicyConfig config) implements CheckStage {
    /** The node label a spread over nodes keys on. */
    static final String HOSTNAME = "kubernetes.io/hostname";

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> raw = new ArrayList<>();
        for (Manifest w : env.workloads()) {
            JsonNode pod = Environment.podSpec(w);
            unboundedScratch(w, pod, raw);
            writableRoots(w, pod, raw);
            spread(w, pod, raw);
            images(w, pod, raw);
        }
        return config.apply(env.name(), raw);
    }

    /**
     * POD001. The kubelet counts disk-backed emptyDir volumes as the pod's ephemeral storage and evicts a
     * pod whose emptyDir outgrows its sizeLimit; tmpfs ones count against memory (Kubernetes docs,
     * "Local ephemeral storage" in Resource Management for Pods and Containers). A volume with no
     * source at all is an emptyDir (SetDefaults_Volume).
     */
    private static void unboundedScratch(Manifest w, JsonNode pod, List<Finding> out) {
        Set<String> diskBacked = new TreeSet<>();
        List<String> unsized = new ArrayList<>();
        for (JsonNode volume : pod.path("volumes")) {
            String name = volume.path("name").asText();
            boolean emptyDir = volume.has("emptyDir") || volume.size() == 1;
            if (!emptyDir) {
                continue;
            }
            JsonNode source = volume.path("emptyDir");
            if (!source.has("sizeLimit")) {
                unsized.add(name);
            }
            if (!"Memory".equals(source.path("medium").asText(""))) {
                diskBacked.add(name);
            }
        }
        if (!unsized.isEmpty()) {
            out.add(Finding.of(Rule.POD001, w, "emptyDir volume(s) " + String.join(", ", unsized) + " have no sizeLimit: a cache"
                    + " that grows without bound fills the node's disk (or, in memory, the pod's memory limit); set emptyDir.sizeLimit"));
        }
        List<String> unrequested = new ArrayList<>();
        for (JsonNode c : Environment.containers(pod)) {
            List<String> mounted = new ArrayList<>();
            c.path("volumeMounts").forEach(m -> {
                if (diskBacked.contains(m.path("name").asText()) && !mounted.contains(m.path("name").asText())) {
                    mounted.add(m.path("name").asText());
                }
            });
            if (!mounted.isEmpty() && !c.path("resources").path("requests").has("ephemeral-storage")) {
                unrequested.add(c.path("name").asText() + " (mounts " + String.join(", ", mounted) + ")");
            }
        }
        if (!unrequested.isEmpty()) {
            out.add(Finding.of(Rule.POD001, w, "container(s) " + String.join("; ", unrequested) + " write to the node's disk and request"
                    + " no ephemeral-storage: the scheduler may place them on a node without room; request the emptyDir sizes"));
        }
    }

    /** POD002, as kube-linter's no-read-only-root-fs reads it: every container, init containers too. */
    private static void writableRoots(Manifest w, JsonNode pod, List<Finding> out) {
        List<String> writable = new ArrayList<>();
        for (JsonNode c : Environment.containers(pod)) {
            if (!c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)) {
                writable.add(c.path("name").asText());
            }
        }
        if (!writable.isEmpty()) {
            out.add(Finding.of(Rule.POD002, w, "container(s) " + String.join(", ", writable) + " can write to the image's file system:"
                    + " set securityContext.readOnlyRootFilesystem: true and mount sized emptyDir volumes where the image writes"
                    + " (/tmp, its home, its caches)"));
        }
    }

    /**
     * POD003: an anti-affinity term on kubernetes.io/hostname whose selector matches the pod's labels
     * (kube-linter's anti-affinity template and kube-score's hasPodAntiAffinity look for that, preferred
     * or required), or a topology spread constraint on the same key.
     */
    private static void spread(Manifest w, JsonNode pod, List<Finding> out) {
        int replicas = Json.replicas(w);
        if (replicas <= 1) {
            return;
        }
        Map<String, String> labels = Json.stringMap(w.spec().path("template").path("metadata").path("labels"));
        JsonNode anti = pod.path("affinity").path("podAntiAffinity");
        List<JsonNode> terms = new ArrayList<>();
        anti.path("requiredDuringSchedulingIgnoredDuringExecution").forEach(terms::add);
        anti.path("preferredDuringSchedulingIgnoredDuringExecution").forEach(t -> terms.add(t.path("podAffinityTerm")));
        pod.path("topologySpreadConstraints").forEach(terms::add);
        boolean spread = terms.stream().anyMatch(t -> HOSTNAME.equals(t.path("topologyKey").asText())
                && t.has("labelSelector") && LabelSelectors.matches(t.path("labelSelector"), labels)
                && (!t.has("namespaces") || t.path("namespaces").isEmpty() || Json.strings(t.path("namespaces")).contains(w.namespace())));
        if (!spread) {
            out.add(Finding.of(Rule.POD003, w, replicas + " replicas and no pod anti-affinity or topology spread on " + HOSTNAME
                    + " selecting its pods: the scheduler may put several on one node, and losing that node loses them all;"
                    + " add podAntiAffinity (preferred is enough) with topologyKey " + HOSTNAME + " and the workload's selector"));
        }
    }

    /** POD004 and POD005, per container. */
    private static void images(Manifest w, JsonNode pod, List<Finding> out) {
        List<String> noPolicy = new ArrayList<>();
        List<String> cached = new ArrayList<>();
        List<String> unpinned = new ArrayList<>();
        for (JsonNode c : Environment.containers(pod)) {
            String name = c.path("name").asText();
            String image = c.path("image").asText("");
            String policy = c.path("imagePullPolicy").asText("");
            boolean pinned = ImageReference.pinnedByDigest(image);
            if (policy.isEmpty()) {
                noPolicy.add(name);
            } else if (!pinned && (policy.equals("IfNotPresent") || policy.equals("Never"))) {
                cached.add(name + " (" + image + ", " + policy + ")");
            }
            if (!pinned) {
                unpinned.add(name + " (" + image + ")");
            }
        }
        if (!noPolicy.isEmpty()) {
            out.add(Finding.of(Rule.POD004, w, "container(s) " + String.join(", ", noPolicy) + " set no imagePullPolicy: Kubernetes picks"
                    + " one from the tag; write Always, or IfNotPresent for an image pinned by digest"));
        }
        if (!cached.isEmpty()) {
            out.add(Finding.of(Rule.POD004, w, "container(s) " + String.join("; ", cached) + " keep a node's copy of a tag, which may"
                    + " since point elsewhere: nodes run different images; pull Always, or pin the image by digest"));
        }
        if (!unpinned.isEmpty()) {
            out.add(Finding.of(Rule.POD005, w, "image(s) of " + String.join("; ", unpinned) + " are not pinned by digest: what a tag"
                    + " names can change; append @sha256:<digest>"));
        }
    }
}
