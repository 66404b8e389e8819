package dev.statefulai.cli;

import dev.statefulai.engine.files.FileTrees;
import dev.statefulai.engine.testing.ChildJvm;
import dev.statefulai.engine.output.OutputFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.cli.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is synth's only where synth wrote it: it refuses folders it did not write, removes only
 * files it wrote (each named), keeps and reports everything else, and says in one line why it cannot write.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;

    private DemoRepo repo() {
        return new DemoRepo(tmp.resolve("repo"));
    }

    /** The demo repository after a first synth into its dist/. */
    private DemoRepo synthesizedRepo() {
        DemoRepo repo = repo();
        synth(repo).assertSucceeded();
        return repo;
    }

    private static CliRun synth(DemoRepo repo, String... extra) {
        return CliRun.synth(repo.root(), extra);
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line, no stack trace:\n" + run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** The folder dist/prod of a synthesized repository, and the run of the synth that came next. */
    private record Resynth(Path prod, CliRun run) {
    }

    /**
     * Synthesizes the demo repository, writes {@code name} into dist/prod and lists it in the folder's Kustomization,
     * as by hand, then synthesizes again, which must succeed.
     */
    private Resynth resynthAfterListingByHand(String name, String content) throws IOException {
        DemoRepo repo = synthesizedRepo();
        Path prod = repo.root().resolve("dist/prod");
        write(prod.resolve(name), content);
        Files.writeString(prod.resolve("Kustomization"), "  - " + name + "\n", java.nio.file.StandardOpenOption.APPEND);
        return new Resynth(prod, synth(repo).assertSucceeded());
    }

    @Test
    void outAtTheRepositoryRootIsRefusedAndNothingIsRemoved() {
        DemoRepo repo = repo();
        CliRun run = synth(repo, "--out", repo.root().toString());
        assertOneLineError(run, "is the repository root");
        assertTrue(Files.isRegularFile(repo.root().resolve("apps/demo/values.yaml")), "apps/ is left alone");
        assertFalse(Files.exists(repo.root().resolve("prod")), "nothing is written");
    }

    @Test
    void outDotInTheRepositoryIsRefused() throws Exception {
        DemoRepo repo = repo();
        MainRun run = javaMain(repo.root(), Map.of(), "synth", "--out", ".");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: output folder " + repo.root().toRealPath() + " is the repository root, which holds the project's "
                + "sources; choose a folder of its own, such as " + repo.root().toRealPath().resolve("dist") + "\n", run.err());
        assertTrue(Files.isRegularFile(repo.root().resolve("apps/demo/values.yaml")), "apps/ is left alone");
    }

    @Test
    void outAboveTheRepositoryIsRefused() {
        DemoRepo repo = repo();
        CliRun run = synth(repo, "--out", tmp.toString());
        assertOneLineError(run, "holds the repository");
        assertTrue(Files.isRegularFile(repo.root().resolve("apps/demo/values.yaml")));
    }

    @Test
    void outInsideTheAppsFolderIsRefused() {
        DemoRepo repo = repo();
        CliRun run = synth(repo, "--out", repo.root().resolve("apps/out").toString());
        assertOneLineError(run, "apps/");
        assertFalse(Files.exists(repo.root().resolve("apps/out")));
    }

    @Test
    void theFileSystemRootIsRefusedBeforeAnythingIsRead() {
        // Checked on the folder alone, not through a synth: a regression here must not reach the disk.
        OutputFolder.Refused refused = assertThrows(OutputFolder.Refused.class,
                () -> OutputFolder.check(Path.of("/"), tmp.resolve("repo"), "apps"));
        assertEquals("output folder /: the root of the file system; choose a folder of its own, such as " + tmp.resolve("repo/dist"),
                refused.getMessage());
    }

    @Test
    void aNonEmptyFolderSynthDidNotWriteIsRefusedAndKept() throws IOException {
        DemoRepo repo = repo();
        Path out = tmp.resolve("mine");
        write(out.resolve("notes/a.txt"), "mine\n");
        write(out.resolve("README.md"), "mine\n");
        write(out.resolve("prod/kustomization.yaml"), "resources: [mine.yaml]\n");
        CliRun run = synth(repo, "--out", out.toString());
        assertOneLineError(run, out + " is not empty and synth did not write it");
        assertEquals("mine\n", Files.readString(out.resolve("notes/a.txt")));
        assertEquals("resources: [mine.yaml]\n", Files.readString(out.resolve("prod/kustomization.yaml")));
        assertFalse(Files.exists(out.resolve("dev")));
    }

    @Test
    void anEmptyOrNewFolderIsWritten() throws IOException {
        DemoRepo repo = repo();
        Files.createDirectories(tmp.resolve("empty"));
        synth(repo, "--out", tmp.resolve("empty").toString()).assertSucceeded();
        synth(repo, "--out", tmp.resolve("new/dist").toString()).assertSucceeded();
        assertEquals(repo.files("../empty"), repo.files("../new/dist"));
        assertTrue(repo.files("../empty").containsKey("prod/demo.yaml"));
    }

    @Test
    void cdk8sOutdirIsCheckedLikeOut() throws Exception {
        DemoRepo repo = repo();
        MainRun refused = javaMain(repo.root(), Map.of("CDK8S_OUTDIR", "."), "synth", "--root", repo.root().toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("is the repository root"), refused.err());
        assertTrue(Files.isRegularFile(repo.root().resolve("apps/demo/values.yaml")), "apps/ is left alone");

        MainRun written = javaMain(repo.root(), Map.of("CDK8S_OUTDIR", "cdk8s.out"), "synth", "--root", repo.root().toString());
        assertEquals(0, written.exitCode(), written.err());
        assertTrue(repo.files("cdk8s.out").containsKey("prod/demo.yaml"));

        // As the cdk8s CLI runs it from another folder: a relative CDK8S_OUTDIR is that folder's, not the repository's
        Path elsewhere = Files.createDirectories(tmp.resolve("cdk8s-project"));
        MainRun outside = javaMain(elsewhere, Map.of("CDK8S_OUTDIR", "out"), "synth", "--root", repo.root().toString());
        assertEquals(0, outside.exitCode(), outside.err());
        assertTrue(Files.isRegularFile(elsewhere.resolve("out/prod/demo.yaml")), "written where the CLI looks");
        assertFalse(Files.exists(repo.root().resolve("out")), "nothing written into the repository");
        assertFalse(Files.exists(repo.root().resolve(".out.synth-state.json")), "nor its state file");
    }

    /** The exit code and error output of a {@link #javaMain} run. */
    record MainRun(int exitCode, String err) {
    }

    /** Runs {@code bin/ai-storage <args>} in {@code dir}, in a JVM of its own with {@code env} added to its environment, to its end. */
    static MainRun javaMain(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(Main.class.getName(), args)).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new MainRun(p.exitValue(), err);
    }

    @Test
    void aStrayFileInAnEnvironmentFolderIsKeptAndReported() throws IOException {
        DemoRepo repo = synthesizedRepo();
        Path prod = repo.root().resolve("dist/prod");
        write(prod.resolve("notes.txt"), "mine\n");
        write(prod.resolve("extra.yaml"), "kind: ConfigMap\n");
        write(prod.resolve("patches/p.yaml"), "mine\n");
        CliRun run = synth(repo).assertSucceeded();
        assertEquals("mine\n", Files.readString(prod.resolve("notes.txt")));
        assertEquals("kind: ConfigMap\n", Files.readString(prod.resolve("extra.yaml")));
        assertEquals("mine\n", Files.readString(prod.resolve("patches/p.yaml")));
        for (String kept : List.of("dist/prod/extra.yaml", "dist/prod/notes.txt", "dist/prod/patches")) {
            assertTrue(run.err().contains("warning: kept " + kept + ": synth did not write it"), run.err());
        }
        assertTrue(run.out().contains("0 removed"), run.out());
    }

    @Test
    void aFileAddedByHandToTheKustomizationIsKept() throws IOException {
        Resynth resynth = resynthAfterListingByHand("extra.yaml", "kind: ConfigMap\n");
        Path prod = resynth.prod();
        CliRun run = resynth.run();
        assertEquals("kind: ConfigMap\n", Files.readString(prod.resolve("extra.yaml")));
        assertTrue(run.err().contains("warning: kept dist/prod/extra.yaml"), run.err());
        assertFalse(Files.readString(prod.resolve("Kustomization")).contains("extra.yaml"), "the kustomization is synth's");
    }

    @Test
    void theManifestOfAnAppThatIsGoneIsRemovedByName() throws IOException {
        // As an earlier synth wrote it, when the repository still had the app 'old'.
        Resynth resynth = resynthAfterListingByHand("old.yaml",
                "# Generated from apps/old (values.yaml, values-prod.yaml). Do not edit.\nkind: ConfigMap\n");
        Path prod = resynth.prod();
        CliRun run = resynth.run();
        assertFalse(Files.exists(prod.resolve("old.yaml")));
        assertTrue(run.out().contains("1 removed"), run.out());
        assertTrue(run.out().contains("removed dist/prod/old.yaml\n"), run.out());
    }

    @Test
    void aRemovedEnvironmentsFilesAreRemovedByNameAndForeignOnesStay() throws IOException {
        DemoRepo repo = repo();
        repo.write("apps/demo/values-perf.yaml", "replicas: 5\n");
        synth(repo).assertSucceeded();
        write(repo.root().resolve("dist/perf/notes.txt"), "mine\n");
        Files.delete(repo.root().resolve("apps/demo/values-perf.yaml"));
        CliRun run = synth(repo).assertSucceeded();
        for (String f : List.of("demo.yaml", "Kustomization", "outputs.json", "storage.md")) {
            assertTrue(run.out().contains("removed dist/perf/" + f + "\n"), run.out());
        }
        assertTrue(run.out().contains("4 removed"), run.out());
        assertEquals(Map.of("perf/notes.txt", "mine\n"), filter(repo.dist(), "perf/"));
        assertTrue(run.err().contains("warning: kept dist/perf/notes.txt"), run.err());
    }

    @Test
    void aKustomizationYamlIsSynthsOnlyWhenAnOlderSynthWroteIt() throws IOException {
        DemoRepo repo = synthesizedRepo();
        SortedMap<String, String> current = repo.dist();
        Path prod = repo.root().resolve("dist/prod");
        write(prod.resolve("kustomization.yaml"), "resources: [demo.yaml]\n");
        assertOneLineError(synth(repo), "dist/prod/kustomization.yaml: synth did not write it, and kustomize refuses a folder with two"
                + " kustomizations (synth writes Kustomization); move it away");
        assertEquals("resources: [demo.yaml]\n", Files.readString(prod.resolve("kustomization.yaml")));
        // As a synth before the rename wrote it: same first line, named like a manifest
        Files.move(prod.resolve("Kustomization"), prod.resolve("kustomization.yaml"), StandardCopyOption.REPLACE_EXISTING);
        CliRun run = synth(repo).assertSucceeded();
        assertTrue(run.out().contains("removed dist/prod/kustomization.yaml\n"), run.out());
        assertEquals(current, repo.dist(), "one kustomization again");
    }

    private static Map<String, String> filter(SortedMap<String, String> files, String prefix) {
        return files.subMap(prefix, prefix + "\uffff");
    }

    @Test
    void aFolderWhoseKustomizationWasDeletedIsStillSynths() throws IOException {
        DemoRepo repo = synthesizedRepo();
        SortedMap<String, String> before = repo.dist();
        Files.delete(repo.root().resolve("dist/prod/Kustomization"));
        CliRun run = synth(repo).assertSucceeded();
        assertEquals(before, repo.dist());
    }

    @Test
    void aForeignFolderNamedLikeAnEnvironmentIsRefused() throws IOException {
        DemoRepo repo = synthesizedRepo();
        SortedMap<String, String> before = repo.dist();
        Path perf = repo.root().resolve("dist/perf");
        write(perf.resolve("kustomization.yaml"), "resources: [app.yaml]\n");
        write(perf.resolve("app.yaml"), "mine\n");
        repo.write("apps/demo/values-perf.yaml", "replicas: 5\n");
        CliRun run = synth(repo);
        assertOneLineError(run, "dist/perf holds files synth did not write");
        Files.delete(perf.resolve("kustomization.yaml"));
        assertOneLineError(synth(repo), "dist/perf holds files synth did not write");
        write(perf.resolve("kustomization.yaml"), "resources: [app.yaml]\n");
        assertEquals("resources: [app.yaml]\n", Files.readString(perf.resolve("kustomization.yaml")));
        assertEquals("mine\n", Files.readString(perf.resolve("app.yaml")));
        before.put("perf/app.yaml", "mine\n");
        before.put("perf/kustomization.yaml", "resources: [app.yaml]\n");
        assertEquals(before, repo.dist(), "nothing is written");
    }

    @Test
    void aForeignFileWhereSynthWritesIsRefused() throws IOException {
        DemoRepo repo = synthesizedRepo();
        Path prod = repo.root().resolve("dist/prod");
        String kustomization = Files.readString(prod.resolve("Kustomization"));
        Files.writeString(prod.resolve("Kustomization"), kustomization.replace("  - demo.yaml\n", ""));
        Files.writeString(prod.resolve("demo.yaml"), "mine\n");
        CliRun run = synth(repo);
        assertOneLineError(run, "dist/prod/demo.yaml: synth did not write it");
        assertEquals("mine\n", Files.readString(prod.resolve("demo.yaml")));
    }

    @Test
    void outAtARegularFileIsOneLine() throws IOException {
        DemoRepo repo = repo();
        Path file = tmp.resolve("file.txt");
        Files.writeString(file, "mine\n");
        assertOneLineError(synth(repo, "--out", file.toString()), file + " is a file, not a folder");
        assertOneLineError(synth(repo, "--out", file.resolve("dist").toString()), file + " is a file, not a folder");
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void aFileWhereAnEnvironmentFolderGoesIsOneLine() throws IOException {
        DemoRepo repo = synthesizedRepo();
        Path prod = repo.root().resolve("dist/prod");
        FileTrees.delete(prod);
        Files.writeString(prod, "mine\n");
        assertOneLineError(synth(repo), "dist/prod is a file, where synth writes the folder of environment prod");
        assertEquals("mine\n", Files.readString(prod));
    }

    @Test
    void aReadOnlyFolderIsOneLine() throws Exception {
        DemoRepo repo = repo();
        Path readOnly = tmp.resolve("read-only");
        Files.createDirectories(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // Permission bits do not stop root: an immutable folder (chattr +i) does, where the file system allows it.
        boolean immutable = Files.isWritable(readOnly) && run("chattr", "+i", readOnly.toString());
        try {
            Assumptions.assumeTrue(immutable || !canCreateIn(readOnly), "no way to make a read-only folder here");
            CliRun run = synth(repo, "--out", readOnly.resolve("dist").toString());
            assertOneLineError(run, readOnly.resolve("dist").toString());
            assertTrue(run.err().contains("permission denied") || run.err().contains("Operation not permitted"), run.err());
        } finally {
            if (immutable) {
                run("chattr", "-i", readOnly.toString());
            }
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void checkComparesWhatSynthWroteAndNamesWhatItKeeps() throws IOException {
        DemoRepo repo = synthesizedRepo();
        write(repo.root().resolve("dist/prod/notes.txt"), "mine\n");
        CliRun run = synth(repo, "--check").assertSucceeded();
        assertTrue(run.err().contains("warning: kept dist/prod/notes.txt: synth did not write it"), run.err());
    }
}
