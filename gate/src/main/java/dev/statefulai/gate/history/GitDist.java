package dev.statefulai.gate.history;

import dev.statefulai.facts.TextFile;
import dev.statefulai.gate.model.ManifestFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** dist/ as it was at a git ref, read with {@code git ls-tree} and one {@code git cat-file --batch}, without touching the work tree. */
public final class GitDist {

    /**
     * The files (relative to dist/) and, when dist/ had none at that commit, a note saying so.
     *
     * @param unreadable the files git lists there but that were not read, by key, with why (too large, or git cannot
     *                   give the content): their objects are unknown, which the guard must say rather than count
     *                   them as never there
     */
    public record Snapshot(SortedMap<String, String> files, SortedMap<String, String> unreadable, String note) {
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
        // -z: paths as they are (without it git quotes a name with non-ASCII or special characters, which then names no file)
        // -l: each blob's size, to leave one too large to read out of the one cat-file whose output is held whole
        Git.Result list = Git.run(root, "ls-tree", "-r", "-l", "-z", commit, "--", prefix.isEmpty() ? "." : prefix);
        if (!list.ok()) {
            throw new IllegalArgumentException("cannot list dist/ at " + compared.describe() + " with git ls-tree");
        }
        SortedMap<String, String> objectByKey = new TreeMap<>();
        SortedMap<String, String> unreadable = new TreeMap<>();
        for (String entry : list.out().split("\0")) {
            // <mode> SP <type> SP <object> SP+ <size> TAB <path> (the size padded to the left)
            int tab = entry.indexOf('\t');
            String[] head = tab < 0 ? new String[0] : entry.substring(0, tab).split(" +");
            if (head.length != 4 || !"blob".equals(head[1])) {
                continue;
            }
            String key = folder.keyOf(entry.substring(tab + 1).substring(prefix.length()), environments);
            // git shows no number for an object it lacks; cat-file then says it is missing
            long size = head[3].matches("\\d{1,18}") ? Long.parseLong(head[3]) : 0;
            if (key != null && size > TextFile.MAX_MANIFEST_BYTES) {
                unreadable.put(key, TextFile.tooLarge(size, TextFile.MAX_MANIFEST_BYTES, "a manifest file"));
            } else if (key != null) {
                objectByKey.put(key, head[2]);
            }
        }
        SortedMap<String, String> files = new TreeMap<>();
        if (!objectByKey.isEmpty()) {
            Map<String, String> contents = Git.blobs(root, objectByKey.values());
            if (contents == null) {
                throw new IllegalArgumentException("cannot read dist/ at " + compared.describe() + " with git cat-file");
            }
            objectByKey.forEach((key, object) -> {
                String text = contents.get(object);
                if (text != null) {
                    files.put(key, text);
                } else {
                    unreadable.put(key, "git cat-file cannot give its content (object " + object + " is missing)");
                }
            });
        }
        String note = files.isEmpty() && unreadable.isEmpty()
                ? "dist/ has no files at " + compared.describe() + ": every object counts as new" : null;
        return new Snapshot(files, unreadable, note);
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
            byte[] out = run(dir, null, args);
            return out == null ? new Result(-1, "") : new Result(0, new String(out, StandardCharsets.UTF_8));
        }

        /**
         * The texts of {@code objects} (blob ids) in one {@code git cat-file --batch}, instead of a process per
         * file; null when git fails. Its output per object: {@code <id> SP blob SP <size> LF <content> LF}, or
         * {@code <id> SP missing LF}.
         */
        static Map<String, String> blobs(Path dir, Collection<String> objects) {
            String input = String.join("\n", new LinkedHashSet<>(objects)) + "\n";
            byte[] out = run(dir, input.getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
            if (out == null) {
                return null;
            }
            Map<String, String> texts = new HashMap<>();
            int at = 0;
            while (at < out.length) {
                int eol = indexOf(out, (byte) '\n', at);
                if (eol < 0) {
                    return null;
                }
                String[] header = new String(out, at, eol - at, StandardCharsets.UTF_8).split(" ");
                at = eol + 1;
                if (header.length == 3) {
                    int size = Integer.parseInt(header[2]);
                    if ("blob".equals(header[1])) {
                        texts.put(header[0], new String(out, at, size, StandardCharsets.UTF_8));
                    }
                    at += size + 1;
                }
            }
            return texts;
        }

        private static int indexOf(byte[] bytes, byte b, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        /** git's standard output, or null when it fails; {@code input} (or nothing) is written to its standard input. */
        private static byte[] run(Path dir, byte[] input, String... args) {
            List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
            command.addAll(List.of(args));
            try {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                // written from another thread: git answers while it reads, and a full pipe would stop both sides
                Thread writer = new Thread(() -> {
                    try (OutputStream stdin = p.getOutputStream()) {
                        if (input != null) {
                            stdin.write(input);
                        }
                    } catch (IOException ignored) {
                        // git ended early: its exit status says why
                    }
                }, "git-stdin");
                writer.setDaemon(true);
                writer.start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                writer.join();
                return p.exitValue() == 0 ? out : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
