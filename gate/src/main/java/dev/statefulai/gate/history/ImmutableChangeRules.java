package dev.statefulai.gate.history;

import dev.statefulai.facts.ClaimNames;

import dev.statefulai.gate.model.DistManifests;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statefulai.facts.KubeQuantity;
import dev.statefulai.facts.drivers.PersistentVolumeSources;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes the API server rejects on update (IMM001-IMM004) or that need a manual step (IMM005),
 * found by matching each object of dist/ with the same apiVersion/kind/namespace/name at the ref.
 * Every finding says how to roll the change out. Mirrors Kubernetes 1.28's update validation:
 * ValidateStatefulSetUpdate (pkg/apis/apps/validation/validation.go), ValidateStorageClassUpdate
 * (pkg/apis/storage/validation/validation.go), ValidatePersistentVolumeUpdate and
 * ValidatePersistentVolumeClaimUpdate (pkg/apis/core/validation/validation.go).
 */
public final class ImmutableChangeRules {
    /** The only spec fields ValidateStatefulSetUpdate (release-1.28) lets an update change; every other one is immutable. */
    private static final Set<String> STATEFULSET_MUTABLE = Set.of("replicas", "template", "updateStrategy", "minReadySeconds",
            "ordinals", "persistentVolumeClaimRetentionPolicy");
    /** Immutable fields in the order a report names them; any other immutable field follows by name. */
    private static final List<String> STATEFULSET_IMMUTABLE = List.of("volumeClaimTemplates", "selector", "serviceName",
            "podManagementPolicy", "revisionHistoryLimit");
    /** Defaults the API server fills in before it compares (SetDefaults_StatefulSet), so leaving one out is no change. */
    private static final Map<String, JsonNode> STATEFULSET_DEFAULTS = Map.of(
            "podManagementPolicy", com.fasterxml.jackson.databind.node.TextNode.valueOf("OrderedReady"),
            "revisionHistoryLimit", com.fasterxml.jackson.databind.node.IntNode.valueOf(10));

    public List<Finding> check(Environment before, Environment after) {
        List<Finding> out = new ArrayList<>();
        Environment.onBothSides(before, after, (was, now) -> {
            switch (now.kind()) {
                case "StatefulSet" -> statefulSet(after, was, now).ifPresent(out::add);
                case "StorageClass" -> storageClass(was, now).ifPresent(out::add);
                case "PersistentVolume" -> persistentVolume(was, now).ifPresent(out::add);
                case "PersistentVolumeClaim" -> out.addAll(claim(after, was, now));
                default -> {
                }
            }
        });
        return out;
    }

