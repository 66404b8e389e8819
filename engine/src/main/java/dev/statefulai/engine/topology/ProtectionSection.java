package dev.statefulai.engine.topology;

import dev.statefulai.facts.Waivers;
import dev.statefulai.facts.protection.BackupCoverage;
import dev.statefulai.facts.protection.BackupSchedule;
import dev.statefulai.facts.protection.CacheClaims;
import dev.statefulai.facts.protection.ClaimView;
import dev.statefulai.facts.protection.Cron;
import dev.statefulai.facts.protection.Durations;
import dev.statefulai.facts.protection.GitOps;
import dev.statefulai.facts.protection.Snapscheduler;
import dev.statefulai.facts.protection.Tree;
import dev.statefulai.facts.protection.Velero;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The data-protection part of an app's section of {@code storage.md}, for the person on call: what is backed up, by which
 * schedule, how often, how long it is kept, how much a restore can lose (the recovery point: the longest time between two
 * runs), what is not and why, and the commands that restore each claim. Read from the manifests alone, as the gate reads
 * them ({@link BackupCoverage}).
 */
final class ProtectionSection {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String app;
    private final String environment;
    private final List<Map<String, Object>> manifests;

    private ProtectionSection(String app, String environment, List<Map<String, Object>> manifests) {
        this.app = app;
        this.environment = environment;
        this.manifests = manifests;
    }

    /** The part for {@code manifests}, the app's manifests as maps; empty when the app has no claims. */
    static String of(String app, String environment, List<Map<String, Object>> manifests) {
        return new ProtectionSection(app, environment, manifests).markdown();
    }

