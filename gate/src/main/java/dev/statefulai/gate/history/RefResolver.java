package dev.statefulai.gate.history;

import dev.statefulai.gate.history.GitDist.Git;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chooses the commit the immutable-change guard compares dist/ with, the same way for {@code check}
 * and {@code diff}. A ref given with --ref must name a commit. Without one, the guard compares what a
 * pipeline is about to deploy with what was there before:
 * <ul>
 *   <li>a pull or merge request (GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME): the merge base
 *       of HEAD and the target branch, so a detached merge commit or SHA works;</li>
 *   <li>on a branch other than the default branch: its merge base with the default branch
 *       (origin/HEAD, else CI_DEFAULT_BRANCH, else main or master);</li>
 *   <li>on the default branch (by name, or a detached HEAD in its history): the parent commit, or HEAD
 *       when dist/ has uncommitted changes outside CI (the daily loop: synth, check, commit).</li>
 * </ul>
 * A shallow clone that lacks the commit needed is an error that says to fetch deeper, never a pass.
 */
public final class RefResolver {
    public static final String GIVEN = "given with --ref";
    private static final String FETCH_DEEPER = "fetch deeper ('git fetch --unshallow'; GitHub Actions: actions/checkout"
            + " with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0) or pass --ref";
    private static final List<String> TARGET_VARIABLES = List.of("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME");

    /** The commit to compare with; or none (null) and the note that says why. */
    public record Resolution(ComparedRef compared, String note) {
    }

    /** A branch as found in this clone: its name (main), full ref and the name people use (origin/main). */
    private record Branch(String name, String ref, String label) {
    }

    private final Path dir;
    private final Map<String, String> environment;

    private RefResolver(Path dir, Map<String, String> environment) {
        this.dir = dir;
        this.environment = environment;
    }

    /**
     * @param dir a folder inside the work tree: dist/ (its uncommitted changes matter on the default branch)
     * @throws IllegalArgumentException when the ref named does not exist or the default cannot be had
     */
    public static Resolution resolve(Path dir, RefRequest request) {
        if (request instanceof RefRequest.None) {
            return new Resolution(null, "no git ref given: immutable-change guard skipped");
        }
        if (request instanceof RefRequest.Named named) {
            return new Resolution(new RefResolver(dir, Map.of()).named(named.ref()), null);
        }
        return new RefResolver(dir, ((RefRequest.PipelineDefault) request).environment()).pipelineDefault();
    }

    private ComparedRef named(String ref) {
        if (ref.isBlank()) {
            throw new IllegalArgumentException("--ref '': name a git ref to compare with (a branch, tag or commit)");
        }
        if (!inWorkTree()) {
            throw new IllegalArgumentException("git ref '" + ref + "' cannot be read: " + dir + " is not in a git work tree");
        }
        String commit = commit(ref);
        if (commit == null) {
            throw new IllegalArgumentException("git ref '" + ref + "' does not exist in the git repository at " + topLevel()
                    + (shallow() ? " (a shallow clone: " + FETCH_DEEPER + ")" : ""));
        }
        return new ComparedRef(ref, commit, GIVEN);
    }

    private Resolution pipelineDefault() {
        if (!inWorkTree()) {
            return new Resolution(null, dir + " is not in a git work tree: immutable-change guard skipped");
        }
        String head = commit("HEAD");
        if (head == null) {
            return new Resolution(null, "the repository has no commit yet: nothing to compare with, immutable-change guard skipped");
        }
        for (String variable : TARGET_VARIABLES) {
            String target = environment.getOrDefault(variable, "").trim();
            if (!target.isEmpty()) {
                Branch base = branch(target);
                if (base == null) {
                    throw new IllegalArgumentException("the target branch '" + target + "' (" + variable + ") is not in this clone: "
                            + (shallow() ? FETCH_DEEPER : "git fetch origin " + target + ", or pass --ref"));
                }
                return mergeBase(head, "HEAD", base, " (target of " + variable + ")");
            }
        }
        Branch main = defaultBranch();
        String current = currentBranch();
        boolean onDefault = main != null && (current != null ? current.equals(main.name())
                : main.ref() != null && Git.run(dir, "merge-base", "--is-ancestor", head, main.ref()).ok());
        if (!onDefault) {
            if (main == null || main.ref() == null) {
                throw new IllegalArgumentException(main == null
                        ? "cannot tell the default branch (no origin/HEAD, CI_DEFAULT_BRANCH, main or master): pass --ref, e.g. --ref origin/develop"
                        : "the default branch '" + main.name() + "' (CI_DEFAULT_BRANCH) is not in this clone: "
                                + (shallow() ? FETCH_DEEPER : "git fetch origin " + main.name() + ", or pass --ref"));
            }
            return mergeBase(head, current == null ? "HEAD" : current, main, "");
        }
        if (!isCi() && distChanged()) {
            return new Resolution(new ComparedRef("HEAD", head, "dist/ has uncommitted changes on the default branch "
                    + main.name() + "; a pipeline compares with the parent commit"), null);
        }
        String parent = commit("HEAD^");
        if (parent != null) {
            return new Resolution(new ComparedRef("HEAD^", parent, "parent of HEAD on the default branch " + main.name()), null);
        }
        if (shallow()) {
            throw new IllegalArgumentException("this clone is shallow and lacks the parent of HEAD, which the immutable-change guard"
                    + " compares with on the default branch " + main.name() + ": " + FETCH_DEEPER);
        }
        return new Resolution(null, "HEAD (" + head.substring(0, 8) + ") is the repository's first commit: nothing to compare with,"
                + " immutable-change guard skipped");
    }

