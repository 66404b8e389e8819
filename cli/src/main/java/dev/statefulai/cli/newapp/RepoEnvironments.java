package dev.statefulai.cli.newapp;

import dev.statefulai.engine.AppCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The environments of a repository, found as {@link AppCatalog#environments()} finds them (every
 * {@code values-<env>.yaml} of an app) but without loading any app's classes.
 */
final class RepoEnvironments {
    /** The environments of a repository without any app yet. */
    static final List<String> DEFAULTS = List.of("dev", "prod", "staging");

    private RepoEnvironments() {
    }

    /** The environments under {@code root}, sorted; {@link #DEFAULTS} when no app has any. */
    static List<String> of(Path root) {
        TreeSet<String> envs = new TreeSet<>();
        for (Path dir : AppCatalog.appDirs(root)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.startsWith("values-") && f.endsWith(".yaml"))
                        .map(f -> f.substring("values-".length(), f.length() - ".yaml".length()))
                        .forEach(envs::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return envs.isEmpty() ? DEFAULTS : List.copyOf(envs);
    }
}
