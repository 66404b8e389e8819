package dev.statefulai.facts;

import java.util.Locale;

/** A file's size as messages give it, next to a limit in MiB. */
public final class FileSize {
    private static final double MIB = 1 << 20;

    private FileSize() {
    }

    /**
     * {@code bytes} in MiB with one decimal, rounded up: a file just over a 1 MiB limit reads "1.1 MiB", not "1.0 MiB",
     * which would look within it.
     */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", Math.ceil(bytes / MIB * 10) / 10);
    }
}
