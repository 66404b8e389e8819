package dev.statefulai.facts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a file the user wrote (a values file, a manifest, the gate's policy), decoded as UTF-8 strictly: a byte
 * that is not UTF-8 is reported at its line instead of being replaced (what {@code new String(bytes, UTF_8)} does), so
 * the file is never read as something it does not say. One home for the engine's values files and the gate's files.
 */
public final class StrictUtf8 {
    /** A file that is not UTF-8: the message names it, and the line of the first byte that is not. */
    public static final class NotUtf8Exception extends IllegalArgumentException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    private StrictUtf8() {
    }

    /**
     * The text of {@code bytes}, without a leading UTF-8 byte order mark (YAML allows one at the start of a stream;
     * editors on Windows write one).
     *
     * @param shown how messages name the file
     * @throws NotUtf8Exception naming {@code shown} and the line
     */
    public static String decode(byte[] bytes, String shown) {
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            throw new NotUtf8Exception(shown + ":1: encoded as UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8");
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw new NotUtf8Exception(shown + ":1: encoded as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
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
            throw new NotUtf8Exception(notUtf8(bytes, in.position(), shown));
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
