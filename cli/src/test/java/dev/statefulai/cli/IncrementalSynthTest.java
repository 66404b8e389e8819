package dev.statefulai.cli;

import dev.statefulai.engine.incremental.SynthState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.engine.testing.TempTree;
import dev.statefulai.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental synth ({@link SynthState}): what it keeps, what it synthesizes again, and that the result is a full synth's. */
class IncrementalSynthTest {
    @TempDir
    Path tmp;

    private CliRun synth(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "synth";
        args[1] = "--root";
        args[2] = tmp.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /** What a synth from nothing writes for the repository as it is now. */
    private SortedMap<String, String> fullSynthInto(String folder) {
        CliRun.of("synth", "--root", tmp.toString(), "--out", tmp.resolve(folder).toString(), "--full");
        return new TempTree(tmp).files(folder);
    }

    /** A first synth, then the clock ticks ({@link #letTheClockTick}); returns the dist/ it wrote. */
    private SortedMap<String, String> firstSynth(DemoRepo repo) throws IOException {
        synth();
        SortedMap<String, String> dist = repo.dist();
        letTheClockTick();
        return dist;
    }

    /**
     * Moves the state's save time a minute on, as the clock would: files written by the synth are then
     * older than the state, so their recorded stamps are trusted (not read again).
     */
    private void letTheClockTick() throws IOException {
        Path state = SynthState.stateFile(tmp.resolve("dist"));
        Files.setLastModifiedTime(state, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    }

    @Test
    void aSecondSynthWithNothingChangedKeepsEveryUnitAndWritesNothing() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        SortedMap<String, String> first = firstSynth(repo);
        CliRun again = synth();
        assertTrue(again.out().contains("0 file(s) written, 8 unchanged, 0 removed (2 app-environment(s) unchanged since the last synth"),
                again.out());
        assertEquals(first, repo.dist());
    }

    @Test
    void changingOneEnvironmentsValuesSynthesizesOnlyThatUnitAndGivesWhatAFullSynthGives() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        firstSynth(repo);
        String devBefore = repo.dist().get("dev/demo.yaml");
        repo.write("apps/demo/values-prod.yaml", "replicas: 4\nsize: 100Gi\n");
        CliRun run = synth();
        assertTrue(run.out().contains("(1 app-environment(s) unchanged since the last synth"), run.out());
        // prod's manifest, outputs.json (it names each replica's claim) and storage.md; the other five as they were.
        assertTrue(run.out().contains("3 file(s) written, 5 unchanged"), run.out());
        assertTrue(repo.dist().get("prod/outputs.json").contains("data-demo-3"));
        assertTrue(repo.dist().get("prod/demo.yaml").contains("replicas: 4\n"));
        assertTrue(repo.dist().get("prod/storage.md").contains("4 replicas"));
        assertEquals(devBefore, repo.dist().get("dev/demo.yaml"));
        assertEquals(fullSynthInto("fresh"), repo.dist());
    }

    @Test
    void anEditedPictureMakesEachUnitCheckItsOwnSectionAndOnlyTheEditedOneIsSynthesizedAgain() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-perf.yaml", "replicas: 5\n");
        SortedMap<String, String> first = firstSynth(repo);
        repo.write("dist/perf/storage.md", first.get("perf/storage.md").replace("5 replicas", "6 replicas"));
        CliRun run = synth();
        assertTrue(run.out().contains("(2 app-environment(s) unchanged since the last synth"), run.out());
        assertEquals(first, repo.dist());
    }

    @Test
    void aManifestEditedByHandIsSynthesizedAgainAndRestored() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        String prod = firstSynth(repo).get("prod/demo.yaml");
        repo.write("dist/prod/demo.yaml", prod.replace("replicas: 3", "replicas: 9"));
        CliRun run = synth();
        assertTrue(run.out().contains("(1 app-environment(s) unchanged since the last synth"), run.out());
        assertEquals(prod, repo.dist().get("prod/demo.yaml"));
    }

    @Test
    void anEditThatKeepsSizeAndTimeIsStillSeenWhenItCameInTheSameClockTickAsTheSynth() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        synth();
        Path manifest = tmp.resolve("dist/prod/demo.yaml");
        String prod = Files.readString(manifest);
        // The manifest's time is not before the state's save time: its stamp proves nothing ("racily clean").
        FileTime written = Files.getLastModifiedTime(manifest);
        Files.setLastModifiedTime(SynthState.stateFile(tmp.resolve("dist")), written);
        Files.writeString(manifest, prod.replace("replicas: 3", "replicas: 9"));
        Files.setLastModifiedTime(manifest, written);
        synth();
        assertEquals(prod, repo.dist().get("prod/demo.yaml"));
    }

    @Test
    void aValuesFileTouchedWithoutChangeIsReadAgainButNothingIsSynthesized() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        firstSynth(repo);
        Path values = tmp.resolve("apps/demo/values.yaml");
        Files.setLastModifiedTime(values, FileTime.fromMillis(System.currentTimeMillis() - 5_000));
        CliRun run = synth();
        assertTrue(run.out().contains("(2 app-environment(s) unchanged since the last synth"), run.out());
        assertTrue(run.out().contains("0 file(s) written"), run.out());
    }

    @Test
    void aRemovedManifestOrAnEditedOutputsFileIsWrittenAgain() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        SortedMap<String, String> first = firstSynth(repo);
        Files.delete(tmp.resolve("dist/dev/demo.yaml"));
        repo.write("dist/prod/outputs.json", "{}\n");
        CliRun run = synth();
        assertEquals(first, repo.dist());
        // dev's manifest is gone, and prod's names are only in its outputs.json: both are synthesized again.
        assertFalse(run.out().contains("unchanged since the last synth"), run.out());
    }

    @Test
    void fullSynthesizesEverythingAndAStateFromAnotherVersionIsIgnored() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        firstSynth(repo);
        assertFalse(synth("--full").out().contains("unchanged since the last synth"));
        Files.writeString(SynthState.stateFile(tmp.resolve("dist")), "{\"version\":1,\"units\":{}}\n");
        assertFalse(synth().out().contains("unchanged since the last synth"));
        assertEquals(fullSynthInto("fresh"), repo.dist());
    }

    @Test
    void aStateWithEntriesThisCodeWouldNotWriteCostsASynthNotACrash() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        synth();
        Files.writeString(SynthState.stateFile(tmp.resolve("dist")),
                "{\"version\":4,\"units\":{\"dev/demo\":{},\"bogus\":{\"inputs\":\"a\",\"manifest\":\"b\",\"outputs\":\"c\","
                        + "\"topology\":\"d\"}},\"files\":{\"dist/dev/demo.yaml\":\"garbled\"}}\n");
        CliRun run = synth();
        assertFalse(run.out().contains("unchanged since the last synth"), run.out());
        assertEquals(fullSynthInto("fresh"), repo.dist());
        letTheClockTick();
        assertTrue(synth().out().contains("(2 app-environment(s) unchanged since the last synth"), "the state is whole again");
    }
}
