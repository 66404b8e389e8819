package dev.statefulai.engine.values;

import dev.statefulai.facts.FileSize;
import dev.statefulai.facts.StrictUtf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
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
        Optional<String> notAFile = notAFile(file, displayName);
        if (notAFile.isPresent()) {
            throw refused(notAFile.get());
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw refused(displayName + ": " + FileSize.mib(size) + "; a values file may hold at most " + (MAX_BYTES >> 20)
                        + " MiB of settings");
            }
            return Optional.of(decode(Files.readAllBytes(file), displayName));
        } catch (AccessDeniedException e) {
            throw refused(displayName + ": cannot be read: permission denied");
        } catch (IOException e) {
            throw refused(displayName + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Why {@code file}, which exists, cannot be a values file: a dangling link, a folder, a device; empty
     * when it is a regular file (or a link to one).
     */
    public static Optional<String> notAFile(Path file, String displayName) {
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "?";
            }
            return Optional.of(displayName + ": a symbolic link to '" + target + "', which does not exist");
        }
        return Optional.of(displayName + (Files.isDirectory(file) ? ": a folder, not a file" : ": not a regular file (a device, socket or pipe)"));
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

    /** UTF-8 text, strictly ({@link StrictUtf8}): a byte that is not UTF-8 is reported at its line instead of being replaced. */
    static String decode(byte[] bytes, String displayName) {
        try {
            return StrictUtf8.decode(bytes, displayName);
        } catch (StrictUtf8.NotUtf8Exception e) {
            throw refused(e.getMessage());
        }
    }

    private static ValuesException refused(String problem) {
        return new ValuesException(List.of(problem));
    }
}
