package dev.statefulai.facts.protection;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long backups are kept, in the form both tools read: a whole number of hours, minutes or seconds
 * ({@code 720h}). It is snapscheduler's pattern of {@code retention.expires} and a Go duration, which Velero's
 * {@code ttl} (a {@code metav1.Duration}) parses.
 */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(h|m|s)");
    /** What is allowed, in words. */
    public static final String ALLOWED = "a whole number of hours, minutes or seconds, such as 720h (30 days) or 90m";

    private Durations() {
    }

    /** The duration in seconds, or empty when {@code text} is not in the form. */
    public static Optional<Long> seconds(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "h" -> n * 3600;
            case "m" -> n * 60;
            default -> n;
        });
    }

    /** The duration as people say it: {@code 30 days}, {@code 36 h}, {@code 90 min}; the text itself when it is not one. */
    public static String describe(String text) {
        return seconds(text).map(s -> s % 60 == 0 ? Cron.describeMinutes(s / 60) : s + " s").orElse(text);
    }
}
