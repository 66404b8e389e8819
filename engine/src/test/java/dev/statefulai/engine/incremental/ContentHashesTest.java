package dev.statefulai.engine.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashesTest {
    @TempDir
    Path tmp;

    private static final FileTime WRITTEN = FileTime.fromMillis(1_700_000_000_000L);
    private static final FileTime SAVED_AFTER = FileTime.fromMillis(1_700_000_060_000L);

    /** A file with {@code content} and a fixed modification time, rewritten in place (same file key). */
    private Path file(String content) throws IOException {
        Path f = tmp.resolve("values.yaml");
        Files.writeString(f, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(f, WRITTEN);
        return f;
    }

    private static String hashOf(String content) {
        return ContentHashes.of(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The values file is rewritten with {@code content} (same stamp): {@code hashes} must read it again. */
    private void assertReadAgain(ContentHashes hashes, String content) throws IOException {
        Path f = file(content);
        assertEquals(hashOf(content), hashes.hash(f));
    }

    /** What a synth that hashed {@code f} records, as the next synth (saved at {@code savedAt}) reads it back. */
    private ContentHashes next(Path f, FileTime savedAt) {
        assertTrue(Files.exists(f));
        ContentHashes first = new ContentHashes(tmp, Map.of(), null);
        first.hash(f);
        Map<String, ContentHashes.Known> recorded = new java.util.HashMap<>();
        first.record().forEach((name, known) -> recorded.put(name, ContentHashes.Known.parse(known.format())));
        return new ContentHashes(tmp, recorded, savedAt);
    }

    @Test
    void anUnchangedStampIsTrustedWithoutReadingTheFile() throws IOException {
        Path f = file("replicas: 3\n");
        String recorded = hashOf("replicas: 3\n");
        ContentHashes next = next(f, SAVED_AFTER);
        // Same size, same time, same file: only a read could tell, and the stamp says it needs none.
        file("replicas: 9\n");
        assertEquals(recorded, next.hash(f));
        assertTrue(next.unchangedSinceRecorded(f));
    }

    @Test
    void whileWatchingAFileTheWatchSawNoChangeOfIsNotEvenStatted() throws IOException {
        Path f = file("replicas: 3\n");
        String recorded = hashOf("replicas: 3\n");
        ContentHashes next = next(f, WRITTEN);
        next.watching(p -> ContentHashes.Watched.UNCHANGED);
        file("replicas: 10\n");
        assertEquals(recorded, next.hash(f), "neither the new size nor the racy time is looked at");
    }

    @Test
    void aFileTheWatchReportsIsReadEvenWithTheSameStamp() throws IOException {
        Path f = file("replicas: 3\n");
        ContentHashes next = next(f, SAVED_AFTER);
        next.watching(p -> ContentHashes.Watched.CHANGED);
        assertReadAgain(next, "replicas: 9\n");
    }

    @Test
    void aSymbolicLinkIsStampedByItsTargetAndNeverTakenOnTheWatchsWord() throws IOException {
        Path target = tmp.resolve("shared.yaml");
        Files.writeString(target, "replicas: 3\n");
        Files.setLastModifiedTime(target, WRITTEN);
        Path link = Files.createSymbolicLink(tmp.resolve("values-prod.yaml"), target.getFileName());
        ContentHashes next = next(link, SAVED_AFTER);
        next.watching(p -> ContentHashes.Watched.UNCHANGED);
        // The target changes; the folder the watch sees has no event for the link.
        Files.writeString(target, "replicas: 40\n");
        assertEquals(hashOf("replicas: 40\n"), next.hash(link));
    }

    @Test
    void aFileFromTheSameClockTickAsTheRecordIsReadAgain() throws IOException {
        Path f = file("replicas: 3\n");
        ContentHashes next = next(f, WRITTEN);
        assertReadAgain(next, "replicas: 9\n");
        assertFalse(next.unchangedSinceRecorded(f));
    }

    @Test
    void anotherSizeOrTimeIsReadAgain() throws IOException {
        Path f = file("replicas: 3\n");
        ContentHashes next = next(f, SAVED_AFTER);
        assertReadAgain(next, "replicas: 10\n");

        ContentHashes again = next(file("replicas: 3\n"), SAVED_AFTER);
        file("replicas: 4\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(WRITTEN.toMillis() + 1));
        assertEquals(hashOf("replicas: 4\n"), again.hash(f));
        assertFalse(again.unchangedSinceRecorded(f));
    }

    @Test
    void aMissingFileHasNoHashAndAGarbledRecordIsIgnored() throws IOException {
        ContentHashes hashes = new ContentHashes(tmp, Map.of(), SAVED_AFTER);
        assertNull(hashes.hash(tmp.resolve("absent.yaml")));
        assertNull(ContentHashes.Known.parse("abc 12 notanumber (dev=1,ino=2)"));
        assertNull(ContentHashes.Known.parse("abc 12"));
        ContentHashes.Known k = new ContentHashes.Known("0123", 12, 34, "(dev=1,ino=2)");
        assertEquals(k, ContentHashes.Known.parse(k.format()));
    }
}
