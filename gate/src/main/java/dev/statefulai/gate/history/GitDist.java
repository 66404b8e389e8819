package dev.statefulai.gate.history;

import dev.statefulai.gate.model.ManifestFolder;

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
public final class GitDist {

    /** The files (relative to dist/) and, when dist/ had none at that commit, a note saying so. */
    public record Snapshot(SortedMap<String, String> files, String note) {
    }

    private GitDist() {
    }

    /** dist/'s files of {@code environments} at the commit a {@link RefResolver} chose. */
    public static Snapshot read(Path distDir, ComparedRef compared, List<String> environments) {
        return read(ManifestFolder.dist(distDir), compared, environments);
    }

    /** The folder's files of {@code environments} at the commit a {@link RefResolver} chose, keyed as {@link ManifestFolder#keyOf} says. */
    public static Snapshot read(ManifestFolder folder, ComparedRef compared, List<String> environments) {
        Path distDir = folder.dir();
        Path dist;
        Path root;
        try {
            dist = distDir.toRealPath();
            Git.Result top = Git.run(dist, "rev-parse", "--show-toplevel");
            if (!top.ok()) {
                throw new IllegalArgumentException(dist + " is not in a git work tree");
            }
            root = Path.of(top.out().trim()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = compared.commit();
        String rel = root.relativize(dist).toString().replace('\\', '/');
        String prefix = rel.isEmpty() ? "" : rel + "/";
        Git.Result list = Git.run(root, "ls-tree", "-r", "--name-only", commit, "--", prefix.isEmpty() ? "." : prefix);
        if (!list.ok()) {
            throw new IllegalArgumentException("cannot list dist/ at " + compared.describe() + " with git ls-tree");
        }
        SortedMap<String, String> files = new TreeMap<>();
        for (String path : list.out().lines().toList()) {
            String key = folder.keyOf(path.substring(prefix.length()), environments);
            if (key == null) {
                continue;
            }
            Git.Result show = Git.run(root, "show", commit + ":" + path);
            if (show.ok()) {
                files.put(key, show.out());
            }
        }
        String note = files.isEmpty() ? "dist/ has no files at " + compared.describe() + ": every object counts as new" : null;
        return new Snapshot(files, note);
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
