package dev.statefulai.engine.values.schema;

import dev.statefulai.engine.files.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An app's committed values schema, {@code apps/<app>/values.schema.json}, beside the values files whose
 * modeline points at it. {@code bin/ai-storage synth} writes it when it is missing or not what the app's
 * values record generates, and only when it wrote it before (the schema's {@code $comment} says so): a file
 * of someone else's there is refused, never replaced. {@code synth --check} and each app's tests compare it.
 *
 * <p>Whether a file is current is read from its marker, which names the fingerprint of the record it was generated
 * from ({@link RecordFingerprint}), without generating it again; {@link #strict} compares the whole text with a new
 * generation, as the tests and {@code synth --check} do.
 *
 * @param file        the schema's path
 * @param displayName how messages name it, e.g. {@code apps/vector-db/values.schema.json}
 * @param type        the app's values record
 * @param state       how the file on disk compares with what the record generates
 */
public record ValuesSchemaFile(Path file, String displayName, Class<?> type, State state) {

    /** How the file on disk compares with what the record generates. */
    public enum State {
        /** The same text. */
        CURRENT,
        /** Not there yet. */
        MISSING,
        /** Written by synth from another version of the record (or, compared strictly, of the generator). */
        STALE,
        /** Not written by synth: left alone. */
        FOREIGN
    }

    /** The schema file of the app in {@code appDir} (shown as {@code displayDir}), whose values bind into {@code type}. */
    public static ValuesSchemaFile of(Path appDir, String displayDir, Class<?> type) {
        return read(appDir, displayDir, type, false);
    }

    /** As {@link #of}, current only when its whole text is what a new generation gives. */
    public static ValuesSchemaFile strict(Path appDir, String displayDir, Class<?> type) {
        return read(appDir, displayDir, type, true);
    }

    private static ValuesSchemaFile read(Path appDir, String displayDir, Class<?> type, boolean strict) {
        Path file = appDir.resolve(ValuesSchema.FILE_NAME);
        String display = displayDir + "/" + ValuesSchema.FILE_NAME;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new ValuesSchemaFile(file, display, type, State.MISSING);
        }
        String text = ValuesSchema.committedText(file);
        boolean current = text != null && (strict ? text.equals(ValuesSchema.generate(type).fileText()) : ValuesSchema.isGeneratedFrom(text, type));
        State state = text == null || !ValuesSchema.isGenerated(text) ? State.FOREIGN : current ? State.CURRENT : State.STALE;
        return new ValuesSchemaFile(file, display, type, state);
    }

    /** Whether synth would write the file: it is missing or stale. */
    public boolean needsWriting() {
        return state == State.MISSING || state == State.STALE;
    }

    /** The problem of a file synth may not replace, one line; null for any other. */
    public String problem() {
        return state != State.FOREIGN ? null : displayName + ": synth writes the values schema of " + type.getName()
                + " here, but this file is not one it wrote (no \"$comment\" saying so); move it away and run bin/ai-storage synth";
    }

    /**
     * Writes what the record generates, through a temporary file so that a reader never sees half of it; a file of its
     * own (named after this process), so that two synths writing at once do not move each other's away. What a killed
     * synth left there goes first.
     */
    public void write() {
        try {
            TempFiles.sweep(file.getParent());
            Path tmp = TempFiles.file(file.getParent(), "." + ValuesSchema.FILE_NAME + ".", ".synth-tmp");
            try {
                Files.writeString(tmp, ValuesSchema.of(type).fileText(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                TempFiles.done(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + displayName + ": " + e.getMessage(), e);
        }
    }
}
