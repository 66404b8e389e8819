package dev.statefulai.gate.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A git repository in a temp folder, driven with the real {@code git} binary (no global config: a
 * fixed identity, no signing, branch main), so the guard is tested on real history.
 */
public final class TempGit {
    public final Path dir;

    private TempGit(Path dir) {
        this.dir = dir;
    }

    /** {@code git init} on branch main. */
    public static TempGit init(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TempGit repo = new TempGit(dir);
        repo.git("init", "-q", "-b", "main");
        return repo;
    }

    /** A repository cloned from {@code origin} into {@code dir} with extra clone arguments (e.g. --depth 1). */
    public static TempGit cloneOf(TempGit origin, Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("clone", "-q"));
        args.addAll(Arrays.asList(options));
        args.add("file://" + origin.dir.toAbsolutePath());
        args.add(dir.toString());
        new TempGit(dir.getParent()).git(args.toArray(String[]::new));
        return new TempGit(dir);
    }

    /** Stages everything and commits; returns the new commit's id. */
    public String commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").trim();
    }

    /** Runs git in the repository and returns its output; fails the test when git fails. */
    public String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.email=t@example.com",
                "-c", "user.name=test", "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always"));
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + List.of(args) + ": " + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
