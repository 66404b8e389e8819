package dev.statefulai.gate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.statefulai.gate.testing.TempGit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dist/ as it was at a commit, read from a real git repository without touching the work tree. */
class GitDistTest {
    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static GitDist.Snapshot readAt(TempGit repo, String commit, List<String> envs) {
        return GitDist.read(repo.dir.resolve("dist"), new ComparedRef("HEAD", commit, "test"), envs);
    }

    /** git quotes such names in ls-tree's plain output ("dist/dev/mod\303\250le.yaml"), which then named no file to show. */
    @Test
    void readsFilesWhoseNamesGitWouldQuote() throws IOException {
        TempGit repo = TempGit.init(tmp.resolve("repo"));
        write(repo.dir.resolve("dist/dev/modèle.yaml"), "kind: ConfigMap\n");
        write(repo.dir.resolve("dist/dev/with space.yaml"), "kind: Secret\n");
        write(repo.dir.resolve("dist/dev/plain.yaml"), "kind: Service\n");
        String commit = repo.commitAll("dist");
        write(repo.dir.resolve("dist/dev/modèle.yaml"), "changed in the work tree, not at the commit\n");

        SortedMap<String, String> expected = new TreeMap<>();
        expected.put("dev/modèle.yaml", "kind: ConfigMap\n");
        expected.put("dev/plain.yaml", "kind: Service\n");
        expected.put("dev/with space.yaml", "kind: Secret\n");
        assertEquals(expected, readAt(repo, commit, List.of("dev")).files());
    }

    /** Thousands of files come through one git process without either side waiting on a full pipe. */
    @Test
    void readsThousandsOfFilesAtOnce() throws IOException {
        TempGit repo = TempGit.init(tmp.resolve("repo"));
        int count = 2500; // 2,500 object ids are about 100 KiB of input, more than a pipe holds
        for (int i = 0; i < count; i++) {
            write(repo.dir.resolve("dist/prod/app-" + i + ".yaml"), "# " + i + "\nkind: ConfigMap\n");
        }
        write(repo.dir.resolve("dist/staging/app-0.yaml"), "not asked for\n");
        String commit = repo.commitAll("fleet");

        SortedMap<String, String> files = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> readAt(repo, commit, List.of("prod")).files());
        assertEquals(count, files.size());
        assertEquals("# 1234\nkind: ConfigMap\n", files.get("prod/app-1234.yaml"));
    }
}
