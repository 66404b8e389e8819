package dev.statefulai.engine.files;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Work that an interrupt must not cut in two: Ctrl-C (SIGINT) or SIGTERM while it runs lets it finish before the JVM
 * exits. The JVM runs its shutdown hooks while the other threads go on; a hook that waits for the work holds the exit
 * back until then. SIGKILL cannot be held back, and a wait longer than {@link #MAX_WAIT_SECONDS} is given up, so that a
 * stuck file system does not keep an interrupted command alive.
 */
public final class ShutdownGuard {
    /** Longer than any rename step of dist/ (milliseconds), short enough for someone pressing Ctrl-C. */
    static final long MAX_WAIT_SECONDS = 10;

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
        CountDownLatch done = new CountDownLatch(1);
        Thread waitForIt = new Thread(() -> {
            try {
                done.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "finishing: " + what);
        try {
            Runtime.getRuntime().addShutdownHook(waitForIt);
        } catch (IllegalStateException e) {
            throw new Exiting(what);
        }
        try {
            work.run();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(waitForIt);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook has run, or runs now and ends at once
            }
        }
    }
}
