package dev.statefulai.app.values;

import dev.statefulai.constructs.protection.BackupTool;
import java.util.List;
import java.util.Map;

/**
 * Scheduled backups of an app's claims in values files (key {@code backup}): how often, how long they are kept, which
 * claims; rendered for the tool the cluster runs. Caches the app knows can be downloaded again are left out unless
 * {@code claims} names them. {@code backup: null} in an environment's file turns backups off there.
 *
 * @param tool      {@code velero} (default: CSI snapshots moved to object storage) or {@code snapscheduler} (VolumeSnapshots
 *                  kept in the storage system)
 * @param schedule  when: five cron fields in UTC, e.g. {@code "0 3 * * *"}, or {@code @daily}; required
 * @param keep      how long each backup is kept, e.g. {@code 720h}; default 720h (30 days)
 * @param keepCount snapscheduler: at most this many snapshots per claim; default none
 * @param claims    the claims to back up, by claim template (or volume) name; default every claim but the app's caches and
 *                  those backed up {@code elsewhere}
 * @param elsewhere claims backed up by other means, each with how (e.g. AWS Backup of an EFS file system); alone (no
 *                  schedule or other key), it only says so: no schedule is written; left out, and
 *                  the gate's coverage rule waived on them with that reason
 * @param hooks     velero: run the app's consistency hooks before and after each backup (vector-db: a Qdrant snapshot of
 *                  every collection); default true
 * @param velero    velero's namespace, storage location and data movement
 * @param snapshotClass snapscheduler: the VolumeSnapshotClass of the snapshots; default the cluster's default for the driver
 */
public record BackupValues(BackupTool tool, @Rule(Rule.Kind.CRON) String schedule, @Rule(Rule.Kind.DURATION) String keep,
                           @Rule(Rule.Kind.POSITIVE) Integer keepCount, List<String> claims, Map<String, String> elsewhere,
                           Boolean hooks, VeleroValues velero, @Rule(Rule.Kind.DNS_SUBDOMAIN) String snapshotClass) {

    /** Whether {@code values} (null: no backups) run the app's hooks: with Velero, unless {@code hooks: false}. */
    public static boolean runsHooks(BackupValues values) {
        return values != null && values.tool != BackupTool.SNAPSCHEDULER && !Boolean.FALSE.equals(values.hooks);
    }

    /**
     * Where Velero runs and writes.
     *
     * @param namespace       Velero's namespace; default {@code velero}
     * @param storageLocation the BackupStorageLocation; default Velero's default location
     * @param moveData        move each snapshot's data to object storage ({@code snapshotMoveData}); default true
     */
    public record VeleroValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, @Rule(Rule.Kind.DNS_SUBDOMAIN) String storageLocation,
                               Boolean moveData) {
    }
}
