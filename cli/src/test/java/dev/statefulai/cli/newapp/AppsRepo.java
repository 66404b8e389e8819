package dev.statefulai.cli.newapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A throw-away repository with apps/pom.xml and, optionally, apps with values files; for new-app's fast tests. */
final class AppsRepo {
    static final String APPS_POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>dev.statefulai</groupId>
                <artifactId>stateful-ai-storage</artifactId>
                <version>0.1.0-SNAPSHOT</version>
              </parent>
              <artifactId>apps</artifactId>
              <packaging>pom</packaging>

              <modules>
                <module>feature-pipeline</module>
                <module>vector-db</module>
              </modules>

              <dependencies>
              </dependencies>
            </project>
            """;

    private final Path root;

    AppsRepo(Path root) {
        this.root = root;
        write("apps/pom.xml", APPS_POM);
    }

    /** Adds an app folder with values.yaml and one values-<env>.yaml per environment. */
    AppsRepo app(String name, String... environments) {
        write("apps/" + name + "/values.yaml", "namespace: " + name + "\n");
        for (String env : environments) {
            write("apps/" + name + "/values-" + env + ".yaml", "");
        }
        return this;
    }

    AppsRepo write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    /** How many files the repository holds: refused requests must not change it. */
    long fileCount() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }
}
