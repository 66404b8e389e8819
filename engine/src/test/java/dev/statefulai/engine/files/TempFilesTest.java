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

/** Temporary files of a synth never outlive it: stopped, it removes them; killed, the next synth does. */
class TempFilesTest {
    @TempDir
    Path tmp;

    /** Makes a temporary file and folder as a synth does, prints their paths, and waits to be stopped. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
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
