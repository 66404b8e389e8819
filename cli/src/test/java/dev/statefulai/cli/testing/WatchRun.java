package dev.statefulai.cli.testing;

import dev.statefulai.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/ai-storage synth --watch} in this JVM on its own thread, its output (stdout and stderr) read
 * line by line: each synth of the watch, good or bad, ends with the line {@code watching <apps> for
 * changes}, so a test waits for that line, never sleeps. {@link #BOUND} only bounds a failure.
 */
public final class WatchRun implements AutoCloseable {
    /** The longest a test waits for a synth or the end of the watch before it fails. */
    public static final Duration BOUND = Duration.ofSeconds(60);
    /** How the line that ends each synth of the watch begins. */
    private static final String END_OF_SYNTH = "watching ";

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final Thread thread;

    private WatchRun(String... args) {
        System.setOut(new PrintStream(new Lines(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Lines(), true, StandardCharsets.UTF_8));
        List<String> command = new ArrayList<>(List.of("synth", "--watch"));
        command.addAll(List.of(args));
        thread = new Thread(() -> exit.set(Main.run(command.toArray(String[]::new))), "synth --watch");
        thread.start();
    }

    /** Starts {@code synth --watch <args>}. */
    public static WatchRun start(String... args) {
        return new WatchRun(args);
    }

    /**
     * The lines of the watch's next synth, the last one the line that ends it; fails when none ends
     * within {@link #BOUND} ({@code after}: what the test did, for the message).
     */
    public List<String> nextSynth(String after) throws InterruptedException {
        List<String> synth = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no synth within " + BOUND.toSeconds() + " s after " + after + "; the watch wrote:\n  "
                        + String.join("\n  ", seen) + "\n  " + String.join("\n  ", synth));
            }
            synth.add(line);
            if (line.startsWith(END_OF_SYNTH)) {
                seen.addAll(synth);
                return synth;
            }
        }
    }

    /** Whether the watch still runs. */
    public boolean watching() {
        return thread.isAlive();
    }

    /** Stops the watch as Ctrl-C does (an interrupt) and returns its exit code; fails when it does not stop within {@link #BOUND}. */
    public int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(BOUND.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the watch did not stop within " + BOUND.toSeconds() + " s of an interrupt");
        }
        return exit.get();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** An output stream that hands each complete line to the queue. */
    private final class Lines extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
