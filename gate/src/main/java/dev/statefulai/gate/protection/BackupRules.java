package dev.statefulai.gate.protection;

import dev.statefulai.facts.protection.BackupCoverage;
import dev.statefulai.facts.protection.BackupSchedule;
import dev.statefulai.facts.protection.Cron;
import dev.statefulai.facts.protection.Tree;
import dev.statefulai.facts.protection.Velero;
import dev.statefulai.facts.drivers.StorageDriver;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.ManifestTrees;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backup schedules that do not do what they say: a cron or resource policies the tool refuses (BAK001; Velero's
 * {@code cron.ParseStandard} and {@code getResourcePoliciesFromConfig}/{@code Validate}, internal/resourcepolicies), resource
 * policies that are not in the environment (BAK002), CSI snapshots of a driver whose VolumeSnapshotClasses Velero would not
 * pick (BAK003; site/content/docs/v1.18/csi.md: the label {@code velero.io/csi-volumesnapshot-class: "true"} or the default
 * annotation), snapshots kept without bound (BAK004; snapscheduler docs/usage.md, "Quotas &amp; Limiting resource usage").
 */
public final class BackupRules implements CheckStage {
    private static final String DEFAULT_SNAPSHOT_CLASS = "snapshot.storage.kubernetes.io/is-default-class";

    @Override
    public List<Finding> check(Environment env) {
        ManifestTrees trees = new ManifestTrees(env);
        List<Finding> out = new ArrayList<>();
        for (Map<String, Object> tree : trees.all()) {
            BackupSchedule schedule = BackupSchedule.of(tree);
            if (schedule == null) {
                continue;
            }
            Manifest m = trees.manifestOf(tree);
            if (Cron.parse(schedule.cron()).isEmpty()) {
                out.add(Finding.of(Rule.BAK001, m, "spec.schedule '" + schedule.cron() + "' is no schedule " + schedule.tool()
                        + " runs; allowed: " + Cron.ALLOWED));
            }
            if (schedule.isVelero()) {
                resourcePolicies(env, schedule, m).ifPresent(out::add);
            } else if (schedule.keep() == null && schedule.keepCount() == null) {
                out.add(Finding.of(Rule.BAK004, m, "no spec.retention: every snapshot is kept until someone deletes it, and the"
                        + " snapshots of " + schedule.cron() + " fill the storage system and etcd; set retention.expires and/or maxCount"));
            }
        }
        out.addAll(snapshotClasses(env, trees));
        return out;
    }

    /** BAK001/BAK002: the ConfigMap a Schedule's {@code resourcePolicy} names, as Velero reads it. */
    private static Optional<Finding> resourcePolicies(Environment env, BackupSchedule schedule, Manifest m) {
        Map<String, Object> ref = Tree.map(schedule.template(), "resourcePolicy");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        String name = Tree.text(ref, "", "name");
        if (!Velero.RESOURCE_POLICY_KIND.equalsIgnoreCase(Tree.text(ref, "", "kind"))) {
            return Optional.of(Finding.of(Rule.BAK001, m, "spec.template.resourcePolicy.kind is '" + Tree.text(ref, "", "kind")
                    + "': Velero reads resource policies from a configmap only"));
        }
        Optional<Manifest> cm = env.find("ConfigMap", schedule.namespace(), name);
        if (cm.isEmpty()) {
            return Optional.of(Finding.of(Rule.BAK002, m, "resource policies ConfigMap " + schedule.namespace() + "/" + name
                    + " is not in dist/" + env.name() + ": Velero fails every backup of this schedule while it does not exist"));
        }
        Map<String, Object> data = Tree.map(ManifestTrees.tree(cm.get()), "data");
        String problem = null;
        Object policies = null;
        if (data.size() != 1) {
            problem = "holds " + data.size() + " data entries; Velero reads exactly one";
        } else {
            try {
                policies = ManifestTrees.yaml(String.valueOf(data.values().iterator().next()));
            } catch (IllegalArgumentException e) {
                problem = "is not YAML: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
        if (problem == null && !Velero.RESOURCE_POLICY_VERSION.equals(Tree.text(policies, "", "version"))) {
            problem = "has version '" + Tree.text(policies, "", "version") + "'; Velero reads version v1 only";
        }
        if (problem == null) {
            for (Object policy : Tree.list(policies, "volumePolicies")) {
                String action = Tree.text(policy, "", "action", "type");
                if (!Velero.VOLUME_ACTIONS.contains(action)) {
                    problem = "has a volume policy action '" + action + "'; Velero knows " + String.join(", ", Velero.VOLUME_ACTIONS);
                }
            }
        }
        return problem == null ? Optional.empty() : Optional.of(Finding.of(Rule.BAK001, m,
                "resource policies ConfigMap " + schedule.namespace() + "/" + name + " " + problem + ": Velero fails every backup of this schedule"));
    }

    /** BAK003: drivers Velero snapshots whose classes in the environment it would not pick. */
    private static List<Finding> snapshotClasses(Environment env, ManifestTrees trees) {
        List<Finding> out = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        BackupCoverage coverage = BackupCoverage.over(trees.all(), ManifestTrees::yaml);
        for (BackupCoverage.Coverage c : coverage.coverage()) {
            StorageDriver driver = coverage.driver(c.claim()).orElse(null);
            boolean bySnapshot = c.copies().stream().anyMatch(copy -> copy.schedule().isVelero() && copy.method() == BackupCoverage.Method.SNAPSHOT);
            if (driver == null || driver.csiDriver() == null || !bySnapshot || !reported.add(driver.csiDriver())) {
                continue;
            }
            List<Manifest> classes = env.ofKind("VolumeSnapshotClass").stream()
                    .filter(v -> driver.csiDriver().equals(v.body().path("driver").asText())).toList();
            boolean picked = classes.stream().anyMatch(v -> "true".equals(v.labels().get(Velero.SNAPSHOT_CLASS_LABEL))
                    || "true".equals(v.annotations().get(DEFAULT_SNAPSHOT_CLASS)));
            if (!classes.isEmpty() && !picked) {
                out.add(Finding.of(Rule.BAK003, classes.get(0), "Velero snapshots claims of " + driver.csiDriver() + " (" + c.claim().name()
                        + "), and none of its VolumeSnapshotClasses here carries the label " + Velero.SNAPSHOT_CLASS_LABEL + ": \"true\" or "
                        + DEFAULT_SNAPSHOT_CLASS + ": \"true\": label the one Velero should use, or the backups of these claims fail"));
            }
        }
        return out;
    }
}
