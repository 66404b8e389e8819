package dev.statefulai.cli;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import dev.statefulai.gate.testing.TempGit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code diff} chooses its ref like {@code check}: a committed change against its parent, removals marked, the same errors. */
class DiffRefTest {
    private static final Map<String, String> CI = Map.of("CI", "true");

    @TempDir
    Path tmp;

    private TempGit repo;
    private GateFixture fixture;
    private String parent;

    private void commitThenChange(String[] before, String[] after) {
        repo = TempGit.init(tmp);
        fixture = new GateFixture(tmp).file("prod", "app.yaml", before);
        parent = repo.commitAll("before");
        fixture.file("prod", "app.yaml", after);
        repo.commitAll("the change");
    }

    @Test
    void withoutRefACommittedChangeIsShownAgainstTheParentCommit() {
        commitThenChange(Docs.cleanSet(), GateFixture.cleanWith(0, "type: gp3", "type: io2"));
        GateCli run = GateCli.diff(CI, "--root", tmp.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("dist/prod against HEAD^ (" + parent.substring(0, 8) + ", parent of HEAD on the default branch main):\n"
                + "  ~ StorageClass/gp3\n"
                + "      parameters.type: gp3 -> io2\n"
                + "      ! IMM002 error: parameters changed: the API server rejects the update"), run.out());
    }

    @Test
    void aRemovedClaimIsMarkedWithHowToKeepItsData() {
        String[] clean = Docs.cleanSet();
        String[] withoutArchiveClaim = {clean[0], clean[1], clean[2], clean[3], clean[4]};
        commitThenChange(clean, withoutArchiveClaim);
        GateCli run = GateCli.diff(CI, "--root", tmp.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("  - PersistentVolumeClaim/data/archive\n"
                + "      ! IMM008 error: PersistentVolumeClaim data/archive is gone from dist/prod: a sync that prunes deletes it,"
                + " and its volume is released and keeps the data (reclaimPolicy Retain)"), run.out());
    }

    /**
     * A file at the ref that did not parse made diff show its objects as added and check skip them silently, both exiting
     * 0. Its objects are unknown wherever they are now: one moved to another file was still shown as added.
     */
    @ParameterizedTest
    @ValueSource(strings = {"app.yaml", "moved.yaml"})
    void aFileAtTheRefThatDoesNotParseIsNamedByDiffAndCheck(String nowIn) throws Exception {
        String[] changed = GateFixture.cleanWith(0, "type: gp3", "type: io2");
        commitThenChange(Docs.cleanSet(), changed);
        java.nio.file.Files.writeString(fixture.dist.resolve("prod/app.yaml"), "\u0001 not yaml: [\n", java.nio.file.StandardOpenOption.APPEND);
        String broken = repo.commitAll("a broken file");
        java.nio.file.Files.delete(fixture.dist.resolve("prod/app.yaml"));
        fixture.file("prod", nowIn, changed);

        GateCli diff = GateCli.diff(CI, "--root", tmp.toString(), "--ref", "HEAD");
        assertEquals(1, diff.exit(), diff.out() + diff.err());
        String[] lines = diff.out().split("\n");
        assertEquals("dist/prod against HEAD:", lines[0], diff.out());
        assertTrue(lines[1].matches("  \\? at HEAD, dist/prod/app\\.yaml cannot be read: not valid YAML: .* \\(line \\d+\\);"
                + " the objects it held there are unknown: those marked \\? may have changed in ways this diff cannot show"), lines[1]);
        assertEquals("  ? StorageClass/gp3", lines[2], diff.out());
        assertTrue(!diff.out().contains("  + "), diff.out());

        GateCli check = GateCli.check(CI, "--dist", tmp.resolve("dist").toString(), "--ref", "HEAD");
        assertEquals(1, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("error   DIST003   prod     File/dist/prod/app.yaml"), check.out());
        assertTrue(check.out().contains("at HEAD (" + broken.substring(0, 8) + ", given with --ref), dist/prod/app.yaml cannot be read:"),
                check.out());
    }

    @Test
    void aRefThatDoesNotExistExitsTwo() {
        commitThenChange(Docs.cleanSet(), Docs.cleanSet());
        GateCli run = GateCli.diff(CI, "--root", tmp.toString(), "--ref", "no-such-branch");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: git ref 'no-such-branch' does not exist in the git repository at "), run.err());
    }

    @Test
    void aShallowCloneExitsTwoLikeCheck() {
        commitThenChange(Docs.cleanSet(), GateFixture.cleanWith(0, "type: gp3", "type: io2"));
        TempGit clone = TempGit.cloneOf(repo, tmp.resolve("clone"), "--depth", "1");
        GateCli diff = GateCli.diff(CI, "--root", clone.dir.toString());
        GateCli check = GateCli.check(CI, "--dist", clone.dir.resolve("dist").toString());
        assertEquals(2, diff.exit());
        assertEquals(check.err(), diff.err());
    }
}
