package dev.statefulai.cli;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import dev.statefulai.gate.testing.TempGit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IMM001-IMM006 as a pipeline meets them: the change is committed (the work tree is clean) and
 * {@code check} runs without --ref, so the guard compares HEAD with its parent on the default branch.
 * Each case names the Kubernetes 1.28 validation it mirrors.
 */
class CommittedChangeGuardTest {
    private static final Map<String, String> CI = Map.of("CI", "true");

    @TempDir
    Path tmp;

    private static String[] with(int index, String from, String to) {
        return GateFixture.cleanWith(index, from, to);
    }

    private static String noExpansion() {
        return Docs.gp3().replace("allowVolumeExpansion: true", "allowVolumeExpansion: false");
    }

    private static String io2() {
        return Docs.storageClass("io2", "ebs.csi.aws.com", "Retain", "WaitForFirstConsumer");
    }

    private static String[] renamedStatefulSet() {
        String[] docs = Docs.cleanSet();
        docs[2] = docs[2].replace("{name: db, namespace: data}", "{name: db2, namespace: data}");
        return docs;
    }

    static Stream<Arguments> committedChanges() {
        return Stream.of(
                Arguments.of("IMM001 ValidateStatefulSetUpdate: volumeClaimTemplates", Docs.cleanSet(),
                        with(2, "storage: 10Gi", "storage: 20Gi"), "error   IMM001    prod     StatefulSet/data/db", 1),
                Arguments.of("IMM002 ValidateStorageClassUpdate: parameters", Docs.cleanSet(),
                        with(0, "type: gp3", "type: io2"), "error   IMM002    prod     StorageClass/gp3", 1),
                Arguments.of("IMM003 ValidatePersistentVolumeUpdate: volume source", Docs.cleanSet(),
                        with(4, "volumeHandle: vol-archive-pv", "volumeHandle: vol-new"), "error   IMM003    prod     PersistentVolume/archive-pv", 1),
                Arguments.of("IMM004 ValidatePersistentVolumeClaimUpdate: storageClassName",
                        new String[] {Docs.gp3(), io2(), Docs.pvc("scratch", "gp3", "10Gi", "ReadWriteOnce", "")},
                        new String[] {Docs.gp3(), io2(), Docs.pvc("scratch", "io2", "10Gi", "ReadWriteOnce", "")},
                        "error   IMM004    prod     PersistentVolumeClaim/data/scratch", 1),
                Arguments.of("IMM005 ValidatePersistentVolumeClaimUpdate: growing without allowVolumeExpansion",
                        new String[] {noExpansion(), Docs.pvc("scratch", "gp3", "10Gi", "ReadWriteOnce", "")},
                        new String[] {noExpansion(), Docs.pvc("scratch", "gp3", "20Gi", "ReadWriteOnce", "")},
                        "warning IMM005    prod     PersistentVolumeClaim/data/scratch", 0),
                Arguments.of("IMM006 a renamed StatefulSet", Docs.cleanSet(), renamedStatefulSet(),
                        "warning IMM006    prod     StatefulSet/data/db2", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("committedChanges")
    void aCommittedChangeIsCaughtAgainstTheParentCommit(String name, String[] before, String[] after, String line, int exit) {
        TempGit repo = TempGit.init(tmp);
        GateFixture fixture = new GateFixture(tmp);
        fixture.file("prod", "app.yaml", before);
        String parent = repo.commitAll("before");
        fixture.file("prod", "app.yaml", after);
        repo.commitAll("the change");

        GateCli run = GateCli.check(CI, "--dist", fixture.dist.toString());
        assertEquals(exit, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith(line + "\n"), run.out());
        assertTrue(run.out().contains(" against HEAD^ (" + parent.substring(0, 8) + ", parent of HEAD on the default branch main), "), run.out());
    }

    @Test
    void jsonSaysWhichRefWasUsed() throws Exception {
        TempGit repo = TempGit.init(tmp);
        GateFixture fixture = new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        String parent = repo.commitAll("before");
        fixture.file("prod", "app.yaml", with(0, "type: gp3", "type: io2"));
        repo.commitAll("the change");
        GateCli run = GateCli.check(CI, "--dist", fixture.dist.toString(), "--format", "json");
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertEquals("HEAD^", root.get("ref").asText());
        assertEquals(parent, root.get("refCommit").asText());
        assertEquals("parent of HEAD on the default branch main", root.get("refReason").asText());
        assertEquals("IMM002", root.get("findings").get(0).get("rule").asText());
    }

    @Test
    void onABranchTheWholeBranchIsComparedWithItsMergeBase() {
        TempGit repo = TempGit.init(tmp);
        GateFixture fixture = new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        String base = repo.commitAll("before");
        repo.git("checkout", "-q", "-b", "grow-db");
        fixture.file("prod", "app.yaml", with(2, "storage: 10Gi", "storage: 20Gi"));
        repo.commitAll("grow the template");
        fixture.file("prod", "app.yaml", labelTheService(with(2, "storage: 10Gi", "storage: 20Gi")));
        repo.commitAll("an unrelated later commit");

        GateCli run = GateCli.check(CI, "--dist", fixture.dist.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().startsWith("error   IMM001    prod     StatefulSet/data/db\n"), run.out());
        assertTrue(run.out().contains(" against " + base.substring(0, 8) + " (merge base of grow-db and main), "), run.out());
    }

    @Test
    void aFirstCommitSaysThereIsNothingToCompareWith() {
        TempGit repo = TempGit.init(tmp);
        GateFixture fixture = new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        String only = repo.commitAll("first");
        GateCli run = GateCli.check(CI, "--dist", fixture.dist.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("note: HEAD (" + only.substring(0, 8) + ") is the repository's first commit: nothing to compare"
                + " with, immutable-change guard skipped\n"), run.out());
    }

    @Test
    void aShallowCloneFailsWithExitTwoAndSaysToFetchDeeper() {
        Path upstreamDir = tmp.resolve("upstream");
        TempGit upstream = TempGit.init(upstreamDir);
        GateFixture fixture = new GateFixture(upstreamDir).file("prod", "app.yaml", Docs.cleanSet());
        upstream.commitAll("before");
        fixture.file("prod", "app.yaml", with(0, "type: gp3", "type: io2"));
        upstream.commitAll("the change");
        TempGit clone = TempGit.cloneOf(upstream, tmp.resolve("clone"), "--depth", "1");
        GateCli run = GateCli.check(CI, "--dist", clone.dir.resolve("dist").toString());
        assertEquals(2, run.exit(), run.out());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: this clone is shallow and lacks the parent of HEAD"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private static String[] labelTheService(String[] docs) {
        docs[1] = docs[1].replace("{name: db, namespace: data}", "{name: db, namespace: data, labels: {tier: db}}");
        return docs;
    }
}