    private String markdown() {
        List<BackupCoverage.Coverage> coverage = BackupCoverage.of(manifests, text -> {
            try {
                return YAML.readValue(text, Object.class);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        });
        if (coverage.isEmpty()) {
            return "";
        }
        Map<String, List<BackupCoverage.Coverage>> bySource = new LinkedHashMap<>();
        coverage.forEach(c -> bySource.computeIfAbsent(c.claim().ownerRef() + "\n" + c.claim().source(), k -> new ArrayList<>()).add(c));
        StringBuilder md = new StringBuilder("\n### Data protection\n\n")
                .append("| claims | backed up by | every (UTC) | recovery point | kept | how |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        List<String> backedUp = new ArrayList<>();
        List<BackupSchedule> schedules = new ArrayList<>();
        for (List<BackupCoverage.Coverage> group : bySource.values()) {
            BackupCoverage.Coverage first = group.get(0);
            String claims = claims(group);
            if (first.covered()) {
                group.forEach(c -> backedUp.add(c.claim().name()));
                for (BackupCoverage.Copy copy : first.copies()) {
                    BackupSchedule s = copy.schedule();
                    if (!schedules.contains(s)) {
                        schedules.add(s);
                    }
                    md.append("| ").append(claims).append(" | ").append(s.tool()).append(" ").append(s.isVelero() ? "Schedule " : "SnapshotSchedule ")
                            .append(s.namespace()).append('/').append(s.name()).append(" | `").append(s.cron()).append("` | ")
                            .append(Cron.parse(s.cron()).flatMap(Cron::longestGapMinutes).map(m -> "up to " + Cron.describeMinutes(m)).orElse("unknown"))
                            .append(" | ").append(kept(s)).append(" | ").append(how(copy)).append(" |\n");
                }
            } else {
                String why = first.cache() != null ? "not backed up: a cache, " + first.cache()
                        : Tree.strings(first.claim().owner(), "metadata", "annotations").containsKey(Waivers.annotation(CacheClaims.COVERAGE_RULE))
                        ? "not by a schedule here: " + Tree.strings(first.claim().owner(), "metadata", "annotations").get(Waivers.annotation(CacheClaims.COVERAGE_RULE))
                        : "**not backed up**" + (first.missed().isEmpty() ? "" : " (" + String.join("; ", first.missed()) + ")");
                md.append("| ").append(claims).append(" | ").append(why.replace("|", "\\|")).append(" | | | | |\n");
            }
        }
        hooks(md);
        gitOps(md);
        restore(md, schedules, backedUp);
        return md.toString();
    }

    private static String claims(List<BackupCoverage.Coverage> group) {
        ClaimView first = group.get(0).claim();
        return group.size() == 1 ? first.name()
                : first.name() + " .. " + group.get(group.size() - 1).claim().name() + " (template " + first.source() + ")";
    }

    private static String kept(BackupSchedule s) {
        String age = s.keep() == null ? null : Durations.describe(s.keep());
        String count = s.keepCount() == null ? null : "the last " + s.keepCount();
        if (age != null && count != null) {
            return age + " or " + count + ", whichever is fewer";
        }
        return age != null ? age : count != null ? count : "until deleted";
    }

    private static String how(BackupCoverage.Copy copy) {
        if (copy.method() == BackupCoverage.Method.FILE_SYSTEM) {
            return "file-system backup to object storage";
        }
        return copy.schedule().offCluster() ? "CSI snapshot, moved to object storage" : "CSI snapshot in the storage system";
    }

    private void hooks(StringBuilder md) {
        for (Map<String, Object> m : manifests) {
            Map<String, String> pod = Tree.strings(m, "spec", "template", "metadata", "annotations");
            if (pod.containsKey(Velero.PRE_BACKUP.command())) {
                md.append("\nBefore each Velero backup of its pods, ").append(m.get("kind")).append(' ').append(Tree.text(m, "", "metadata", "name"))
                        .append(" runs a pre-backup hook in container ").append(pod.getOrDefault(Velero.PRE_BACKUP.container(), "(the first)"))
                        .append(" (on failure: ").append(pod.getOrDefault(Velero.PRE_BACKUP.onError(), "Fail")).append(")")
                        .append(pod.containsKey(Velero.POST_BACKUP.command()) ? ", and a post-backup hook after it" : "")
                        .append(": see its ").append(Velero.PRE_BACKUP.command()).append(" annotation.\n");
            }
        }
    }

    private void gitOps(StringBuilder md) {
        List<String> kept = manifests.stream().filter(m -> !GitOps.protectedFrom(Tree.strings(m, "metadata", "annotations")).isEmpty())
                .map(m -> m.get("kind") + " " + Tree.text(m, "", "metadata", "name")).toList();
        if (!kept.isEmpty()) {
            md.append("\nArgo CD and Flux never delete ").append(String.join(", ", kept))
                    .append(" (").append(GitOps.ARGO_CD_SYNC_OPTIONS).append(": Prune=false,Delete=false; ").append(GitOps.FLUX_PRUNE)
                    .append(": disabled): one that leaves git stays in the cluster until deleted by hand.\n");
        }
    }

    /** The runbook: stop the app, delete the claims to restore, restore them, start the app. */
    private void restore(StringBuilder md, List<BackupSchedule> schedules, List<String> claims) {
        if (schedules.isEmpty()) {
            return;
        }
        String namespace = ClaimView.of(manifests).get(0).namespace();
        Map<String, String> sets = new TreeMap<>();
        manifests.stream().filter(m -> "StatefulSet".equals(m.get("kind")))
                .forEach(m -> sets.put(Tree.text(m, "", "metadata", "name"), Tree.text(m, "1", "spec", "replicas")));
        String values = "apps/" + app + "/values-" + environment + ".yaml";
        md.append("\n#### Restore\n\nPause the GitOps sync of ").append(app).append(" first (it would scale the app back), then:\n\n```sh\n");
        sets.keySet().forEach(s -> md.append("kubectl -n ").append(namespace).append(" scale statefulset ").append(s).append(" --replicas=0\n"));
        md.append("kubectl -n ").append(namespace).append(" delete pvc ").append(String.join(" ", claims)).append('\n');
        for (BackupSchedule s : schedules) {
            if (s.isVelero()) {
                Map<String, String> labels = Tree.strings(s.template(), "labelSelector", "matchLabels");
                md.append("velero backup get --selector ").append("velero.io/schedule-name=").append(s.name())
                        .append("   # the backups; restore the newest:\n")
                        .append("velero restore create --from-schedule ").append(s.name()).append(" --include-namespaces ").append(namespace)
                        .append(labels.isEmpty() ? "" : " --selector " + labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(","))).append(" --wait\n");
            } else {
                md.append("kubectl -n ").append(namespace).append(" get volumesnapshots   # ")
                        .append(Snapscheduler.snapshotName("<claim>", s.name(), "<YYYYMMDDHHMM>")).append('\n')
                        .append("# set restore.snapshotTime: \"<YYYYMMDDHHMM>\" in ").append(values)
                        .append(", then bin/ai-storage synth, bin/ai-storage check (it proves the claims bind and fit) and apply:\n")
                        .append("kubectl apply -k dist/").append(environment).append('\n');
            }
        }
        sets.forEach((s, n) -> md.append("kubectl -n ").append(namespace).append(" scale statefulset ").append(s).append(" --replicas=").append(n).append('\n'));
        md.append("```\n\n");
        List<String> preBound = ClaimView.of(manifests).stream().filter(c -> claims.contains(c.name()) && !Tree.text(c.spec(), "", "volumeName").isEmpty())
                .map(ClaimView::name).toList();
        if (!preBound.isEmpty()) {
            md.append("Claims bound to existing volumes (").append(String.join(", ", preBound)).append(") come back on new volumes:"
                    + " write their new volume ids (kubectl get pv) into ").append(values).append(" afterwards.\n\n");
        }
        md.append("Through git instead: `restore.backup: <backup>` (Velero) or `restore.snapshotTime` (snapscheduler) in ")
                .append(values).append(" writes the restore into dist/").append(environment).append(", which the gate checks; remove it once restored.\n");
    }
}
