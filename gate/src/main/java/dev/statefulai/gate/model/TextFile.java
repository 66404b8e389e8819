package dev.statefulai.gate.model;

import dev.statefulai.facts.FileSize;
import dev.statefulai.facts.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a file the gate reads (a manifest, the policy file): a regular file (or a link to one) of at most a
 * given size, in UTF-8 ({@link StrictUtf8}). Anything else is refused with one line naming the file (and the line,
 * for a byte that is not UTF-8), never skipped and never read blindly: a pipe would block the read, a huge file would
 * exhaust the heap.
 */
public final class TextFile {
    private TextFile() {
    }

    /**
     * The text of {@code file}, without a leading byte order mark.
     *
     * @param shown    how messages name the file
     * @param maxBytes the largest size allowed
     * @param what     what the file is, for the size message ("a manifest file")
     * @throws IllegalArgumentException naming {@code shown} when it is not such a file or cannot be read
     */
    public static String read(Path file, String shown, int maxBytes, String what) {
        // Follows a link, like any reader would, but refuses what it ends at unless it is a regular file: opening a
        // FIFO waits for a writer, and a device (/dev/zero) never ends.
        if (!Files.isRegularFile(file)) {
            boolean dangling = Files.isSymbolicLink(file) && !Files.exists(file);
            throw new IllegalArgumentException(shown + (dangling ? ": a symbolic link to nothing"
                    : ": not a regular file (a device, socket or pipe)") + "; allowed: regular files and links to them");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(shown, size, maxBytes, what);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(maxBytes + 1); // bounded even if the file grew since its size was read
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(shown, bytes.length, maxBytes, what);
            }
            return StrictUtf8.decode(bytes, shown);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(shown + ": cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(shown + ": cannot be read: " + e.getMessage());
        }
    }

    private static IllegalArgumentException tooLarge(String shown, long size, int maxBytes, String what) {
        return new IllegalArgumentException(shown + ": " + FileSize.mib(size) + "; allowed: " + what + " of at most " + (maxBytes >> 20)
                + " MiB");
    }
}
