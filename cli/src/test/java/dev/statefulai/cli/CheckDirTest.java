package dev.statefulai.cli;

import dev.statefulai.facts.EnvironmentName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.statefulai.gate.testing.Docs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --dir DIR [--as ENV]}: any folder of manifests, with the report and exit codes of dist/'s check. */
class CheckDirTest {
    @TempDir
    Path tmp;

    private Path folder(String name, String... docs) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/all.yaml"), String.join("\n---\n", docs) + "\n");
        return dir;
    }

    @Test
    void aFolderIsOneEnvironmentNamedAfterItOrAsGiven() throws IOException {
        String[] docs = Docs.cleanSet();
        docs[0] = docs[0].replace("reclaimPolicy: Retain", "reclaimPolicy: Delete");
        Path prod = folder("prod", docs);
        GateCli named = GateCli.check(Map.of(), "--dir", prod.toString());
        assertEquals(1, named.exit(), named.out() + named.err());
        assertTrue(named.out().contains("error   POL001    prod     StorageClass/gp3"), named.out());
        assertTrue(named.out().contains("in 1 environment(s) [prod]"), named.out());
        GateCli asStaging = GateCli.check(Map.of(), "--dir", prod.toString(), "--as", "staging");
        assertEquals(0, asStaging.exit(), asStaging.out() + asStaging.err());
        assertTrue(asStaging.out().contains("warning POL001    staging  StorageClass/gp3"), asStaging.out());
    }

    @Test
    void mistakesAreOneLineAndExitTwo() throws IOException {
        Path dir = folder("Rendered_Chart", Docs.cleanSet());
        assertUsage("error: --dir checks one folder as one environment: it does not go with --env (name the environment with --as)",
                "--dir", dir.toString(), "--env", "prod");
        assertUsage("error: --as names the environment of a --dir folder; without --dir the environments are dist/'s folders"
                + " (choose them with --env)", "--as", "prod", "--root", tmp.toString());
        assertUsage("error: --as Rendered_Chart: not an environment name; allowed: " + EnvironmentName.RULE
                + " (the folder's name is not; pass --as)", "--dir", dir.toString());
        assertUsage("error: no folder at " + tmp.resolve("missing"), "--dir", tmp.resolve("missing").toString());
    }

    /** The message named the folder ("cannot read DIR: Input length = 1"), not the file, nor where in it. */
    @Test
    void aFileThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path dir = folder("prod", Docs.cleanSet());
        Files.write(dir.resolve("base/bin.yaml"), new byte[] {'a', ':', ' ', '1', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
        assertUsage("error: " + dir.resolve("base/bin.yaml") + ":2: not UTF-8: byte 0xFF at byte 1 of the line; save the file as UTF-8",
                "--dir", dir.toString());
    }

    /** A file larger than the heap ended in an OutOfMemoryError's stack trace: the size is checked before reading. */
    @Test
    void aFileTooLargeForAManifestIsRefusedBeforeItIsRead() throws IOException {
        Path dir = folder("prod", Docs.cleanSet());
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.yaml").toFile(), "rw")) {
            big.setLength(40L << 20); // sparse: no disk space taken
        }
        assertUsage("error: " + dir.resolve("big.yaml") + ": 40.0 MiB; allowed: a manifest file of at most 32 MiB", "--dir", dir.toString());
    }

    /** A pipe or device named like a manifest was skipped without a word; reading one would wait forever. */
    @Test
    void aPipeOrALinkToADeviceIsRefusedWithoutWaiting() throws Exception {
        Path dir = folder("prod", Docs.cleanSet());
        Path pipe = dir.resolve("base/pipe.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertUsage("error: " + pipe
                + ": not a regular file (a device, socket or pipe); allowed: regular files and links to them", "--dir", dir.toString()));
        Files.delete(pipe);
        Path device = Files.createSymbolicLink(dir.resolve("base/zero.yaml"), Path.of("/dev/zero"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertUsage("error: " + device
                + ": not a regular file (a device, socket or pipe); allowed: regular files and links to them", "--dir", dir.toString()));
    }

    private static void assertUsage(String line, String... args) {
        GateCli run = GateCli.check(Map.of(), args);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(line + "\n", run.err());
        assertEquals("", run.out());
    }
}
