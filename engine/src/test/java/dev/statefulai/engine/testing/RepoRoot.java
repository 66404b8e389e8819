package dev.statefulai.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root in tests: the {@code repo.root} property, else the folder with cdk8s.yaml. */
public final class RepoRoot {
    private RepoRoot() {
    }

    public static Path find() {
        String property = System.getProperty("repo.root");
        if (property != null && !property.isBlank() && Files.exists(Path.of(property, "cdk8s.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("cdk8s.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no cdk8s.yaml above " + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}
