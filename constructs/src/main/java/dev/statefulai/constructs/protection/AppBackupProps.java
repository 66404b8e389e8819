package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Props of {@link AppBackup}. Required: {@code schedule}; everything else has a default documented on its accessor.
 */
@Value.Immutable
@PropsStyle
public abstract class AppBackupProps {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Required (refused by {@link AppBackup} when left out). The schedule: its name, tool, cron and retention; the
     * namespace, claim labels and skipped classes are the app's and are filled in.
     */
    @Nullable
    public abstract BackupScheduleProps schedule();

    /**
     * The claims backed up, by claim template (or, for a claim the app makes itself, claim) name.
     *
     * @default every claim that is neither a cache nor backed up elsewhere ({@code null})
     */
    @Nullable
    public abstract List<String> claims();

    /**
     * Claims that hold a cache, by name, each with why it can be had again (e.g. "downloaded again from Hugging Face
     * by the cache fill"): left out of backups, and marked so on their owner for the gate and the reader.
     *
     * @default none ({@code null})
     */
    @Nullable
    public abstract Map<String, String> caches();

    /**
     * Claims backed up by other means, by name, each with how (e.g. "AWS Backup plan ml-datasets copies the EFS file
     * system daily"): left out of the schedule, and the gate's coverage rule waived on their owner with that reason.
     *
     * @default none ({@code null})
     */
    @Nullable
    public abstract Map<String, String> elsewhere();

    /**
     * Velero only: hooks that make the data consistent before the backup (e.g. {@link BackupHooks#qdrantSnapshots}),
     * on the pods of the app's workloads.
     *
     * @default none
     */
    @Nullable
    public abstract BackupHooks hooks();

    /** Builder for {@link AppBackupProps}. */
    public static final class Builder extends ImmutableAppBackupProps.Builder {
    }
}
