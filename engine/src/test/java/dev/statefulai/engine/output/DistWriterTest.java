package dev.statefulai.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        assertEquals(List.of(), list(tmp), "neither dist/ nor a staging folder beside it");
    }

    /**
     * dist/ is written in two steps: every changed file is first written beside the one it replaces, and only when all
     * are written are they renamed into place. A file that cannot be written in the last environment used to leave the
     * earlier environments rewritten.
     */
    @Test
    void aFileThatCannotBeWrittenInALaterEnvironmentLeavesTheEarlierOnesAsTheyWere() throws IOException {
        Path dist = tmp.resolve("dist");
        List<String> envs = List.of("dev", "prod", "staging");
        DistWriter.write(dist, "dist", tree(envs, "replicas: 1\n", Map.of()), envs, true);
        Map<String, String> before = DistTree.read(dist, envs);

        DistTree changed = tree(envs, "replicas: 2\n", Map.of("staging", "x".repeat(300))); // a name longer than 255 bytes
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DistWriter.write(dist, "dist", changed, envs, true));
        assertTrue(e.getMessage().startsWith("cannot write dist: "), e.getMessage());
        assertEquals(before, DistTree.read(dist, envs), "dist/ as it was");
        for (String env : envs) {
            assertTrue(list(dist.resolve(env)).stream().noneMatch(n -> n.contains("synth-tmp")), "no temporary file in dist/" + env);
        }
    }

    /** A manifest of synth's with bytes that are not UTF-8 appended is synth's file all the same: replaced, not an error. */
    @Test
    void aManifestThatIsNoLongerUtf8IsRewritten() throws IOException {
        DistTree tree = writeProd();
        Path manifest = tmp.resolve("dist/prod/demo.yaml");
        Files.write(manifest, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, java.nio.file.StandardOpenOption.APPEND);

        DistWriter.Summary summary = DistWriter.write(tmp.resolve("dist"), "dist", tree, List.of("prod"), true);
        assertEquals(1, summary.written());
        assertEquals(tree.files().get("prod/demo.yaml"), Files.readString(manifest));
    }

    /** A manifest that became a link to a named pipe is replaced without being read (reading it waited forever). */
    @Test
    void aManifestThatIsALinkToAPipeIsReplacedWithoutReadingIt() throws Exception {
        DistTree tree = writeProd();
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path manifest = tmp.resolve("dist/prod/demo.yaml");
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, fifo);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DistWriter.write(tmp.resolve("dist"), "dist", tree, List.of("prod"), true));
        assertFalse(Files.isSymbolicLink(manifest), "the link is replaced by the manifest");
        assertEquals(tree.files().get("prod/demo.yaml"), Files.readString(manifest));
        assertTrue(Files.exists(fifo), "what the link pointed at stays");
    }

    /** dist/prod with app demo written as synth writes it; returns its tree. */
    private DistTree writeProd() {
        DistTree tree = tree(List.of("prod"), "replicas: 1\n", Map.of());
        DistWriter.write(tmp.resolve("dist"), "dist", tree, List.of("prod"), true);
        return tree;
    }

    /** The files synth writes for app demo in {@code envs}, its manifest holding {@code spec}; {@code extraApp} adds an app per environment. */
    private static DistTree tree(List<String> envs, String spec, Map<String, String> extraApp) {
        List<UnitOutput> units = new java.util.ArrayList<>();
        for (String env : envs) {
            units.add(new UnitOutput("demo", env, spec, Map.of(), ""));
            if (extraApp.containsKey(env)) {
                units.add(new UnitOutput(extraApp.get(env), env, spec, Map.of(), ""));
            }
        }
        return DistTree.render(units);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
