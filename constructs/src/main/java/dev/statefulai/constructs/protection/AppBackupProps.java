package dev.statefulai.constructs.protection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link AppBackup}. Required: {@code schedule}; everything else has a default documented on its builder method.
 */
public final class AppBackupProps {
    final BackupScheduleProps schedule;
    final List<String> claims;
    final Map<String, String> caches;
    final Map<String, String> elsewhere;
    final BackupHooks hooks;

    private AppBackupProps(Builder b) {
        this.schedule = b.schedule;
        this.claims = b.claims == null ? null : List.copyOf(b.claims);
        this.caches = b.caches == null ? Map.of() : new TreeMap<>(b.caches);
        this.elsewhere = b.elsewhere == null ? Map.of() : new TreeMap<>(b.elsewhere);
        this.hooks = b.hooks;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link AppBackupProps}. */
    public static final class Builder {
        private BackupScheduleProps schedule;
        private List<String> claims;
        private Map<String, String> caches;
        private Map<String, String> elsewhere;
        private BackupHooks hooks;

        /**
         * Required. The schedule: its name, tool, cron and retention; the namespace, claim labels and skipped classes are the
         * app's and are filled in.
         */
        public Builder schedule(BackupScheduleProps schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * The claims backed up, by claim template (or, for a claim the app makes itself, claim) name.
         *
         * @default every claim that is neither a cache nor backed up elsewhere
         */
        public Builder claims(List<String> claims) {
            this.claims = claims;
            return this;
        }

        /**
         * Claims that hold a cache, by name, each with why it can be had again (e.g. "downloaded again from Hugging Face
         * by the cache fill"): left out of backups, and marked so on their owner for the gate and the reader.
         *
         * @default none
         */
        public Builder caches(Map<String, String> caches) {
            this.caches = caches;
            return this;
        }

        /**
         * Claims backed up by other means, by name, each with how (e.g. "AWS Backup plan ml-datasets copies the EFS file
         * system daily"): left out of the schedule, and the gate's coverage rule waived on their owner with that reason.
         *
         * @default none
         */
        public Builder elsewhere(Map<String, String> elsewhere) {
            this.elsewhere = elsewhere;
            return this;
        }

        /**
         * Velero only: hooks that make the data consistent before the backup (e.g. {@link BackupHooks#qdrantSnapshots}),
         * on the pods of the app's workloads.
         *
         * @default none
         */
        public Builder hooks(BackupHooks hooks) {
            this.hooks = hooks;
            return this;
        }

        public AppBackupProps build() {
            return new AppBackupProps(this);
        }
    }
}
