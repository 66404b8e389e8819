package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.facts.protection.Velero;
import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * Props of {@link BackupSchedule}. Required: {@code name} and {@code schedule} (refused by the construct when left
 * out); everything else has a default documented on its accessor.
 */
@Value.Immutable
@PropsStyle
public abstract class BackupScheduleProps {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these props. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /**
     * Required. The schedule's name, a DNS-1123 label: Velero names each backup {@code <name>-<time>}, snapscheduler
     * each snapshot {@code <claim>-<name>-<time>}.
     */
    @Nullable
    public abstract String name();

    /**
     * The tool the cluster runs.
     *
     * @default {@link BackupTool#VELERO}
     */
    @Nullable
    @Value.Default
    public BackupTool tool() {
        return BackupTool.VELERO;
    }

    /** Required. When backups are taken: five cron fields in UTC, e.g. {@code 0 3 * * *} (see {@code Cron.ALLOWED}). */
    @Nullable
    public abstract String schedule();

    /**
     * How long each backup is kept: hours, minutes or seconds, e.g. {@code 336h} for two weeks (Velero's {@code ttl},
     * snapscheduler's {@code retention.expires}).
     *
     * @default 720h (30 days, Velero's own default)
     */
    @Nullable
    @Value.Default
    public String keep() {
        return "720h";
    }

    /**
     * snapscheduler only: at most this many snapshots per claim ({@code retention.maxCount}); with {@code keep}, the
     * stricter of the two wins.
     *
     * @default none
     */
    @Nullable
    public abstract Integer keepCount();

    /**
     * The namespace of the claims backed up.
     *
     * @default the chart's namespace; one is needed
     */
    @Nullable
    public abstract String namespace();

    /**
     * Only claims with these labels (and, with Velero, only objects with them), sorted.
     *
     * @default none: every claim of the namespace
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> claimLabels();

    /**
     * Velero only: claims of these StorageClasses are skipped (a volume policy, in a ConfigMap {@code <name>-volume-policy}
     * beside the schedule): caches that are downloaded again, volumes backed up elsewhere, drivers without snapshots.
     *
     * @default none
     */
    public abstract List<String> skipStorageClasses();

    /**
     * Velero only: the namespace Velero runs in, where the schedule and its volume policy go.
     *
     * @default velero
     */
    @Nullable
    @Value.Default
    public String veleroNamespace() {
        return Velero.DEFAULT_NAMESPACE;
    }

    /**
     * Velero only: the BackupStorageLocation to write to.
     *
     * @default none: Velero's default location
     */
    @Nullable
    public abstract String storageLocation();

    /**
     * Velero only: move each CSI snapshot's data to the object storage of the backup ({@code snapshotMoveData}), so a
     * backup survives the loss of the storage system and the cluster.
     *
     * @default true
     */
    @Value.Default
    public boolean moveData() {
        return true;
    }

    /**
     * snapscheduler only: the VolumeSnapshotClass of the snapshots ({@code snapshotTemplate.snapshotClassName}).
     *
     * @default none: the cluster's default class for the claims' driver
     */
    @Nullable
    public abstract String snapshotClassName();

    /** Builder for {@link BackupScheduleProps}. */
    public static final class Builder extends ImmutableBackupScheduleProps.Builder {
    }
}
