package dev.statefulai.engine.files;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Work that an interrupt must not cut in two: Ctrl-C (SIGINT) or SIGTERM while it runs lets it finish before the JVM
 * exits. The JVM runs every shutdown hook at once while the other threads go on; this class's hook, and every hook that
 * would undo the work's inputs (the removal of temporary files, {@link TempFiles}), first waits for the work
 * ({@link #awaitIdle}). Once the JVM is exiting no new work starts. SIGKILL cannot be held back, and a wait longer than
 * {@link #MAX_WAIT_SECONDS} is given up, so that a stuck file system does not keep an interrupted command alive.
 */
public final class ShutdownGuard {
    /** Longer than any rename step of dist/ (milliseconds), short enough for someone pressing Ctrl-C. */
    static final long MAX_WAIT_SECONDS = 10;

    private static final Object LOCK = new Object();
    /** Guarded work running now; guarded by {@link #LOCK}. */
    private static int running;
    /** Whether the JVM is exiting (a shutdown hook asked); guarded by {@link #LOCK}. */
    private static boolean exiting;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownGuard::awaitIdle, "ai-storage-finishing"));
        } catch (IllegalStateException e) {
            // First used by another hook while the JVM exits (TempFiles): no guarded work has run, none is left to wait for.
        }
    }

    /** Work that may throw an I/O error. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException;
    }

    /** The JVM was already exiting: the work was not started. */
    public static final class Exiting extends IOException {
        private static final long serialVersionUID = 1L;

        Exiting(String what) {
            super("interrupted before " + what + ": nothing of it was done");
        }
    }

    private ShutdownGuard() {
    }

    /**
     * Runs {@code work} so that an interrupt arriving meanwhile takes effect only once it is done.
     *
     * @param what what the work does, for the message when the JVM is already exiting
     * @throws Exiting when the JVM is already exiting, before anything of {@code work} ran
     */
    public static void run(String what, Work work) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new Exiting(what);
            }
            running++;
        }
        try {
            work.run();
        } finally {
            synchronized (LOCK) {
                running--;
                LOCK.notifyAll();
            }
        }
    }

    /**
     * For shutdown hooks: no more work starts, and this returns once the work running now is done (or after
     * {@link #MAX_WAIT_SECONDS}).
     */
    static void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        synchronized (LOCK) {
            exiting = true;
            long left;
            while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(LOCK, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
