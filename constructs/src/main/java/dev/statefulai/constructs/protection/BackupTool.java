package dev.statefulai.constructs.protection;

/** The backup tool a cluster runs, which a {@link BackupSchedule} is written for. */
public enum BackupTool implements LowerCaseSpelling {
    /**
     * Velero ({@code velero.io/v1} {@code Schedule}): CSI snapshots of the claims, with their data moved to object
     * storage ({@code snapshotMoveData}), the app's objects with them; restores by {@code velero restore create}.
     */
    VELERO,
    /**
     * snapscheduler ({@code snapscheduler.backube/v1} {@code SnapshotSchedule}): CSI VolumeSnapshots of the claims, kept
     * by count and age, in the storage system itself; restores by a claim whose {@code dataSource} is a snapshot.
     */
    SNAPSCHEDULER;

    @Override
    public String toString() {
        return value();
    }
}
