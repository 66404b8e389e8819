package dev.statefulai.cli.newapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import dev.statefulai.engine.testing.RepoRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated code compiles at once and synthesizes: new-app in a copy of the real repository,
 * then the synth (which builds the copy, main and test code) and the generated tests there, as a
 * developer would run them. The copy starts from the classes of the build under test, as a developer's
 * working tree starts from their last build, so the new apps are what compiles. The generated tests
 * hold each app to its manifests in dist/, which only the synth writes, and pass once it has run.
 * About 25 s (one build and one offline test run), so it stays in the normal suite (no @Tag("slow")).
 */
class NewAppEndToEndTest {
    /** Not copied: build output, installed node packages, history and the copy's own dist/ (synth writes it). */
    private static final List<String> SKIPPED = List.of("target", "node_modules", ".git");
    private static final List<String> APPS = List.of("e2e-store", "e2e-events");

    @TempDir
    Path copy;

    @Test
    void bothKindsCompileTestAndSynthesizeForEveryEnvironment() throws Exception {
        copyRepository(RepoRoot.find(), copy);
        List<String> environments = RepoEnvironments.of(copy);
        for (String[] app : List.of(new String[] {"e2e-store", "stateful-ai"}, new String[] {"e2e-events", "data-pipeline"})) {
            CliRun run = CliRun.of("new-app", app[0], "--kind", app[1], "--root", copy.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        // The printed next steps: the synth builds the copy (the generated code, tests included, compiles) and writes dist/.
        run(0, "bin/ai-storage", "synth");
        // Its first run after a build also trained the class-data archive every later command starts with.
        Path archive = copy.resolve("cli/target/ai-storage.jsa");
        assertTrue(Files.isRegularFile(archive) && Files.size(archive) > 0, "the training wrote no class-data archive");
        for (String env : environments) {
            for (String app : APPS) {
                assertTrue(Files.isRegularFile(copy.resolve("dist/" + env + "/" + app + ".yaml")), "dist/" + env + "/" + app + ".yaml");
            }
        }
        String prod = Files.readString(copy.resolve("dist/prod/e2e-store.yaml"));
        assertTrue(prod.contains("reclaimPolicy: Retain") && prod.contains("encrypted: \"true\"") && prod.contains("replicas: 3\n"), prod);
        String dev = Files.readString(copy.resolve("dist/dev/e2e-store.yaml"));
        assertTrue(dev.contains("reclaimPolicy: Delete") && dev.contains("replicas: 1\n"), dev);
        // The generated tests (against the copy's own constructs and engine rather than whatever ~/.m2 holds; only the
        // generated test classes run) pass against what the synth wrote. That they fail without those files, saying
        // which synth writes them, is AppSnapshotTest's (DistGoldenTest), which NewAppScaffoldTest sees them extend.
        run(0, "./mvnw", "-q", "-B", "-o", "-fae", "test", "-pl", "apps/e2e-store,apps/e2e-events", "-am",
                "-Dtest=E2eStoreAppTest,E2eEventsAppTest", "-Dsurefire.failIfNoSpecifiedTests=false");
    }

    /** Runs {@code command} in the copy; it must exit with {@code exitCode}. Returns its output. */
    private String run(int exitCode, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
        // bin/ai-storage compiles with its own Maven call: keep that one offline too (Maven 3.9 reads MAVEN_ARGS).
        // Without incremental compilation the compiler plugin recompiles only sources newer than their classes; with it,
        // the copied classes would all compile again (its file lists name the original folder).
        pb.environment().put("MAVEN_ARGS", "-o -Dmaven.compiler.useIncrementalCompilation=false");
        Path log = copy.resolve(".e2e-" + command[0].replaceAll("\\W", "") + ".log");
        pb.redirectOutput(log.toFile());
        Process process = pb.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took more than 5 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(exitCode, process.exitValue(), String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
        return output;
    }

    private static void copyRepository(Path root, Path to) throws IOException {
        Path from = root.toAbsolutePath().normalize();
        copyTree(from, to, true);
        // The build under test's own classes (of the modules on this test's class path), with their times, so the copy's
        // build finds them up to date; only when all of them were built from this working tree: classes from the local
        // repository (./mvnw test -pl cli alone) may not match the sources, and then the copy compiles everything.
        List<Path> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().normalize()).toList();
        if (entries.stream().anyMatch(e -> !e.startsWith(from) && e.toString().contains("/dev/statefulai/"))) {
            return;
        }
        for (Path entry : entries) {
            if (entry.startsWith(from) && entry.getParent().endsWith("target")) {
                // A module's jar stands for the classes it was packed from in this build.
                String name = entry.getFileName().toString();
                Path classes = Files.isDirectory(entry) ? entry
                        : entry.getParent().resolve(name.endsWith("-tests.jar") ? "test-classes" : "classes");
                if (Files.isDirectory(classes)) {
                    copyTree(classes, to.resolve(from.relativize(classes).toString()), false);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to, boolean sourcesOnly) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (sourcesOnly && !dir.equals(from) && (SKIPPED.contains(name) || dir.equals(from.resolve("dist")))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
