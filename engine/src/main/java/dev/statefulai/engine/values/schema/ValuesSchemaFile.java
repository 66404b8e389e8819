package dev.statefulai.engine.values.schema;

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
 * @param file        the schema's path
 * @param displayName how messages name it, e.g. {@code apps/vector-db/values.schema.json}
 * @param schema      what the app's values record generates
 * @param state       how the file on disk compares with it
 */
public record ValuesSchemaFile(Path file, String displayName, ValuesSchema schema, State state) {

    /** How the file on disk compares with what the record generates. */
    public enum State {
        /** The same text. */
        CURRENT,
        /** Not there yet. */
        MISSING,
        /** Written by synth from another version of the record. */
        STALE,
        /** Not written by synth: left alone. */
        FOREIGN
    }

    /** The schema file of the app in {@code appDir} (shown as {@code displayDir}), whose values bind into {@code type}. */
    public static ValuesSchemaFile of(Path appDir, String displayDir, Class<?> type) {
        Path file = appDir.resolve(ValuesSchema.FILE_NAME);
        ValuesSchema schema = ValuesSchema.of(type);
        String display = displayDir + "/" + ValuesSchema.FILE_NAME;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new ValuesSchemaFile(file, display, schema, State.MISSING);
        }
        String text;
        try {
            text = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            text = null; // unreadable (not UTF-8, say): not a file synth wrote
        }
        State state = text == null || !ValuesSchema.isGenerated(text) ? State.FOREIGN
                : text.equals(schema.fileText()) ? State.CURRENT : State.STALE;
        return new ValuesSchemaFile(file, display, schema, state);
    }

    /** Whether synth would write the file: it is missing or stale. */
    public boolean needsWriting() {
        return state == State.MISSING || state == State.STALE;
    }

    /** The problem of a file synth may not replace, one line; null for any other. */
    public String problem() {
        return state != State.FOREIGN ? null : displayName + ": synth writes the values schema of " + schema.type().getName()
                + " here, but this file is not one it wrote (no \"$comment\" saying so); move it away and run bin/ai-storage synth";
    }

    /** Writes what the record generates, through a temporary file so that a reader never sees half of it. */
    public void write() {
        Path tmp = file.resolveSibling("." + ValuesSchema.FILE_NAME + ".synth-tmp");
        try {
            Files.writeString(tmp, schema.fileText(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + displayName + ": " + e.getMessage(), e);
        }
    }
}
