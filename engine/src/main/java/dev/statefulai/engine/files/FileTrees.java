package dev.statefulai.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole trees of files: what a synth removes of what it wrote (an environment folder, a temporary file or folder). */
public final class FileTrees {
    private FileTrees() {
    }

    /** Removes {@code dir} and everything under it, or the file {@code dir}; nothing when it does not exist. Links are removed, not followed. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
