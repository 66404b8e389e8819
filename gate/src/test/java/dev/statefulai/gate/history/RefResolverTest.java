package dev.statefulai.gate.history;

import dev.statefulai.gate.testing.TempGit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commit the guard compares dist/ with when no --ref is given, on real git histories: the
 * parent on the default branch, the merge base on a branch or in a pull request (detached HEAD as CI
 * checks it out), a clear error for a shallow clone, and nothing to compare in a first commit.
 */
class RefResolverTest {
    private static final Map<String, String> LOCAL = Map.of();
    private static final Map<String, String> CI = Map.of("CI", "true");

    @TempDir
    Path tmp;

    private TempGit origin() {
        return TempGit.init(tmp.resolve("origin"));
    }

    /** A clone of {@code upstream} with HEAD detached at {@code rev}, as CI checks a commit out. */
    private TempGit detachedClone(TempGit upstream, String rev) {
        TempGit clone = TempGit.cloneOf(upstream, tmp.resolve("clone"));
        clone.git("checkout", "-q", "--detach", rev);
        return clone;
    }

    private static String change(TempGit repo, String content, String message) {
        write(repo, "dist/prod/app.yaml", content);
        return repo.commitAll(message);
    }

    private static void write(TempGit repo, String path, String content) {
        try {
            Path file = repo.dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code count} (at most three) commits on the current branch, each changing the manifest; returns their ids, oldest first. */
    private static List<String> commits(TempGit repo, int count) {
        List<String> messages = List.of("one", "two", "three");
        return IntStream.rangeClosed(1, count).mapToObj(i -> change(repo, "a: " + i, messages.get(i - 1))).toList();
    }

    /** Two commits on the current branch; returns the first, the parent of HEAD. */
    private static String twoCommits(TempGit repo) {
        return commits(repo, 2).get(0);
    }

    /** Where {@code branch} left main, and main's tip after it moved on (in another file, so the two merge cleanly). */
    private record Fork(String base, String mainTip) {
    }

    /**
     * A commit on main, {@code branch} made from it with one change, then main moving on; ends on main.
     */
    private static Fork fork(TempGit repo, String branch) {
        String base = change(repo, "a: 1", "one");
        repo.git("checkout", "-q", "-b", branch);
        change(repo, "a: 2", branch + " change");
        repo.git("checkout", "-q", "main");
        write(repo, "dist/prod/other.yaml", "b: 1");
        return new Fork(base, repo.commitAll("main moves on"));
    }

    private static RefResolver.Resolution resolve(TempGit repo, Map<String, String> env) {
        Path dist = repo.dir.resolve("dist");
        return RefResolver.resolve(Files.isDirectory(dist) ? dist : repo.dir, new RefRequest.PipelineDefault(env));
    }

    private static ComparedRef compared(TempGit repo, Map<String, String> env) {
        RefResolver.Resolution r = resolve(repo, env);
        assertTrue(r.compared() != null, "no ref chosen: " + r.note());
        return r.compared();
    }

    /** Asserts that the guard compares {@code repo} under {@code env} with {@code commit}, for {@code reason}; returns the ref. */
    private static ComparedRef assertCompared(TempGit repo, Map<String, String> env, String commit, String reason) {
        ComparedRef ref = compared(repo, env);
        assertEquals(commit, ref.commit());
        assertEquals(reason, ref.reason());
        return ref;
    }

    /** The message of the error that choosing a ref for {@code repo} under {@code env} gives. */
    private static String refusal(TempGit repo, Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> resolve(repo, env)).getMessage();
    }

    @Test
    void onTheDefaultBranchTheParentCommit() {
        TempGit repo = origin();
        String first = twoCommits(repo);
        ComparedRef ref = assertCompared(repo, CI, first, "parent of HEAD on the default branch main");
        assertEquals("HEAD^", ref.label());
        assertEquals("HEAD^ (" + first.substring(0, 8) + ", parent of HEAD on the default branch main)", ref.describe());
    }

