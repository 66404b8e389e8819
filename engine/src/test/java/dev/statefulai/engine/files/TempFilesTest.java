package dev.statefulai.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files of a synth never outlive it: stopped, it removes them, once a rename step it guards is done
 * ({@link ShutdownGuard}); killed, the next synth does.
 */
class TempFilesTest {
    @TempDir
    Path tmp;

    /**
     * Makes a temporary file and folder as a synth does, prints their paths, and waits to be stopped. With
     * {@code rename MILLIS guarded|unguarded}: stages a file, marks {@code started}, and after {@code MILLIS} renames it
     * to {@code finished}, inside {@link ShutdownGuard#run} or not.
     */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            if (args.length > 1) {
                Path staged = TempFiles.file(dir, ".finished.", ".synth-tmp");
                ShutdownGuard.Work rename = () -> {
                    Files.writeString(dir.resolve("started"), "");
                    try {
                        Thread.sleep(Long.parseLong(args[2]));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    Files.move(staged, dir.resolve("finished"));
                };
                if (args[3].equals("guarded")) {
                    ShutdownGuard.run("the test's rename", rename);
                } else {
                    rename.run();
                }
                return;
            }
            Path file = TempFiles.file(dir, ".dist.synth-state.json.", ".tmp");
            Path folder = TempFiles.folder(dir, ".synth-tmp-");
            Files.writeString(folder.resolve("demo.yaml"), "half\n");
            System.out.println(file);
            System.out.println(folder);
            System.out.flush();
            System.in.read();
        }
    }

    @Test
    void aStoppedSynthRemovesItsTemporaryFiles() throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(Holder.class.getName(), tmp.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Path file = Path.of(out.readLine());
        Path folder = Path.of(out.readLine());
        assertTrue(Files.isRegularFile(file) && Files.isRegularFile(folder.resolve("demo.yaml")), "made while it runs");
        assertTrue(file.getFileName().toString().startsWith(".dist.synth-state.json." + p.pid() + "-"), file.toString());
        assertFalse(TempFiles.isLeftover(tmp, file.getFileName().toString()), "a running synth's file is not a leftover");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(file), "removed on SIGTERM");
        assertFalse(Files.exists(folder), "removed on SIGTERM");
    }

    /**
     * An interrupt (here SIGTERM, what Ctrl-C's SIGINT does too) during a guarded rename lets it finish before the JVM
     * exits, with the staged file still there to rename: this class's own shutdown hook waits for it.
     */
    @Test
    void anInterruptDuringAGuardedRenameWaitsForIt() throws Exception {
        Process child = interruptedOnceStarted("guarded");
        assertTrue(Files.exists(tmp.resolve("finished")), "the rename was cut short");
        assertEquals(143, child.exitValue(), "the interrupt still ends the process (128 + SIGTERM)");
    }

    @Test
    void withoutTheGuardTheSameInterruptCutsTheRenameShortAndRemovesTheStagedFile() throws Exception {
        interruptedOnceStarted("unguarded");
        assertFalse(Files.exists(tmp.resolve("finished")), "the test would pass without the guard");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".synth-tmp")), "the staged file is removed on exit");
        }
    }

    private Process interruptedOnceStarted(String mode) throws Exception {
        Process child = new ProcessBuilder(ChildJvm.command(Holder.class.getName(), tmp.toString(), "rename", "1500", mode))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(tmp.resolve("started"))) {
            assertTrue(child.isAlive(), "the child ended before its rename started");
            assertTrue(System.nanoTime() < deadline, "the child never started its rename");
            Thread.sleep(10);
        }
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        return child;
    }

    @Test
    void leftoversAreKnownByNameAndTheirProcess() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long gone = ended.pid();
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        for (String leftover : List.of(".synth-tmp-" + gone + "-42", ".synth-tmp-4242", ".dist.synth-state.json." + gone + "-1.tmp",
                ".out.synth-state.json123.tmp", ".demo.yaml." + gone + "-7.synth-tmp", ".demo.yaml.synth-tmp")) {
            assertTrue(TempFiles.isLeftover(tmp, leftover), leftover);
        }
        for (String other : List.of(".synth-tmp-" + running + "-42", ".demo.yaml." + running + "-7.synth-tmp",
                "demo.yaml", ".gitkeep", ".dist.synth-state.json", "synth-tmp-1")) {
            assertFalse(TempFiles.isLeftover(tmp, other), other);
        }
        Files.createDirectories(tmp.resolve(".synth-tmp-" + gone + "-42/prod"));
        Files.writeString(tmp.resolve(".demo.yaml.synth-tmp"), "half\n");
        Files.writeString(tmp.resolve(".gitkeep"), "");
        assertEquals(List.of(".demo.yaml.synth-tmp", ".synth-tmp-" + gone + "-42"), TempFiles.sweep(tmp));
        assertTrue(Files.exists(tmp.resolve(".gitkeep")));
    }
}
