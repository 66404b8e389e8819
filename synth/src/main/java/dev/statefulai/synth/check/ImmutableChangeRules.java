package dev.statefulai.synth.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statefulai.constructs.Validate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes the API server rejects on update (IMM001-IMM004) or that need a manual step (IMM005),
 * found by matching each object of dist/ with the same apiVersion/kind/namespace/name at the ref.
 * Every finding says how to roll the change out.
 */
final class ImmutableChangeRules {
    private static final List<String> STATEFULSET_IMMUTABLE = List.of("volumeClaimTemplates", "selector", "serviceName", "podManagementPolicy");

    List<Finding> check(Environment before, Environment after) {
        Map<String, Manifest> old = new LinkedHashMap<>();
        before.all().forEach(m -> old.put(m.identity(), m));
        List<Finding> out = new ArrayList<>();
        for (Manifest now : after.all()) {
            Manifest was = old.get(now.identity());
            if (was == null) {
                continue;
            }
            switch (now.kind()) {
                case "StatefulSet" -> statefulSet(after, was, now).ifPresent(out::add);
                case "StorageClass" -> storageClass(was, now).ifPresent(out::add);
                case "PersistentVolume" -> persistentVolume(was, now).ifPresent(out::add);
                case "PersistentVolumeClaim" -> out.addAll(claim(after, was, now));
                default -> {
                }
            }
        }
        return out;
    }

    private Optional<Finding> statefulSet(Environment env, Manifest was, Manifest now) {
        JsonNode a = was.spec();
        JsonNode b = now.spec();
        List<String> changed = new ArrayList<>();
        for (String field : STATEFULSET_IMMUTABLE) {
            JsonNode before = field.equals("podManagementPolicy") ? text(a, field, "OrderedReady") : a.path(field);
            JsonNode after = field.equals("podManagementPolicy") ? text(b, field, "OrderedReady") : b.path(field);
            if (!before.equals(after)) {
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
            migration.append(growClaims(env, a, b, now));
        }
        return Optional.of(Finding.of(Rule.IMM001, now, String.join(", ", changed)
                + " changed: the API server rejects the update (these StatefulSet fields are immutable)")
                .withMigration(migration.toString()));
    }

    /** Existing replica claims keep their old size: each must be grown by hand, if the class can. */
    private static String growClaims(Environment env, JsonNode before, JsonNode after, Manifest sts) {
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
            String from = was.path("spec").path("resources").path("requests").path("storage").asText("");
            String to = t.path("spec").path("resources").path("requests").path("storage").asText("");
            if (from.equals(to) || !bigger(to, from)) {
                continue;
            }
            String cls = t.path("spec").path("storageClassName").asText("");
            boolean expandable = env.storageClass(cls).map(c -> c.body().path("allowVolumeExpansion").asBoolean(false)).orElse(false);
            if (!expandable) {
                out.append("; template ").append(name).append(" grows ").append(from).append(" -> ").append(to)
                        .append(" but class ").append(cls.isEmpty() ? "(default)" : cls)
                        .append(" does not allow volume expansion in dist: existing claims stay ").append(from)
                        .append(" (copy the data to new claims, or enable allowVolumeExpansion on the class first)");
                continue;
            }
            out.append("; existing claims keep ").append(from).append(": grow them one by one, waiting for each resize to finish:");
            for (int n = 0; n < replicas; n++) {
                out.append(" kubectl -n ").append(sts.namespace()).append(" patch pvc ").append(name).append('-')
                        .append(sts.name()).append('-').append(n)
                        .append(" -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"").append(to).append("\"}}}}'")
                        .append(n + 1 < replicas ? ";" : "");
            }
        }
        return out.toString();
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
            BigDecimal x = Validate.bytes(a);
            BigDecimal y = Validate.bytes(b);
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
        StorageBackends.PV_SOURCES.stream().filter(pvSpec::has).forEach(f -> out.set(f, pvSpec.get(f)));
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
