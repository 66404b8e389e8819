package dev.statefulai.facts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text of a file a user gave (a values file, a manifest, the gate's policy file): a regular file (or a link to one)
 * of at most a given size, in UTF-8 ({@link StrictUtf8}). Anything else is refused with one line naming the file (and
 * the line, for a byte that is not UTF-8), never read blindly: a pipe would block the read, a device would never end, a
 * huge file would exhaust the heap. One home for the engine's and the gate's readers.
 */
public final class TextFile {
    /**
     * The largest manifest file read, checked before reading. Real ones are kilobytes, a cluster's whole kustomize output
     * or a bundle of CRDs a few MiB; a reader holds a file's text and its parsed tree at once, several times the file's
     * size, in bin/ai-storage's 512 MiB heap. 32 MiB is generous and keeps a mistaken file (a model, a dump) from ending
     * in an OutOfMemoryError.
     */
    public static final int MAX_MANIFEST_BYTES = 32 << 20;

    private static final String ALLOWED = "; allowed: regular files and links to them";

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
        Optional<String> notAFile = notAFile(file, shown);
        if (notAFile.isPresent()) {
            throw new IllegalArgumentException(notAFile.get());
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

    /**
     * Why {@code file} cannot be read as text, naming it {@code shown}: a symbolic link to nothing, a folder, a device,
     * socket or pipe; empty when it is a regular file or a link to one.
     */
    public static Optional<String> notAFile(Path file, String shown) {
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
            return Optional.of(shown + ": a symbolic link to '" + target + "', which does not exist" + ALLOWED);
        }
        return Optional.of(shown + (Files.isDirectory(file) ? ": a folder, not a file" : ": not a regular file (a device, socket or pipe)")
                + ALLOWED);
    }

    private static IllegalArgumentException tooLarge(String shown, long size, int maxBytes, String what) {
        return new IllegalArgumentException(shown + ": " + tooLarge(size, maxBytes, what));
    }

    /**
     * Why a file of {@code size} bytes is not read, after its name: {@code 40.0 MiB; allowed: a manifest file of at most 32 MiB};
     * for a reader that learns the size elsewhere (git) and says it as this class does.
     */
    public static String tooLarge(long size, int maxBytes, String what) {
        return FileSize.mib(size) + "; allowed: " + what + " of at most " + (maxBytes >> 20) + " MiB";
    }
}
