package dev.statefulai.constructs.protection;

import dev.statefulai.facts.protection.Velero;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link BackupSchedule}. Required: {@code name} and {@code schedule}; everything else has a default
 * documented on its builder method.
 */
public final class BackupScheduleProps {
    final String name;
    final BackupTool tool;
    final String schedule;
    final String keep;
    final Integer keepCount;
    final String namespace;
    final Map<String, String> claimLabels;
    final List<String> skipStorageClasses;
    final String veleroNamespace;
    final String storageLocation;
    final boolean moveData;
    final String snapshotClassName;

    private BackupScheduleProps(Builder b) {
        this.name = b.name;
        this.tool = b.tool;
        this.schedule = b.schedule;
        this.keep = b.keep;
        this.keepCount = b.keepCount;
        this.namespace = b.namespace;
        this.claimLabels = b.claimLabels == null ? Map.of() : new TreeMap<>(b.claimLabels);
        this.skipStorageClasses = b.skipStorageClasses == null ? List.of() : List.copyOf(b.skipStorageClasses);
        this.veleroNamespace = b.veleroNamespace;
        this.storageLocation = b.storageLocation;
        this.moveData = b.moveData;
        this.snapshotClassName = b.snapshotClassName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these props. */
    public Builder toBuilder() {
        return builder().name(name).tool(tool).schedule(schedule).keep(keep).keepCount(keepCount).namespace(namespace)
                .claimLabels(claimLabels).skipStorageClasses(skipStorageClasses).veleroNamespace(veleroNamespace)
                .storageLocation(storageLocation).moveData(moveData).snapshotClassName(snapshotClassName);
    }

    /** The tool. */
    public BackupTool tool() {
        return tool;
    }

    /** The schedule's name. */
    public String name() {
        return name;
    }

    /** Builder for {@link BackupScheduleProps}. */
    public static final class Builder {
        private String name;
        private BackupTool tool = BackupTool.VELERO;
        private String schedule;
        private String keep = "720h";
        private Integer keepCount;
        private String namespace;
        private Map<String, String> claimLabels;
        private List<String> skipStorageClasses;
        private String veleroNamespace = Velero.DEFAULT_NAMESPACE;
        private String storageLocation;
        private boolean moveData = true;
        private String snapshotClassName;

        /**
         * Required. The schedule's name, a DNS-1123 label: Velero names each backup {@code <name>-<time>}, snapscheduler
         * each snapshot {@code <claim>-<name>-<time>}.
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The tool the cluster runs.
         *
         * @default {@link BackupTool#VELERO}
         */
        public Builder tool(BackupTool tool) {
            this.tool = tool;
            return this;
        }

        /** Required. When backups are taken: five cron fields in UTC, e.g. {@code 0 3 * * *} (see {@code Cron.ALLOWED}). */
        public Builder schedule(String schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * How long each backup is kept: hours, minutes or seconds, e.g. {@code 336h} for two weeks (Velero's {@code ttl},
         * snapscheduler's {@code retention.expires}).
         *
         * @default 720h (30 days, Velero's own default)
         */
        public Builder keep(String keep) {
            this.keep = keep;
            return this;
        }

        /**
         * snapscheduler only: at most this many snapshots per claim ({@code retention.maxCount}); with {@code keep}, the
         * stricter of the two wins.
         *
         * @default none
         */
        public Builder keepCount(Integer keepCount) {
            this.keepCount = keepCount;
            return this;
        }

        /**
         * The namespace of the claims backed up.
         *
         * @default the chart's namespace; one is needed
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * Only claims with these labels (and, with Velero, only objects with them).
         *
         * @default none: every claim of the namespace
         */
        public Builder claimLabels(Map<String, String> claimLabels) {
            this.claimLabels = claimLabels;
            return this;
        }

        /**
         * Velero only: claims of these StorageClasses are skipped (a volume policy, in a ConfigMap {@code <name>-volume-policy}
         * beside the schedule): caches that are downloaded again, volumes backed up elsewhere, drivers without snapshots.
         *
         * @default none
         */
        public Builder skipStorageClasses(List<String> skipStorageClasses) {
            this.skipStorageClasses = skipStorageClasses;
            return this;
        }

        /**
         * Velero only: the namespace Velero runs in, where the schedule and its volume policy go.
         *
         * @default velero
         */
        public Builder veleroNamespace(String veleroNamespace) {
            this.veleroNamespace = veleroNamespace;
            return this;
        }

        /**
         * Velero only: the BackupStorageLocation to write to.
         *
         * @default none: Velero's default location
         */
        public Builder storageLocation(String storageLocation) {
            this.storageLocation = storageLocation;
            return this;
        }

        /**
         * Velero only: move each CSI snapshot's data to the object storage of the backup ({@code snapshotMoveData}), so a
         * backup survives the loss of the storage system and the cluster.
         *
         * @default true
         */
        public Builder moveData(boolean moveData) {
            this.moveData = moveData;
            return this;
        }

        /**
         * snapscheduler only: the VolumeSnapshotClass of the snapshots ({@code snapshotTemplate.snapshotClassName}).
         *
         * @default none: the cluster's default class for the claims' driver
         */
        public Builder snapshotClassName(String snapshotClassName) {
            this.snapshotClassName = snapshotClassName;
            return this;
        }

        public BackupScheduleProps build() {
            return new BackupScheduleProps(this);
        }
    }
}
