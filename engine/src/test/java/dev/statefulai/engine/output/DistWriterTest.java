package dev.statefulai.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistWriterTest {
    @TempDir
    Path tmp;

    /** A new environment folder is written on several threads: one file that cannot be written fails the whole write. */
    @Test
    void aFileThatCannotBeWrittenLeavesNeitherTheFolderNorItsStaging() throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            files.put("prod/app-" + i + ".yaml", "kind: ConfigMap\n");
        }
        files.put("prod/" + "x".repeat(300) + ".yaml", "kind: ConfigMap\n"); // longer than a file name may be (255 bytes)
        Path dist = tmp.resolve("dist");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> DistWriter.write(dist, "dist", new DistTree(files, new TreeSet<>()), List.of("prod"), false));
        assertTrue(e.getMessage().startsWith("cannot write dist: "), e.getMessage());
        assertEquals(List.of(), list(dist), "no environment folder");
        assertEquals(List.of("dist"), list(tmp), "no staging folder left beside dist/");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