    private Optional<Finding> statefulSet(Environment env, Manifest was, Manifest now) {
        JsonNode a = was.spec();
        JsonNode b = now.spec();
        Set<String> fields = new TreeSet<>();
        a.fieldNames().forEachRemaining(fields::add);
        b.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(STATEFULSET_MUTABLE);
        List<String> ordered = new ArrayList<>(STATEFULSET_IMMUTABLE);
        fields.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        List<String> changed = new ArrayList<>();
        for (String field : ordered) {
            if (!withDefault(a, field).equals(withDefault(b, field))) {
                changed.add("spec." + field);
            }
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        String ns = now.namespace();
        StringBuilder migration = new StringBuilder()
                .append("kubectl -n ").append(ns).append(" delete statefulset ").append(now.name())
                .append(" --cascade=orphan  # pods and claims keep running; then apply dist/").append(env.name())
                .append(" (kubectl apply -k dist/").append(env.name()).append("): the new StatefulSet adopts the pods");
        if (changed.contains("spec.volumeClaimTemplates")) {
            migration.append(existingClaims(env, a, b, now));
        }
        return Optional.of(Finding.of(Rule.IMM001, now, String.join(", ", changed)
                + " changed: the API server rejects the update (these StatefulSet fields are immutable)")
                .withMigration(migration.toString()));
    }

    private static JsonNode withDefault(JsonNode spec, String field) {
        JsonNode value = spec.path(field);
        return value.isMissingNode() || value.isNull() ? STATEFULSET_DEFAULTS.getOrDefault(field, value) : value;
    }

    /**
     * What happens to the claims the replicas already have: the StatefulSet controller only creates
     * missing claims from the templates and never updates one, so they keep their old size and class.
     */
    private static String existingClaims(Environment env, JsonNode before, JsonNode after, Manifest sts) {
        StringBuilder out = new StringBuilder();
        Map<String, JsonNode> old = new LinkedHashMap<>();
        before.path("volumeClaimTemplates").forEach(t -> old.put(t.path("metadata").path("name").asText(), t));
        int replicas = Json.replicas(sts);
        for (JsonNode t : after.path("volumeClaimTemplates")) {
            String name = t.path("metadata").path("name").asText();
            JsonNode was = old.get(name);
            if (was == null) {
                out.append("; new template ").append(name).append(": claims are created for new pods only after the recreate");
                continue;
            }
            String fromClass = className(was.path("spec"));
            String toClass = className(t.path("spec"));
            if (!fromClass.equals(toClass)) {
                out.append(classMove(sts, name, fromClass, toClass, replicas));
                continue;
            }
            out.append(growth(env, sts, name, was, t, replicas));
        }
        return out.toString();
    }

    /** A template's class changed: existing replicas keep theirs; moving the data is a copy per claim. */
    private static String classMove(Manifest sts, String template, String from, String to, int replicas) {
        String claims = replicas <= 0 ? "(none yet)" : replicas == 1 ? claim(template, sts, 0)
                : claim(template, sts, 0) + " .. " + claim(template, sts, replicas - 1);
        String ns = sts.namespace();
        return "; template " + template + " moves from class " + from + " to " + to + ": the existing claims " + claims
                + " stay on " + from + " (the StatefulSet controller never changes a claim it made), only replicas created later get " + to
                + ". To move their data (each replica is down while its data moves): snapshot each claim (VolumeSnapshot; a snapshot"
                + " restores only within one CSI driver) or copy it with a Job mounting both claims; after the orphan delete and before"
                + " applying, for each n: kubectl -n " + ns + " delete pod " + sts.name() + "-<n>; kubectl -n " + ns + " delete pvc "
                + ClaimNames.ofAnyReplica(template, sts.name()) + " (its PV keeps the data only with reclaimPolicy Retain); create "
                + template + "-" + sts.name() + "-<n> on " + to + " from its snapshot (spec.dataSource kind VolumeSnapshot) or copy;"
                + " then apply: the new StatefulSet uses those claims";
    }

    /** A template grew: existing claims keep their size and must be grown one by one, if the class can. */
    private static String growth(Environment env, Manifest sts, String name, JsonNode was, JsonNode now, int replicas) {
        String from = was.path("spec").path("resources").path("requests").path("storage").asText("");
        String to = now.path("spec").path("resources").path("requests").path("storage").asText("");
        if (from.equals(to) || !bigger(to, from)) {
            return "";
        }
        String cls = now.path("spec").path("storageClassName").asText("");
        boolean expandable = env.storageClass(cls).map(c -> c.body().path("allowVolumeExpansion").asBoolean(false)).orElse(false);
        if (!expandable) {
            return "; template " + name + " grows " + from + " -> " + to + " but class " + (cls.isEmpty() ? "(default)" : cls)
                    + " does not allow volume expansion in dist: existing claims stay " + from
                    + " (copy the data to new claims, or enable allowVolumeExpansion on the class first)";
        }
        StringBuilder out = new StringBuilder("; existing claims keep ").append(from)
                .append(": grow them one by one, waiting for each resize to finish:");
        for (int n = 0; n < replicas; n++) {
            out.append(" kubectl -n ").append(sts.namespace()).append(" patch pvc ").append(claim(name, sts, n))
                    .append(" -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"").append(to).append("\"}}}}'")
                    .append(n + 1 < replicas ? ";" : "");
        }
        return out.toString();
    }

    private static String claim(String template, Manifest sts, int ordinal) {
        return template + "-" + sts.name() + "-" + ordinal;
    }

    private static String className(JsonNode claimSpec) {
        JsonNode c = claimSpec.path("storageClassName");
        return c.isMissingNode() || c.isNull() ? "(default)" : c.asText().isEmpty() ? "\"\" (no class)" : c.asText();
    }

    private static Optional<Finding> storageClass(Manifest was, Manifest now) {
        List<String> changed = new ArrayList<>();
        compare(changed, "provisioner", text(was.body(), "provisioner", ""), text(now.body(), "provisioner", ""));
        compare(changed, "parameters", emptyIfMissing(was.body().path("parameters")), emptyIfMissing(now.body().path("parameters")));
        compare(changed, "reclaimPolicy", text(was.body(), "reclaimPolicy", "Delete"), text(now.body(), "reclaimPolicy", "Delete"));
        compare(changed, "volumeBindingMode", text(was.body(), "volumeBindingMode", "Immediate"),
                text(now.body(), "volumeBindingMode", "Immediate"));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Rule.IMM002, now, String.join(", ", changed)
                        + " changed: the API server rejects the update (StorageClass fields are immutable)")
                .withMigration("give the class a new name (e.g. " + now.name() + "-v2) and point new claims at it; or "
                        + "'kubectl delete storageclass " + now.name() + "' and apply again. Either way existing PVs keep the old settings"));
    }

    private static Optional<Finding> persistentVolume(Manifest was, Manifest now) {
        ObjectNode a = source(was.spec());
        ObjectNode b = source(now.spec());
        if (a.equals(b)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Rule.IMM003, now, "volume source changed (" + describeSource(a) + " -> "
                        + describeSource(b) + "): the API server rejects the update (a PV's source is immutable)")
                .withMigration("create a PersistentVolume with a new name for the new source, copy the data, and bind a new claim to it;"
                        + " the old PV (Retain) keeps the old data until you delete it"));
    }

    private static List<Finding> claim(Environment env, Manifest was, Manifest now) {
        JsonNode a = was.spec();
        JsonNode b = now.spec();
        List<String> changed = new ArrayList<>();
        compare(changed, "storageClassName", a.path("storageClassName"), b.path("storageClassName"));
        compare(changed, "accessModes", a.path("accessModes"), b.path("accessModes"));
        compare(changed, "volumeMode", text(a, "volumeMode", "Filesystem"), text(b, "volumeMode", "Filesystem"));
        compare(changed, "volumeName", a.path("volumeName"), b.path("volumeName"));
        String from = a.path("resources").path("requests").path("storage").asText("");
        String to = b.path("resources").path("requests").path("storage").asText("");
        boolean grew = !from.equals(to) && bigger(to, from);
        if (!from.equals(to) && bigger(from, to)) {
            changed.add("resources.requests.storage shrank " + from + " -> " + to);
        }
        List<Finding> out = new ArrayList<>();
        if (!changed.isEmpty()) {
            out.add(Finding.of(Rule.IMM004, now, String.join(", ", changed)
                            + ": the API server rejects the update (a bound claim's spec is immutable except growing its request)")
                    .withMigration("create a claim with a new name and the new spec, copy the data into it (a Job mounting both,"
                            + " or restore a VolumeSnapshot), switch the workload to it, then delete the old claim"));
        }
        if (grew) {
            String cls = b.path("storageClassName").asText("");
            Optional<Manifest> sc = env.storageClass(cls);
            boolean expandable = sc.map(c -> c.body().path("allowVolumeExpansion").asBoolean(false)).orElse(false);
            if (!expandable) {
                out.add(Finding.of(Rule.IMM005, now, "request grows " + from + " -> " + to + " but class "
                                + (cls.isEmpty() ? "(default)" : cls)
                                + (sc.isEmpty() ? " is not in dist (cannot confirm allowVolumeExpansion)" : " does not set allowVolumeExpansion: true")
                                + ": the API server rejects the resize")
                        .withMigration("set allowVolumeExpansion: true on the class first (that field may change), or copy the data to a bigger new claim"));
            }
        }
        return out;
    }

    private static boolean bigger(String a, String b) {
        try {
            BigDecimal x = KubeQuantity.parse(a);
            BigDecimal y = KubeQuantity.parse(b);
            return x.compareTo(y) > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void compare(List<String> changed, String field, JsonNode before, JsonNode after) {
        if (!before.equals(after)) {
            boolean scalars = (before.isValueNode() || before.isMissingNode()) && (after.isValueNode() || after.isMissingNode());
            changed.add(field + (scalars ? " (" + show(before) + " -> " + show(after) + ")" : ""));
        }
    }

    private static String show(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "unset" : value.asText().isEmpty() ? "\"\"" : value.asText();
    }

    private static JsonNode text(JsonNode node, String field, String fallback) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(Json.text(node, field, fallback));
    }

    private static JsonNode emptyIfMissing(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? DistManifests.emptyObject() : node;
    }

    private static ObjectNode source(JsonNode pvSpec) {
        ObjectNode out = DistManifests.emptyObject();
        PersistentVolumeSources.FIELDS.stream().filter(pvSpec::has).forEach(f -> out.set(f, pvSpec.get(f)));
        return out;
    }

    private static String describeSource(ObjectNode source) {
        if (source.isEmpty()) {
            return "none";
        }
        String field = source.fieldNames().next();
        JsonNode s = source.get(field);
        String detail = s.has("volumeHandle") ? s.get("volumeHandle").asText() : s.has("path") ? s.get("path").asText() : "";
        return field + (detail.isEmpty() ? "" : " " + detail);
    }
}
