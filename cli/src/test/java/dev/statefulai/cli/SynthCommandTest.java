package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.files.FileTrees;
import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.cli.testing.CliRun;
import dev.statefulai.gate.testing.TempGit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
    @TempDir
    Path tmp;

    /** The message repeated the path where the reason goes: "cannot list /nowhere/apps: /nowhere/apps". */
    @Test
    void aRootWithoutAppsSaysWhy() {
        Path nowhere = tmp.resolve("nowhere");
        CliRun run = CliRun.of("synth", "--root", nowhere.toString());
        run.assertRefused("cannot list the apps: " + nowhere.resolve("apps") + ": no such file or folder");
        assertFalse(Files.exists(nowhere), "nothing written");
    }

    /**
     * synth --check and diff read dist/ back: a file there that is not UTF-8 said "error: Input length = 1", naming
     * nothing, and one of gigabytes (or a link to one) ended in an OutOfMemoryError's stack trace.
     */
    @Test
    void aFileOfDistThatCannotBeReadBackIsNamedInOneLine() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        TempGit.init(tmp).commitAll("dist");
        Path manifest = tmp.resolve("dist/prod/demo.yaml");
        repo.writeBytes("dist/prod/demo.yaml", new byte[] {'a', ':', ' ', (byte) 0xFF, '\n'});
        String notUtf8 = "error: " + manifest + ":1: not UTF-8: byte 0xFF at byte 4 of the line; save the file as UTF-8\n";
        assertOneLine(CliRun.of("synth", "--root", tmp.toString(), "--check"), notUtf8);
        assertOneLine(CliRun.of("diff", "--root", tmp.toString(), "--ref", "HEAD"), notUtf8);
        Path big = tmp.resolve("big.yaml");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: no disk space taken
        }
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, big);
        assertOneLine(CliRun.of("synth", "--root", tmp.toString(), "--check"),
                "error: " + manifest + ": 3072.0 MiB; allowed: a file of dist/ of at most 64 MiB\n");
        assertTrue(Files.isSymbolicLink(manifest), "--check writes nothing");
        // A file synth did not write is neither compared nor read, however large: kept, with a warning, as synth keeps it.
        Files.delete(manifest);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        Files.move(big, tmp.resolve("dist/prod/dump.bin"));
        CliRun check = CliRun.of("synth", "--root", tmp.toString(), "--check");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.err().contains("kept dist/prod/dump.bin: synth did not write it"), check.err());
    }

    private static void assertOneLine(CliRun run, String err) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(err, run.err());
    }

    @Test
    void writesOneFolderPerEnvironmentWithAKustomizationAndOutputs() {
        DemoRepo repo = new DemoRepo(tmp);
        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        SortedMap<String, String> dist = repo.dist();
        assertEquals(List.of("dev/Kustomization", "dev/demo.yaml", "dev/outputs.json", "dev/storage.md",
                "prod/Kustomization", "prod/demo.yaml", "prod/outputs.json", "prod/storage.md"), List.copyOf(dist.keySet()));
        assertTrue(dist.get("prod/Kustomization").contains("kind: Kustomization\nresources:\n  - demo.yaml\n"));
        assertTrue(dist.get("prod/outputs.json").contains("\"statefulSet\": \"demo\""));
        assertTrue(dist.get("prod/storage.md").contains("StatefulSet demo<br/>3 replicas"));
        assertTrue(run.out().contains("8 file(s) written, 0 unchanged, 0 removed"), run.out());
    }

    @Test
    void laterLayersWin_valuesThenEnvironmentThenSet() {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString(), "--set", "demo.size=20Gi").exitCode());
        String prod = repo.dist().get("prod/demo.yaml");
        String dev = repo.dist().get("dev/demo.yaml");
        assertTrue(prod.contains("replicas: 3\n"), "values-prod.yaml overrides values.yaml");
        assertTrue(prod.contains("storage: 20Gi"), "--set overrides values-prod.yaml");
        assertTrue(prod.contains("reclaimPolicy: Retain"), "the construct default where no layer sets it");
        assertTrue(dev.contains("replicas: 1\n") && dev.contains("reclaimPolicy: Delete"));
    }

    @Test
    void aNewEnvironmentIsOnlyANewValuesFile() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-perf.yaml", "replicas: 5\n");
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        assertTrue(repo.dist().get("perf/demo.yaml").contains("replicas: 5\n"));
        assertTrue(repo.dist().containsKey("perf/Kustomization"));
    }

    @Test
    void envSelectsOneEnvironmentAndLeavesTheOthersAlone() {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        String devBefore = repo.dist().get("dev/demo.yaml");
        repo.write("apps/demo/values.yaml", repo.dist().isEmpty() ? "" : "namespace: demo\nimage: busybox:1.37\nsize: 10Gi\n");
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString(), "--env", "prod").exitCode());
        assertEquals(devBefore, repo.dist().get("dev/demo.yaml"));
        assertTrue(repo.dist().get("prod/demo.yaml").contains("busybox:1.37"));
    }

    @Test
    void checkReportsDriftWithADiffAndTheCommandThatFixesIt() {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString(), "--check").exitCode());
        repo.write("apps/demo/values-prod.yaml", "replicas: 4\nsize: 100Gi\n");
        CliRun drift = CliRun.of("synth", "--root", tmp.toString(), "--check");
        assertEquals(1, drift.exitCode());
        assertTrue(drift.err().contains("-  replicas: 3\n+  replicas: 4\n"), drift.err());
        assertTrue(drift.err().contains("Regenerate it with: bin/ai-storage synth"));
        assertFalse(repo.dist().get("prod/demo.yaml").contains("replicas: 4"), "--check writes nothing");
    }

    @Test
    void removesTheFolderOfAnEnvironmentThatNoLongerExists() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-perf.yaml", "replicas: 5\n");
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        assertTrue(tmp.resolve("apps/demo/values-perf.yaml").toFile().delete());
        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(0, run.exitCode());
        assertFalse(repo.dist().containsKey("perf/demo.yaml"));
        assertTrue(run.out().contains("4 removed"), run.out());
    }
    @Test
    void jobsIsAWholeNumberOfOneOrMoreOrAuto() {
        new DemoRepo(tmp);
        for (String jobs : List.of("0", "-2", "many")) {
            CliRun run = CliRun.of("synth", "--root", tmp.toString(), "-j", jobs);
            assertEquals(2, run.exitCode(), "-j " + jobs + ": " + run.out());
            assertTrue(run.err().contains("'" + jobs + "' is not allowed; allowed: a whole number of 1 or more, or auto"), run.err());
            assertFalse(Files.exists(tmp.resolve("dist")), "nothing is written");
        }
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString(), "-j", "auto").exitCode());
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString(), "--jobs", "3").exitCode());
        assertTrue(CliRun.of("synth", "--help").out().contains("default: auto"));
    }

    @Test
    void anAppThatIsNotCompiledIsOneLineNamingTheCommandThatCompiles() throws IOException {
        new DemoRepo(tmp);
        FileTrees.delete(tmp.resolve("apps/demo/target"));
        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("apps/demo is not compiled (no target/classes): run "
                + "'./mvnw -q -DskipTests package' or bin/ai-storage synth, which compiles what changed"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void temporaryFilesAnInterruptedSynthLeftAreRemovedByTheNextAndNamed() throws Exception {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        long gone = deadProcessId();
        List<String> leftovers = List.of(".dist.synth-state.json7421.tmp", ".dist.synth-state.json." + gone + "-12.tmp",
                "dist/prod/.demo.yaml.synth-tmp", "dist/prod/.storage.md." + gone + "-3.synth-tmp",
                ".synth-tmp-99/prod/demo.yaml", ".synth-tmp-" + gone + "-5/dev/demo.yaml");
        leftovers.forEach(f -> repo.write(f, "half\n"));
        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String f : leftovers) {
            String top = f.startsWith(".synth-tmp-") ? f.substring(0, f.indexOf('/')) : f;
            assertFalse(Files.exists(tmp.resolve(top)), top);
            assertTrue(run.out().contains("removed " + top + " (left by an interrupted synth)"), run.out());
        }
    }

    /** The id of a process that ran and ended. */
    private static long deadProcessId() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
