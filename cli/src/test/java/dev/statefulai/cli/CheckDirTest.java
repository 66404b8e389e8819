package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.gate.testing.Docs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertUsage("error: --as Rendered_Chart: an environment is named like a folder of dist/: lower-case letters, digits and"
                + " '-', such as prod (the folder's name is not; pass --as)", "--dir", dir.toString());
        assertUsage("error: no folder at " + tmp.resolve("missing"), "--dir", tmp.resolve("missing").toString());
    }

    private static void assertUsage(String line, String... args) {
        GateCli run = GateCli.check(Map.of(), args);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(line + "\n", run.err());
        assertEquals("", run.out());
    }
}
