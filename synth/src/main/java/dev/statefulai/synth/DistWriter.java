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
     * {@code pruneOthers}, also removes environment folders that are no longer produced.
     */
    public static Summary write(Path distDir, DistTree tree, List<String> environments, boolean pruneOthers) {
        try {
            Path parent = distDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            List<String> replaced = Stream.concat(environments.stream(),
                    pruneOthers ? existingEnvironments(distDir).stream() : Stream.empty()).distinct().sorted().toList();
            // Only the replaced folders change, so they are all a summary needs to compare with.
            SortedMap<String, String> before = DistTree.read(distDir, replaced);
            Files.createDirectories(distDir);
            for (String env : replaced) {
                SortedMap<String, String> wanted = tree.files().subMap(env + "/", env + "/\uffff");
                Path folder = distDir.resolve(env);
                if (wanted.isEmpty()) {
                    deleteTree(folder);
                } else if (!Files.isDirectory(folder)) {
                    writeNewFolder(parent, folder, env, wanted);
                } else {
                    update(distDir, env, wanted, before);
                }
            }
            int unchanged = 0;
            for (Map.Entry<String, String> f : tree.files().entrySet()) {
                if (f.getValue().equals(before.get(f.getKey()))) {
                    unchanged++;
                }
            }
            int removed = (int) before.keySet().stream().filter(k -> !tree.files().containsKey(k)).count();
            return new Summary(tree.files().size() - unchanged, unchanged, removed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + distDir + ": " + e.getMessage(), e);
        }
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

    /** An existing folder: changed files replaced one by one, files no longer produced removed. */
    private static void update(Path distDir, String env, SortedMap<String, String> wanted,
            SortedMap<String, String> before) throws IOException {
        for (Map.Entry<String, String> f : wanted.entrySet()) {
            if (f.getValue().equals(before.get(f.getKey()))) {
                continue;
            }
            Path target = distDir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".synth-tmp");
            Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String old : before.subMap(env + "/", env + "/\uffff").keySet()) {
            if (!wanted.containsKey(old)) {
                Files.deleteIfExists(distDir.resolve(old));
            }
        }
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
