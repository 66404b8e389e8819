package dev.statefulai.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Replaces environment folders of {@code dist/} with a rendered {@link DistTree}, atomically per
 * folder: the new files are written into a temporary folder beside {@code dist/} and renamed into
 * place only when all of them are written, so a failed run never leaves a half-written folder.
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
            Path staging = Files.createTempDirectory(parent, ".synth-tmp-");
            try {
                Path staged = staging.resolve("new");
                for (String file : tree.files().keySet()) {
                    Files.createDirectories(staged.resolve(file).getParent());
                }
                for (Map.Entry<String, String> f : tree.files().entrySet()) {
                    Files.writeString(staged.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                }
                Files.createDirectories(distDir);
                Files.createDirectories(staging.resolve("old"));
                for (String env : replaced) {
                    Path current = distDir.resolve(env);
                    if (Files.exists(current)) {
                        Files.move(current, staging.resolve("old").resolve(env), StandardCopyOption.ATOMIC_MOVE);
                    }
                    Path fresh = staging.resolve("new").resolve(env);
                    if (Files.exists(fresh)) {
                        Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } finally {
                deleteTree(staging);
            }
            int written = 0;
            int unchanged = 0;
            for (Map.Entry<String, String> f : tree.files().entrySet()) {
                if (f.getValue().equals(before.get(f.getKey()))) {
                    unchanged++;
                } else {
                    written++;
                }
            }
            int removed = (int) before.keySet().stream().filter(k -> !tree.files().containsKey(k)).count();
            return new Summary(written, unchanged, removed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + distDir + ": " + e.getMessage(), e);
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
