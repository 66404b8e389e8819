package dev.statefulai.gate.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a file the gate reads (a manifest, the policy file): a regular file (or a link to one) of at most a
 * given size, in UTF-8. Anything else is refused with one line naming the file (and the line, for a byte that is not
 * UTF-8), never skipped and never read blindly: a pipe would block the read, a huge file would exhaust the heap.
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
            return decode(bytes, shown);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(shown + ": cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(shown + ": cannot be read: " + e.getMessage());
        }
    }

    private static IllegalArgumentException tooLarge(String shown, long size, int maxBytes, String what) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s: %.1f MiB; allowed: %s of at most %d MiB",
                shown, size / (double) (1 << 20), what, maxBytes >> 20));
    }

    /**
     * UTF-8 text, strictly: a byte that is not UTF-8 is reported at its line instead of being replaced (what
     * {@code new String(bytes, UTF_8)} does), so the file is not read as something it does not say.
     *
     * @throws IllegalArgumentException naming {@code shown} and the line
     */
    public static String decode(byte[] bytes, String shown) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw new IllegalArgumentException(shown + ":1: encoded as UTF-16 or UTF-32 (it starts with such a byte order mark);"
                    + " save it as UTF-8");
        }
        // YAML allows a byte order mark at the start of a stream; editors on Windows write one.
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IllegalArgumentException(notUtf8(bytes, in.position(), shown));
        }
        return out.flip().toString();
    }

    private static String notUtf8(byte[] bytes, int offset, String shown) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return String.format(Locale.ROOT, "%s:%d: not UTF-8: byte 0x%02X at byte %d of the line; save the file as UTF-8",
                shown, line, bytes[offset] & 0xFF, offset - lineStart + 1);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
