package dev.statefulai.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Writes a rendered {@link DistTree} into {@code dist/}. Everything is rendered before the first byte is
 * written, so a synth that fails on its input leaves {@code dist/} as it was. A new environment folder
 * is written beside {@code dist/} and renamed into place whole; in an existing one only the files whose
 * content changed are written, each to a temporary file renamed over the old one (a reader sees the old
 * file or the new one, never half of it), and files no longer produced are removed. A fleet's re-synth
 * after one change so writes a few files instead of every one.
 */
public final class DistWriter {

    /** What a write changed, for the summary line. */
    public record Summary(int written, int unchanged, int removed) {
    }

    private DistWriter() {
    }

    /**
     * Writes {@code tree} into {@code distDir}, replacing the folders of {@code environments}; when
     * {@code pruneOthers}, also removes environment folders that are no longer produced. Files the tree
     * {@linkplain DistTree#keptInDist() keeps in dist/} are neither read nor written.
     */
    public static Summary write(Path distDir, DistTree tree, List<String> environments, boolean pruneOthers) {
        try {
            Path parent = distDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            List<String> replaced = Stream.concat(environments.stream(),
                    pruneOthers ? existingEnvironments(distDir).stream() : Stream.empty()).distinct().sorted().toList();
            Files.createDirectories(distDir);
            Tally tally = new Tally();
            tally.unchanged = tree.keptInDist().size();
            for (String env : replaced) {
                SortedMap<String, String> wanted = tree.files().subMap(env + "/", env + "/\uffff");
                SortedSet<String> kept = tree.keptInDist().subSet(env + "/", env + "/\uffff");
                Path folder = distDir.resolve(env);
                if (wanted.isEmpty() && kept.isEmpty()) {
                    tally.removed += filesUnder(distDir, env).size();
                    deleteTree(folder);
                } else if (!Files.isDirectory(folder)) {
                    if (!kept.isEmpty()) {
                        throw new IllegalStateException("files to keep in a folder that does not exist: " + kept);
                    }
                    writeNewFolder(parent, folder, env, wanted);
                    tally.written += wanted.size();
                } else {
                    update(distDir, env, wanted, kept, tally);
                }
            }
            return new Summary(tally.written, tally.unchanged, tally.removed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + distDir + ": " + e.getMessage(), e);
        }
    }

    /** Files written, left unchanged and removed so far. */
    private static final class Tally {
        int written;
        int unchanged;
        int removed;
    }

    /** A folder that does not exist yet: written beside {@code dist/}, then renamed into place. */
    private static void writeNewFolder(Path parent, Path folder, String env, SortedMap<String, String> files)
            throws IOException {
        Path staging = Files.createTempDirectory(parent, ".synth-tmp-");
        try {
            Path fresh = staging.resolve(env);
            Set<Path> folders = new HashSet<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = staging.resolve(f.getKey());
                if (folders.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * An existing folder: each file of {@code wanted} compared with the one on disk and, when it differs,
     * replaced; files neither wanted nor kept removed.
     */
    private static void update(Path distDir, String env, SortedMap<String, String> wanted, SortedSet<String> kept,
            Tally tally) throws IOException {
        Set<String> existing = filesUnder(distDir, env);
        for (Map.Entry<String, String> f : wanted.entrySet()) {
            Path target = distDir.resolve(f.getKey());
            if (existing.contains(f.getKey()) && f.getValue().equals(Files.readString(target, StandardCharsets.UTF_8))) {
                tally.unchanged++;
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".synth-tmp");
            Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tally.written++;
        }
        for (String old : existing) {
            if (!wanted.containsKey(old) && !kept.contains(old)) {
                deleteTree(distDir.resolve(old));
                tally.removed++;
            }
        }
    }

    /** What {@code distDir/env} holds, as paths relative to {@code distDir} (listed, not stat'ed: a fleet's folder is large). */
    private static Set<String> filesUnder(Path distDir, String env) throws IOException {
        Path folder = distDir.resolve(env);
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        Set<String> names = new java.util.TreeSet<>();
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                names.add(env + "/" + entry.getFileName());
            }
        }
        return names;
    }

    /** The environment folders under {@code distDir}, sorted. */
    public static List<String> existingEnvironments(Path distDir) {
        if (!Files.isDirectory(distDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(distDir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
