package dev.statefulai.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt (here SIGTERM, what Ctrl-C's SIGINT does too) during guarded work lets the work finish before the JVM
 * exits, with the temporary file it renames still there (the temporary files' own shutdown hook waits for it); outside
 * it, the JVM exits at once. Run in a child JVM, which the test signals.
 */
class ShutdownGuardTest {
    @TempDir
    Path tmp;

    /** The child: marks that the work started, works for {@code millis}, then marks it finished. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            long millis = Long.parseLong(args[1]);
            // Staged as a synth stages a file: a temporary file, removed by a shutdown hook unless renamed first.
            Path staged = TempFiles.file(dir, ".finished.", ".synth-tmp");
            Runnable work = () -> {
                try {
                    Files.writeString(dir.resolve("started"), "");
                    Thread.sleep(millis);
                    Files.move(staged, dir.resolve("finished"));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            if (args[2].equals("guarded")) {
                ShutdownGuard.run("the test's work", work::run);
            } else {
                work.run();
            }
        }
    }

    @Test
    void anInterruptDuringGuardedWorkWaitsForItToFinish() throws Exception {
        Process child = interruptedOnceStarted("guarded");
        assertTrue(Files.exists(tmp.resolve("finished")), "the work was cut short");
        assertEquals(143, child.exitValue(), "the interrupt still ends the process (128 + SIGTERM)");
    }

    @Test
    void withoutTheGuardTheSameInterruptCutsTheWorkShort() throws Exception {
        interruptedOnceStarted("unguarded");
        assertFalse(Files.exists(tmp.resolve("finished")), "the test would pass without the guard");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".synth-tmp")), "the staged file is removed on exit");
        }
    }

    private Process interruptedOnceStarted(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                tmp.toString(), "1500", mode)).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(tmp.resolve("started"))) {
            assertTrue(child.isAlive(), "the child ended before its work started");
            assertTrue(System.nanoTime() < deadline, "the child never started its work");
            Thread.sleep(10);
        }
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        return child;
    }
}