    @Test
    void onABranchTheMergeBaseWithTheDefaultBranch() {
        TempGit repo = origin();
        String base = fork(repo, "feature").base();
        repo.git("checkout", "-q", "feature");
        change(repo, "a: 3", "three");
        assertEquals(base.substring(0, 8), assertCompared(repo, CI, base, "merge base of feature and main").label());
    }

    @Test
    void originHeadNamesTheDefaultBranchOfAClone() {
        TempGit upstream = TempGit.init(tmp.resolve("upstream"));
        upstream.git("checkout", "-q", "-b", "trunk");
        String base = change(upstream, "a: 1", "one");
        TempGit clone = TempGit.cloneOf(upstream, tmp.resolve("clone"));
        clone.git("checkout", "-q", "-b", "feature");
        change(clone, "a: 2", "two");
        assertCompared(clone, CI, base, "merge base of feature and origin/trunk");
    }

    @Test
    void masterWhenThereIsNoMain() {
        TempGit repo = origin();
        repo.git("checkout", "-q", "-b", "master");
        String first = twoCommits(repo);
        assertCompared(repo, CI, first, "parent of HEAD on the default branch master");
    }

    @Test
    void noDefaultBranchIsAnErrorThatSaysToPassRef() {
        TempGit repo = origin();
        repo.git("checkout", "-q", "-b", "develop");
        change(repo, "a: 1", "one");
        assertEquals("cannot tell the default branch (no origin/HEAD, CI_DEFAULT_BRANCH, main or master): pass --ref,"
                + " e.g. --ref origin/develop", refusal(repo, CI));
    }

    /** GitHub Actions checks a pull request out as a detached merge commit of the PR into its base. */
    @Test
    void githubPullRequestMergeCommitComparesWithTheBaseBranch() {
        TempGit upstream = origin();
        String baseTip = fork(upstream, "pr").mainTip();
        TempGit clone = detachedClone(upstream, "origin/main");
        clone.git("merge", "-q", "--no-ff", "-m", "merge", "origin/pr");
        assertCompared(clone, Map.of("CI", "true", "GITHUB_BASE_REF", "main", "GITHUB_HEAD_REF", "pr", "GITHUB_REF_NAME", "7/merge"),
                baseTip, "merge base of HEAD and origin/main (target of GITHUB_BASE_REF)");
    }

