package dev.statefulai.gate.history;

import dev.statefulai.facts.ClaimNames;

import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IMM006: a StatefulSet or PVC that disappears while another of the same kind appears in the same
 * namespace is most likely a rename, and a rename does not move data: the old claims stay behind and
 * the new object starts empty. Reported on the new object, which is where a waiver can go.
 */
public final class RenameRules {
    private static final List<String> KINDS = List.of("StatefulSet", "PersistentVolumeClaim");

    public List<Finding> check(Environment before, Environment after) {
        List<Finding> out = new ArrayList<>();
        for (String kind : KINDS) {
            Set<String> namespaces = after.ofKind(kind).stream().map(Manifest::namespace).collect(Collectors.toCollection(java.util.TreeSet::new));
            for (String ns : namespaces) {
                List<Manifest> old = inNamespace(before, kind, ns);
                List<Manifest> now = inNamespace(after, kind, ns);
                Set<String> oldNames = names(old);
                Set<String> newNames = names(now);
                List<String> removed = old.stream().map(Manifest::name).filter(n -> !newNames.contains(n)).toList();
                List<Manifest> added = now.stream().filter(m -> !oldNames.contains(m.name())).toList();
                if (removed.isEmpty() || added.isEmpty()) {
                    continue;
                }
                for (Manifest m : added) {
                    out.add(Finding.of(Rule.IMM006, m, kind + " " + String.join(", ", removed) + " disappeared while " + m.name()
                                    + " appeared in namespace " + ns + ": if this is a rename, " + consequence(kind, old, removed, m))
                            .withMigration(migration(kind, removed, m)));
                }
            }
        }
        return out;
    }

    private static String consequence(String kind, List<Manifest> old, List<String> removed, Manifest added) {
        if (kind.equals("PersistentVolumeClaim")) {
            return "the new claim gets a new, empty volume and the old claim's data is released (or deleted, per reclaimPolicy)";
        }
        List<String> claims = new ArrayList<>();
        old.stream().filter(m -> removed.contains(m.name())).forEach(sts -> sts.spec().path("volumeClaimTemplates")
                .forEach(t -> claims.add(ClaimNames.ofAnyReplica(t.path("metadata").path("name").asText(), sts.name()))));
        return "the old claims (" + (claims.isEmpty() ? "none" : String.join(", ", claims))
                + ") stay behind with the data and " + added.name() + " starts with empty volumes";
    }

    private static String migration(String kind, List<String> removed, Manifest added) {
        if (kind.equals("PersistentVolumeClaim")) {
            return "keep the old name; or copy the data from " + String.join("/", removed) + " into " + added.name()
                    + " (a Job mounting both, or a VolumeSnapshot restore) before deleting the old claim";
        }
        return "keep the old name; or scale " + String.join("/", removed) + " to 0, copy each claim <template>-"
                + removed.get(0) + "-<n> into <template>-" + added.name() + "-<n> (or pre-create those claims from"
                + " VolumeSnapshots) before the new StatefulSet starts, then delete the old claims";
    }

    private static List<Manifest> inNamespace(Environment env, String kind, String ns) {
        return env.ofKind(kind).stream().filter(m -> m.namespace().equals(ns)).toList();
    }

    private static Set<String> names(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::name).collect(Collectors.toSet());
    }
}
