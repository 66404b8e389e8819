package dev.statefulai.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A folder of files for a test (a throw-away repository), its files named by paths relative to its root. */
public class TempTree {
    private final Path root;

    public TempTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes a file, and the folders above it. */
    public void write(String path, String content) {
        writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file of these bytes (another encoding, bytes that are no text), and the folders above it. */
    public void writeBytes(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a symbolic link to {@code target} (which need not exist) where {@code path} is, replacing the file there. */
    public void link(String path, String target) {
        try {
            Path file = root.resolve(path);
            Files.deleteIfExists(file);
            Files.createDirectories(file.getParent());
            Files.createSymbolicLink(file, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts an empty folder where the file {@code path} is. */
    public void replaceWithFolder(String path) {
        try {
            Path file = root.resolve(path);
            Files.deleteIfExists(file);
            Files.createDirectories(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces a file as an editor saves it: written beside it under a hidden name, then renamed over it
     * in one step, so that a file watch sees one change, of the whole new content.
     */
    public void save(String path, String content) {
        Path file = root.resolve(path);
        Path saving = file.resolveSibling("." + file.getFileName() + ".saving");
        write(root.relativize(saving).toString(), content);
        try {
            Files.move(saving, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    /** Every file under {@code folder}, relative path (to the folder) to content; empty when there is no folder. */
    public SortedMap<String, String> files(String folder) {
        SortedMap<String, String> files = new TreeMap<>();
        Path dir = root.resolve(folder);
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