    /** GitLab runs a merge request pipeline on the source branch's detached SHA. */
    @Test
    void gitlabMergeRequestOnADetachedShaComparesWithTheMergeBase() {
        TempGit upstream = origin();
        String base = fork(upstream, "mr").base();
        TempGit clone = detachedClone(upstream, "origin/mr");
        assertCompared(clone, Map.of("CI", "true", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"), base,
                "merge base of HEAD and origin/main (target of CI_MERGE_REQUEST_TARGET_BRANCH_NAME)");
    }

    /** GitLab's pipeline on the default branch: a detached SHA, CI_COMMIT_BRANCH names the branch. */
    @Test
    void gitlabPipelineOnTheDefaultBranchDetachedComparesWithTheParent() {
        TempGit upstream = origin();
        String first = twoCommits(upstream);
        TempGit clone = detachedClone(upstream, "HEAD");
        ComparedRef ref = compared(clone, Map.of("CI", "true", "CI_COMMIT_BRANCH", "main", "CI_DEFAULT_BRANCH", "main"));
        assertEquals(first, ref.commit());
        assertEquals("HEAD^", ref.label());
    }

    @Test
    void aDetachedHeadInTheDefaultBranchHistoryComparesWithItsParent() {
        TempGit repo = origin();
        List<String> commits = commits(repo, 3);
        repo.git("checkout", "-q", "--detach", commits.get(1));
        assertEquals(commits.get(0), compared(repo, CI).commit());
    }

    @Test
    void aShallowCloneWithoutTheParentIsAnErrorThatSaysToFetchDeeper() {
        TempGit upstream = origin();
        twoCommits(upstream);
        TempGit clone = TempGit.cloneOf(upstream, tmp.resolve("clone"), "--depth", "1");
        assertEquals("this clone is shallow and lacks the parent of HEAD, which the immutable-change guard compares with on the"
                + " default branch main: fetch deeper ('git fetch --unshallow'; GitHub Actions: actions/checkout with fetch-depth: 0;"
                + " GitLab CI: GIT_DEPTH: 0) or pass --ref", refusal(clone, CI));
    }

    @Test
    void aShallowPullRequestCloneWithoutTheTargetBranchIsAnError() {
        TempGit upstream = origin();
        change(upstream, "a: 1", "one");
        upstream.git("checkout", "-q", "-b", "pr");
        change(upstream, "a: 2", "two");
        TempGit clone = TempGit.cloneOf(upstream, tmp.resolve("clone"), "--depth", "1", "--branch", "pr");
        String message = refusal(clone, Map.of("CI", "true", "GITHUB_BASE_REF", "main"));
        assertTrue(message.startsWith("the target branch 'main' (GITHUB_BASE_REF) is not in this clone: fetch deeper"), message);
    }

    @Test
    void aShallowBranchCloneWhoseMergeBaseIsMissingIsAnError() {
        TempGit upstream = origin();
        fork(upstream, "feature");
        TempGit clone = TempGit.cloneOf(upstream, tmp.resolve("clone"), "--depth", "1", "--no-single-branch", "--branch", "feature");
        String message = refusal(clone, CI);
        assertTrue(message.startsWith("this clone is shallow and lacks the merge base of feature and origin/main: fetch deeper"), message);
    }

    @Test
    void theFirstCommitHasNothingToCompareWith() {
        TempGit repo = origin();
        String only = change(repo, "a: 1", "one");
        RefResolver.Resolution r = resolve(repo, CI);
        assertNull(r.compared());
        assertEquals("HEAD (" + only.substring(0, 8) + ") is the repository's first commit: nothing to compare with,"
                + " immutable-change guard skipped", r.note());
    }

    @Test
    void aRepositoryWithoutACommitHasNothingToCompareWith() {
        TempGit repo = origin();
        write(repo, "dist/prod/app.yaml", "a: 1");
        RefResolver.Resolution r = resolve(repo, CI);
        assertNull(r.compared());
        assertEquals("the repository has no commit yet: nothing to compare with, immutable-change guard skipped", r.note());
    }

    /** The daily loop on the default branch (synth, check, then commit) compares the uncommitted dist/ with HEAD; CI never does. */
    @Test
    void uncommittedDistOnTheDefaultBranchComparesWithHeadOutsideCi() {
        TempGit repo = origin();
        List<String> commits = commits(repo, 2);
        write(repo, "dist/prod/app.yaml", "a: 3");
        ComparedRef local = assertCompared(repo, LOCAL, commits.get(1),
                "dist/ has uncommitted changes on the default branch main; a pipeline compares with the parent commit");
        assertEquals("HEAD", local.label());
        assertEquals(commits.get(0), compared(repo, CI).commit());
    }

    @Test
    void aNamedRefThatDoesNotExistIsAnError() {
        TempGit repo = origin();
        change(repo, "a: 1", "one");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RefResolver.resolve(repo.dir.resolve("dist"), new RefRequest.Named("no-such-branch")));
        assertEquals("git ref 'no-such-branch' does not exist in the git repository at " + repo.dir.toAbsolutePath(), e.getMessage());
    }

    @Test
    void aNamedRefIsNeverReadAsAGitOption() {
        TempGit repo = origin();
        change(repo, "a: 1", "one");
        assertThrows(IllegalArgumentException.class,
                () -> RefResolver.resolve(repo.dir.resolve("dist"), new RefRequest.Named("--all")));
    }

    @Test
    void aNamedRefOutsideAGitWorkTreeIsAnError() throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("plain/dist"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RefResolver.resolve(dist, new RefRequest.Named("HEAD")));
        assertEquals("git ref 'HEAD' cannot be read: " + dist + " is not in a git work tree", e.getMessage());
    }
}
