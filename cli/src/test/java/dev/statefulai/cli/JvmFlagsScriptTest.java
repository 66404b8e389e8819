package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lib/jvm.sh, the JVM flags bin/ai-storage (and the benchmark) starts each command with: which command gets which,
 * the units a synth is sized by, and that this machine's JVM takes every set of them without a word.
 */
class JvmFlagsScriptTest {
    @TempDir
    Path dir;

    @Test
    void aSynthOfALargeFleetCompilesSoonerAndASmallOneDoesNot() throws Exception {
        List<String> large = opts("500", "synth");
        assertTrue(large.contains("-XX:CompileThresholdScaling=0.1"), large.toString());
        assertTrue(large.containsAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms128m", "-Xmx512m")), large.toString());
        List<String> small = opts("499", "synth", "--env", "prod");
        assertFalse(small.stream().anyMatch(o -> o.startsWith("-XX:CompileThresholdScaling")), small.toString());
        assertTrue(small.contains("-Xms128m"), small.toString());
    }

    @Test
    void watchKeepsTheOptimizingCompilerAndOtherCommandsTheSmallHeap() throws Exception {
        List<String> watch = opts("3000", "synth", "--watch");
        assertTrue(watch.containsAll(List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx512m")), watch.toString());
        assertFalse(watch.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.startsWith("-XX:CompileThresholdScaling")),
                watch.toString());
        List<String> check = opts("3000", "check", "--env", "prod");
        assertTrue(check.containsAll(List.of("-XX:TieredStopAtLevel=1", "-Xms32m")), check.toString());
        assertFalse(check.stream().anyMatch(o -> o.startsWith("-XX:CompileThresholdScaling")), check.toString());
    }

    @Test
    void onTwoCoresOrFewerAOneShotCommandCompilesOnOneThread() throws Exception {
        boolean few = Integer.parseInt(lib("cores").strip()) <= 2;
        for (String[] command : List.of(new String[] {"1000", "synth"}, new String[] {"10", "synth"}, new String[] {"0", "check"})) {
            assertEquals(few, opts(command).contains("-XX:CICompilerCount=1"), Arrays.toString(command));
        }
        // Tiered compilation (C1 and C2) needs two compiler threads.
        assertFalse(opts("0", "synth", "--watch").stream().anyMatch(o -> o.startsWith("-XX:CICompilerCount")));
    }

    @Test
    void hugePagesAreAskedForExactlyWhenTheKernelGivesThemOnRequest() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String mode = Files.isReadable(setting) ? Files.readString(setting) : "";
        boolean offered = mode.contains("[madvise]") || mode.contains("[always]");
        for (String[] command : List.of(new String[] {"1000", "synth"}, new String[] {"0", "synth", "--watch"}, new String[] {"0", "check"})) {
            assertEquals(offered, opts(command).contains("-XX:+UseTransparentHugePages"), mode + " " + Arrays.toString(command));
        }
    }

    @Test
    void theJvmTakesEveryCommandsFlagsSilently() throws Exception {
        for (String[] command : List.of(new String[] {"1000", "synth"}, new String[] {"10", "synth"}, new String[] {"0", "synth", "--watch"},
                new String[] {"0", "check"})) {
            List<String> java = new ArrayList<>();
            java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            java.addAll(opts(command));
            java.add("-version");
            Result r = run(java);
            // -version prints to stderr; a flag the JVM ignores or warns about would add a line there or on stdout.
            assertEquals(0, r.status(), r.err());
            assertEquals("", r.out(), Arrays.toString(command));
            assertFalse(r.err().toLowerCase().contains("warning"), r.err());
        }
    }

    @Test
    void aSynthIsSizedByTheValuesFilesOfItsEnvironmentsUnderItsRoot() throws Exception {
        assertEquals("0", lib("synth_units \"$1\"", dir.toString()));
        Files.createDirectories(dir.resolve("apps/a"));
        Files.createDirectories(dir.resolve("apps/b c"));
        for (String file : List.of("apps/a/values.yaml", "apps/a/values-dev.yaml", "apps/a/values-prod.yaml", "apps/b c/values-prod.yaml",
                "apps/b c/values.schema.json")) {
            Files.writeString(dir.resolve(file), "{}\n");
        }
        assertEquals("3", lib("synth_units \"$1\"", dir.toString()));
        assertEquals("some/where", lib("root_of \"$@\"", "synth", "--root", "some/where", "--env", "prod"));
        assertEquals("else where", lib("root_of \"$@\"", "synth", "--root=else where"));
        assertEquals(".", lib("root_of \"$@\"", "synth", "--env", "prod"));
        assertEquals(".", lib("root_of \"$@\"", "synth", "--root"));
        assertEquals(".", lib("root_of \"$@\"", "synth", "--root="));
    }

    private static List<String> opts(String... unitsAndCommand) throws IOException, InterruptedException {
        return List.of(lib("command_java_opts \"$@\"", unitsAndCommand).split(" "));
    }

    /** Runs {@code script} in bash after sourcing bin/lib/jvm.sh, with {@code args} as "$@"; its output. */
    private static String lib(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", ". bin/lib/jvm.sh && " + script, "jvm.sh"));
        command.addAll(List.of(args));
        Result r = run(command);
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jvm-sh", ".out");
        Path err = Files.createTempFile("jvm-sh", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(RepoRoot.find().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + command);
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
