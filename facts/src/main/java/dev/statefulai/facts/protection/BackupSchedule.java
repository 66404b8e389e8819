package dev.statefulai.facts.protection;

import java.util.Map;

/**
 * A backup schedule read from its manifest: a Velero {@code Schedule} or a snapscheduler {@code SnapshotSchedule}.
 *
 * @param tool      {@code Velero} or {@code snapscheduler}
 * @param cron      when it runs ({@code spec.schedule})
 * @param keep      how long a backup is kept: Velero's {@code ttl} (its server default, 720h, when none) or snapscheduler's
 *                  {@code retention.expires}; null when nothing limits it
 * @param keepCount snapscheduler's {@code retention.maxCount} per claim; null when none
 * @param offCluster true when the data is copied off the cluster's storage (Velero's {@code snapshotMoveData}), false when
 *                  the copies are snapshots of the storage system only
 * @param manifest  the schedule's manifest
 */
public record BackupSchedule(String tool, String namespace, String name, String cron, String keep, Integer keepCount,
                             boolean offCluster, Map<String, Object> manifest) {
    /** Velero's default time to live of a backup ({@code --default-backup-ttl} of {@code velero server}). */
    public static final String VELERO_DEFAULT_TTL = "720h";

    /** The schedule of {@code manifest}, or null when it is none. */
    public static BackupSchedule of(Map<String, Object> manifest) {
        String apiVersion = String.valueOf(manifest.get("apiVersion"));
        String name = Tree.text(manifest, "", "metadata", "name");
        String cron = Tree.text(manifest, "", "spec", "schedule");
        if (Velero.API_VERSION.equals(apiVersion) && Velero.SCHEDULE.equals(manifest.get("kind"))) {
            if (Tree.is(manifest, true, "spec", "paused")) {
                return null;
            }
            return new BackupSchedule("Velero", ClaimView.namespace(manifest), name, cron,
                    Tree.text(manifest, VELERO_DEFAULT_TTL, "spec", "template", "ttl"), null,
                    Tree.is(manifest, true, "spec", "template", "snapshotMoveData"), manifest);
        }
        if (Snapscheduler.API_VERSION.equals(apiVersion) && Snapscheduler.KIND.equals(manifest.get("kind"))) {
            if (Tree.is(manifest, true, "spec", "disabled")) {
                return null;
            }
            Object count = Tree.at(manifest, "spec", "retention", "maxCount");
            return new BackupSchedule("snapscheduler", ClaimView.namespace(manifest), name, cron,
                    Tree.text(manifest, null, "spec", "retention", "expires"), count instanceof Number n ? n.intValue() : null,
                    false, manifest);
        }
        return null;
    }

    /** True for a Velero Schedule. */
    public boolean isVelero() {
        return tool.equals("Velero");
    }

    /** The Velero Backup spec the schedule makes its backups from (empty for snapscheduler). */
    public Map<String, Object> template() {
        return Tree.map(manifest, "spec", "template");
    }
}
