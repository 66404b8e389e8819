package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.protection.AppBackup;
import dev.statefulai.constructs.protection.AppBackupProps;
import dev.statefulai.constructs.protection.BackupHooks;
import dev.statefulai.constructs.protection.BackupScheduleProps;
import dev.statefulai.constructs.protection.BackupTool;
import dev.statefulai.constructs.protection.RestoredClaims;
import dev.statefulai.constructs.protection.VeleroRestore;
import dev.statefulai.constructs.render.ObjectsUnder;
import dev.statefulai.facts.protection.ClaimView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.constructs.Construct;

/**
 * An app's data protection from its values ({@code backup}, {@code restore}, {@code gitOps}), added after the app's
 * constructs under the same scope: the backup schedule, the restore, then GitOps protection of every object that holds
 * data (restored claims included).
 */
public final class DataProtection {

    /**
     * What only the app knows of its data.
     *
     * @param name        the app's name: the schedule is {@code <name>-<environment>}
     * @param environment the environment
     * @param caches      claims that hold caches, each with why they can be had again: left out of backups
     * @param hooks       the hooks that make a backup consistent, or null
     */
    public record App(String name, String environment, Map<String, String> caches, BackupHooks hooks) {
        public App {
            caches = caches == null ? Map.of() : Map.copyOf(caches);
        }
    }

    private DataProtection() {
    }

    /** Adds the protection the values (each null when not given) ask for to the objects defined under {@code scope} so far. */
    public static void apply(Construct scope, App app, BackupValues backup, RestoreValues restore, GitOpsValues gitOps) {
        String scheduleName = app.name() + "-" + app.environment();
        if (backup != null && onlyElsewhere(backup)) {
            // Nothing for a schedule to take: every claim named is kept by other means (POL007 waived with the reason).
            AppBackup.mark(scope, app.caches(), backup.elsewhere());
        } else if (backup != null) {
            backup(scope, app, scheduleName, backup);
        } else {
            AppBackup.mark(scope, app.caches(), Map.of());
        }
        if (restore != null) {
            restore(scope, app, scheduleName, backup, restore);
        }
        GitOpsValues.protection(gitOps).applyTo(scope);
    }

    /** Whether {@code v} names only claims backed up elsewhere, with no schedule or anything a schedule would use. */
    private static boolean onlyElsewhere(BackupValues v) {
        return v.elsewhere() != null && Stream.of(v.tool(), v.schedule(), v.keep(), v.keepCount(), v.claims(), v.hooks(), v.velero(),
                v.snapshotClass()).allMatch(value -> value == null);
    }

    private static void backup(Construct scope, App app, String name, BackupValues v) {
        String construct = "BackupSchedule '" + name + "'";
        PropSources.feeds(construct, "tool", v, "tool");
        PropSources.feeds(construct, "schedule", v, "schedule");
        PropSources.feeds(construct, "keep", v, "keep");
        PropSources.feeds(construct, "keepCount", v, "keepCount");
        PropSources.feeds(construct, "snapshotClassName", v, "snapshotClass");
        BackupScheduleProps.Builder schedule = BackupScheduleProps.builder().name(name).schedule(v.schedule());
        Set.ifGiven(v.tool(), schedule::tool);
        Set.ifGiven(v.keep(), schedule::keep);
        Set.ifGiven(v.keepCount(), schedule::keepCount);
        Set.ifGiven(v.snapshotClass(), schedule::snapshotClassName);
        if (v.velero() != null) {
            PropSources.feeds(construct, "veleroNamespace", v.velero(), "namespace");
            PropSources.feeds(construct, "storageLocation", v.velero(), "storageLocation");
            Set.ifGiven(v.velero().namespace(), schedule::veleroNamespace);
            Set.ifGiven(v.velero().storageLocation(), schedule::storageLocation);
            Set.ifGiven(v.velero().moveData(), schedule::moveData);
        }
        String backup = "AppBackup '" + name + "'";
        // Without claims, the claims refused are the defaults: the backup as a whole chose them.
        PropSources.feeds(backup, "claims", v, v.claims() != null ? "claims" : null);
        PropSources.feeds(backup, "elsewhere", v, "elsewhere");
        PropSources.feeds(backup, "hooks", v, "hooks");
        new AppBackup(scope, "backup", AppBackupProps.builder()
                .schedule(schedule.build())
                .claims(v.claims())
                .caches(v.claims() == null ? app.caches() : Map.of())
                .elsewhere(v.elsewhere())
                .hooks(BackupValues.runsHooks(v) ? app.hooks() : null)
                .build());
    }

    private static void restore(Construct scope, App app, String scheduleName, BackupValues backup, RestoreValues v) {
        long ways = Stream.of(v.backup(), v.snapshotTime(), v.snapshots()).filter(w -> w != null).count();
        if (ways != 1) {
            PropSources.feeds("restore", "", v, null);
            Refusals.refuse(new InvalidPropsException("restore", "restore", ways + " ways",
                    "one of backup (velero), snapshotTime (snapscheduler) or snapshots (a snapshot per claim)"));
            return;
        }
        if (v.snapshots() != null) {
            PropSources.feeds("RestoredClaims 'restore'", "", v, "snapshots");
            new RestoredClaims(scope, "restore", v.snapshots());
        } else if (v.snapshotTime() != null) {
            PropSources.feeds("RestoredClaims 'restore'", "", v, "snapshotTime");
            if (backup == null || backup.tool() != BackupTool.SNAPSCHEDULER) {
                Refusals.refuse(new InvalidPropsException("RestoredClaims 'restore'", "snapshotTime", v.snapshotTime(),
                        "a time of snapshots of this environment's snapscheduler schedule (backup.tool: snapscheduler); with velero, restore.backup"));
                return;
            }
            RestoredClaims.fromSchedule(scope, "restore", scheduleName, v.snapshotTime());
        } else {
            String name = app.name() + "-from-" + v.backup();
            PropSources.feeds("VeleroRestore '" + name + "'", "", v, "backup");
            List<ClaimView> claims = ClaimView.of(ObjectsUnder.manifests(scope));
            new VeleroRestore(scope, "restore", name.length() > 253 ? name.substring(0, 253) : name, v.backup(),
                    claims.isEmpty() ? null : claims.get(0).namespace(), AppBackup.sharedLabels(claims),
                    backup != null && backup.velero() != null ? backup.velero().namespace() : null);
        }
    }
}
