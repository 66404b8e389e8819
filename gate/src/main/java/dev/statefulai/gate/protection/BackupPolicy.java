package dev.statefulai.gate.protection;

import dev.statefulai.facts.protection.BackupCoverage;
import dev.statefulai.facts.protection.CacheClaims;
import dev.statefulai.facts.protection.ClaimView;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.ManifestTrees;
import dev.statefulai.gate.model.ObjectRef;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POL007: every claim that is not a cache is backed up by a schedule in the environment (a Velero {@code Schedule} or a
 * snapscheduler {@code SnapshotSchedule} that selects it and can copy it, as {@link BackupCoverage} reads them). A cache
 * says so on the object that makes the claim ({@code cache.ai-storage.dev/<template or claim>: <why it can be had again>});
 * a claim backed up by other means waives the rule there with how. One finding per claim template (or claim).
 */
public final class BackupPolicy {
    private BackupPolicy() {
    }

    public static List<Finding> uncovered(Environment env) {
        ManifestTrees trees = new ManifestTrees(env);
        Map<String, List<BackupCoverage.Coverage>> bySource = new LinkedHashMap<>();
        for (BackupCoverage.Coverage c : BackupCoverage.of(trees.all(), ManifestTrees::yaml)) {
            if (!c.covered() && (c.cache() == null || c.cache().isBlank())) {
                bySource.computeIfAbsent(c.claim().ownerRef() + "\n" + c.claim().source(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (List<BackupCoverage.Coverage> group : bySource.values()) {
            ClaimView first = group.get(0).claim();
            List<String> names = group.stream().map(c -> c.claim().name()).toList();
            Set<String> missed = new LinkedHashSet<>();
            group.forEach(c -> missed.addAll(c.missed()));
            String which = names.size() == 1 ? "claim " + names.get(0)
                    : "claims " + names.get(0) + " .. " + names.get(names.size() - 1) + " (template " + first.source() + ")";
            String marker = CacheClaims.annotation(first.source());
            String message = which + " " + (names.size() == 1 ? "is" : "are") + " backed up by no schedule"
                    + (missed.isEmpty() ? "" : " (" + String.join("; ", missed) + ")")
                    + (group.get(0).cache() != null ? ": its cache marker " + marker + " gives no reason" : "")
                    + ": a lost volume loses the data; add a Velero or snapscheduler schedule that selects it, or, for a cache,"
                    + " say why it can be had again in " + marker + " on " + first.ownerRef();
            out.add(Finding.of(Rule.POL007, trees.manifestOf(first.owner()),
                    new ObjectRef("PersistentVolumeClaim", first.namespace(), names.get(0)), message));
        }
        return out;
    }
}
