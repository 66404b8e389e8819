package dev.statefulai.facts.protection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A backup schedule in the five-field cron format both Velero and snapscheduler read (minute, hour, day of month,
 * month, day of week, in UTC), in the grammar both accept: snapscheduler's CRD pattern of {@code spec.schedule}
 * (a number list, a range {@code a-b}, a step {@code a/b}, {@code *} or {@code *}{@code /n} per field, or
 * {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}), which Velero's
 * {@code cron.ParseStandard} (robfig/cron v3, pkg/controller/schedule_controller.go) reads alike. A day matches as
 * robfig/cron's {@code dayMatches} says: when day of month or day of week is {@code *}, both must match, else either.
 */
public final class Cron {
    private static final String FIELD = "((\\d+,)*\\d+|\\d+[/-]\\d+|\\*(/\\d+)?)";
    private static final Pattern FIVE_FIELDS = Pattern.compile(FIELD + "( " + FIELD + "){4}");
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
    /** Two years from a fixed day, so that the gap between runs is the same on every machine. */
    private static final LocalDate WINDOW_START = LocalDate.of(2024, 1, 1);
    private static final int WINDOW_DAYS = 731;

    /** What a schedule accepts, in words. */
    public static final String ALLOWED = "five cron fields in UTC (minute hour day-of-month month day-of-week; each a number, a list a,b,"
            + " a range a-b, a step a/b, * or */n), such as \"0 3 * * *\", or @hourly, @daily, @weekly, @monthly, @yearly";

    private final String text;
    private final BitSet[] fields;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private Cron(String text, BitSet[] fields, boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.fields = fields;
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /** The schedule, or empty when {@code text} is not one (see {@link #ALLOWED}). */
    public static Optional<Cron> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String expanded = DESCRIPTORS.getOrDefault(text.trim(), text.trim());
        if (!FIVE_FIELDS.matcher(expanded).matches()) {
            return Optional.empty();
        }
        String[] parts = expanded.split(" ");
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = field(parts[i], RANGES[i][0], RANGES[i][1]);
            if (fields[i] == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cron(text.trim(), fields, parts[2].equals("*"), parts[4].equals("*")));
    }

    private static BitSet field(String part, int min, int max) {
        BitSet bits = new BitSet();
        if (part.startsWith("*")) {
            int step = part.length() > 1 ? Integer.parseInt(part.substring(2)) : 1;
            return step < 1 ? null : stepped(bits, min, max, step);
        }
        if (part.contains("/")) {
            // "a/n": from a to the end of the range, every n (robfig/cron's getRange)
            String[] startAndStep = part.split("/");
            int start = Integer.parseInt(startAndStep[0]);
            int step = Integer.parseInt(startAndStep[1]);
            return start < min || start > max || step < 1 ? null : stepped(bits, start, max, step);
        }
        if (part.contains("-")) {
            String[] range = part.split("-");
            int low = Integer.parseInt(range[0]);
            int high = Integer.parseInt(range[1]);
            return low < min || high > max || low > high ? null : stepped(bits, low, high, 1);
        }
        for (String n : part.split(",")) {
            int value = Integer.parseInt(n);
            if (value < min || value > max) {
                return null;
            }
            bits.set(value);
        }
        return bits;
    }

    private static BitSet stepped(BitSet bits, int from, int to, int step) {
        for (int v = from; v <= to; v += step) {
            bits.set(v);
        }
        return bits;
    }

    /**
     * The longest time between two runs, in minutes: how much data a restore of the last backup can miss (the
     * recovery point). Read over two years; empty when the schedule runs less than twice in them.
     */
    public Optional<Long> longestGapMinutes() {
        long previous = -1;
        long longest = -1;
        for (int day = 0; day < WINDOW_DAYS; day++) {
            LocalDate date = WINDOW_START.plusDays(day);
            if (!fields[3].get(date.getMonthValue()) || !dayMatches(date)) {
                continue;
            }
            for (int hour = fields[1].nextSetBit(0); hour >= 0; hour = fields[1].nextSetBit(hour + 1)) {
                for (int minute = fields[0].nextSetBit(0); minute >= 0; minute = fields[0].nextSetBit(minute + 1)) {
                    long at = day * 1440L + hour * 60L + minute;
                    if (previous >= 0) {
                        longest = Math.max(longest, at - previous);
                    }
                    previous = at;
                }
            }
        }
        return longest < 0 ? Optional.empty() : Optional.of(longest);
    }

    private boolean dayMatches(LocalDate date) {
        boolean dom = fields[2].get(date.getDayOfMonth());
        boolean dow = fields[4].get(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue());
        return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
    }

    /** A duration in minutes as people say it: {@code 45 min}, {@code 6 h}, {@code 1 day}, {@code 7 days}. */
    public static String describeMinutes(long minutes) {
        if (minutes % 1440 == 0) {
            long days = minutes / 1440;
            return days + (days == 1 ? " day" : " days");
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    @Override
    public String toString() {
        return text;
    }
}
