package dev.statefulai.synth.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** dist/ as it was at a git ref, read with {@code git ls-tree} and {@code git show}, without touching the work tree. */
final class GitDist {

    /** The files (relative to dist/) and, when the ref could not be read, why. */
    record Snapshot(SortedMap<String, String> files, String note, boolean available) {
    }

    private GitDist() {
    }

    static Snapshot read(Path distDir, String ref, List<String> environments) {
        Path dist;
        try {
            dist = distDir.toRealPath();
        } catch (IOException e) {
            return new Snapshot(new TreeMap<>(), "dist folder missing: immutable checks skipped", false);
        }
        Git.Result top = Git.run(dist, "rev-parse", "--show-toplevel");
        if (!top.ok()) {
            return new Snapshot(new TreeMap<>(), dist + " is not in a git work tree: immutable checks skipped", false);
        }
        Path root;
        try {
            root = Path.of(top.out().trim()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rel = root.relativize(dist).toString().replace('\\', '/');
        String prefix = rel.isEmpty() ? "" : rel + "/";
        if (!Git.run(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").ok()) {
            return new Snapshot(new TreeMap<>(), "git ref '" + ref + "' does not exist: every object counts as new", true);
        }
        Git.Result list = Git.run(root, "ls-tree", "-r", "--name-only", ref, "--", prefix.isEmpty() ? "." : prefix);
        SortedMap<String, String> files = new TreeMap<>();
        for (String path : list.out().lines().toList()) {
            String inDist = path.substring(prefix.length());
            int slash = inDist.indexOf('/');
            if (slash < 0 || !environments.contains(inDist.substring(0, slash)) || !inDist.endsWith(".yaml")) {
                continue;
            }
            Git.Result show = Git.run(root, "show", ref + ":" + path);
            if (show.ok()) {
                files.put(inDist, show.out());
            }
        }
        String note = files.isEmpty() ? "dist/ has no files at git ref '" + ref + "': every object counts as new" : null;
        return new Snapshot(files, note, true);
    }

    /** A git child process. */
    static final class Git {
        record Result(int exit, String out) {
            boolean ok() {
                return exit == 0;
            }
        }

        private Git() {
        }

        static Result run(Path dir, String... args) {
            List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
            command.addAll(List.of(args));
            try {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "");
                }
                return new Result(p.exitValue(), out);
            } catch (IOException e) {
                return new Result(-1, "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "");
            }
        }
    }
}