    private Resolution mergeBase(String head, String from, Branch base, String source) {
        Git.Result found = Git.run(dir, "merge-base", head, base.ref());
        if (!found.ok()) {
            throw new IllegalArgumentException(shallow()
                    ? "this clone is shallow and lacks the merge base of " + from + " and " + base.label() + ": " + FETCH_DEEPER
                    : from + " and " + base.label() + " share no commit: pass --ref");
        }
        String commit = found.out().trim();
        return new Resolution(new ComparedRef(commit.substring(0, 8), commit,
                "merge base of " + from + " and " + base.label() + source), null);
    }

    /** origin/HEAD, else CI_DEFAULT_BRANCH (whose ref may be missing), else main or master; null when none. */
    private Branch defaultBranch() {
        Git.Result originHead = Git.run(dir, "symbolic-ref", "-q", "refs/remotes/origin/HEAD");
        String prefix = "refs/remotes/origin/";
        if (originHead.ok() && originHead.out().trim().startsWith(prefix)) {
            Branch b = branch(originHead.out().trim().substring(prefix.length()));
            if (b != null) {
                return b;
            }
        }
        String fromCi = environment.getOrDefault("CI_DEFAULT_BRANCH", "").trim();
        if (!fromCi.isEmpty()) {
            Branch b = branch(fromCi);
            return b != null ? b : new Branch(fromCi, null, fromCi);
        }
        for (String name : List.of("main", "master")) {
            Branch b = branch(name);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** The branch as this clone has it, the remote's first (a pipeline's local branch may be stale); null when absent. */
    private Branch branch(String name) {
        for (String ref : List.of("refs/remotes/origin/" + name, "refs/heads/" + name)) {
            if (commit(ref) != null) {
                return new Branch(name, ref, ref.startsWith("refs/heads/") ? name : "origin/" + name);
            }
        }
        return null;
    }

    /** The checked-out branch; for a detached HEAD the one CI names (GitLab CI_COMMIT_BRANCH, GitHub GITHUB_REF_NAME); else null. */
    private String currentBranch() {
        Git.Result symbolic = Git.run(dir, "symbolic-ref", "-q", "--short", "HEAD");
        if (symbolic.ok() && !symbolic.out().isBlank()) {
            return symbolic.out().trim();
        }
        String gitlab = environment.getOrDefault("CI_COMMIT_BRANCH", "").trim();
        if (!gitlab.isEmpty()) {
            return gitlab;
        }
        String github = environment.getOrDefault("GITHUB_REF_NAME", "").trim();
        return "branch".equals(environment.get("GITHUB_REF_TYPE")) && !github.isEmpty() ? github : null;
    }

    private boolean isCi() {
        String ci = environment.getOrDefault("CI", "").trim();
        return !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    private boolean distChanged() {
        Git.Result status = Git.run(dir, "status", "--porcelain", "--untracked-files=all", "--", ".");
        return status.ok() && !status.out().isBlank();
    }

    private boolean inWorkTree() {
        return java.nio.file.Files.isDirectory(dir) && Git.run(dir, "rev-parse", "--is-inside-work-tree").out().trim().equals("true");
    }

    private boolean shallow() {
        return Git.run(dir, "rev-parse", "--is-shallow-repository").out().trim().equals("true");
    }

    private String topLevel() {
        return Git.run(dir, "rev-parse", "--show-toplevel").out().trim();
    }

    /** The commit a ref names, or null; --end-of-options keeps a ref that starts with '-' from being read as an option. */
    private String commit(String ref) {
        Git.Result r = Git.run(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
        return r.ok() ? r.out().trim() : null;
    }
}
