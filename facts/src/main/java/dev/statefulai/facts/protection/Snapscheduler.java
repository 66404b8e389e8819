package dev.statefulai.facts.protection;

import java.util.regex.Pattern;

/**
 * snapscheduler ({@code snapscheduler.backube/v1} {@code SnapshotSchedule}, v3.5): a schedule of CSI VolumeSnapshots of
 * the claims its {@code claimSelector} selects in its namespace, kept by {@code retention.maxCount} and
 * {@code retention.expires}. Names from config/crd/bases/snapscheduler.backube_snapshotschedules.yaml and docs/usage.md.
 */
public final class Snapscheduler {
    public static final String API_VERSION = "snapscheduler.backube/v1";
    public static final String KIND = "SnapshotSchedule";
    /** The CRD's pattern of {@code retention.expires}: hours, minutes or seconds. */
    public static final Pattern EXPIRES = Pattern.compile("\\d+(h|m|s)");

    private Snapscheduler() {
    }

    /**
     * The name of a snapshot the schedule takes: {@code <pvc_name>-<schedule_name>-<snapshot_time>}, the time as
     * {@code YYYYMMDDHHMM} in UTC (docs/usage.md, "Snapshots").
     */
    public static String snapshotName(String claim, String schedule, String time) {
        return claim + "-" + schedule + "-" + time;
    }

    /** The claim a snapshot of {@code schedule} was taken of, when {@code snapshot} is named like one; else null. */
    public static String claimOf(String snapshot, String schedule) {
        String infix = "-" + schedule + "-";
        int at = snapshot.lastIndexOf(infix);
        if (at <= 0) {
            return null;
        }
        String time = snapshot.substring(at + infix.length());
        return time.matches("\\d{12}") ? snapshot.substring(0, at) : null;
    }
}
