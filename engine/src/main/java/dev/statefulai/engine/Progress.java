package dev.statefulai.engine;

import java.io.PrintStream;

/**
 * A one-line progress counter for long synth runs, on the terminal only: redirected output and CI
 * logs stay clean, and short runs print nothing.
 */
final class Progress {
    /** Fewer units than this finish too fast for a progress line to help. */
    static final int MIN_UNITS = 50;
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final int total;
    private final PrintStream out;
    private long lastPrint;

    private Progress(int total, PrintStream out) {
        this.total = total;
        this.out = out;
    }

    /** A counter for {@code total} units, silent unless on a terminal and the run is long. */
    static Progress of(int total) {
        boolean terminal = System.console() != null;
        return new Progress(total, terminal && total >= MIN_UNITS ? System.err : null);
    }

    /** Reports that {@code started} units have been handed out so far. */
    synchronized void started(int started) {
        long now = System.nanoTime();
        if (out == null || now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        out.print("\r[ai-storage] synthesizing " + Math.min(started, total) + "/" + total + " app-environment(s)");
        out.flush();
    }

    /** Clears the line. */
    synchronized void done() {
        if (out != null && lastPrint != 0) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
