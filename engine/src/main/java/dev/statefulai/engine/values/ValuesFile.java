package dev.statefulai.engine.values;

import dev.statefulai.facts.TextFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The text of a values file, or why there is none: a values file is a regular file (or a link to one)
 * of at most {@link #MAX_BYTES} bytes of UTF-8. A missing file is no layer at all; anything else that is
 * not such a file is an error, never taken for a missing one.
 */
public final class ValuesFile {
    /**
     * Values are settings: 1 MiB is hundreds of times the largest real one, and it bounds what a mistaken
     * file (a model, a data dump) costs to refuse.
     */
    public static final int MAX_BYTES = 1 << 20;
    /** Files larger than this are not looked at for emptiness: no one writes 64 KiB of comments alone. */
    private static final int EMPTY_SCAN_LIMIT = 1 << 16;

    private ValuesFile() {
    }

    /**
     * The text of {@code file} without a leading UTF-8 byte order mark; empty when the file does not exist.
     *
     * @throws ValuesException naming {@code displayName} when it cannot be a values file
     */
    static Optional<String> read(Path file, String displayName) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TextFile.read(file, displayName, MAX_BYTES, "a values file"));
        } catch (IllegalArgumentException e) {
            throw new ValuesException(List.of(e.getMessage()));
        }
    }

    /**
     * Whether {@code file} exists but holds no values: nothing, or only comments, blank lines and
     * document markers. Read by lines, not parsed: the synth asks this of every environment file it reads.
     */
    static boolean holdsNoValues(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > EMPTY_SCAN_LIMIT) {
                return false;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.replace("\uFEFF", "").lines().map(String::strip)
                    .allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---") || l.equals("...") || l.startsWith("%"));
        } catch (IOException e) {
            return false;
        }
    }
}
