package dev.statefulai.cli.newapp;

import dev.statefulai.engine.testing.TempTree;
import java.nio.file.Path;

/** A throw-away repository with apps/pom.xml and, optionally, apps with values files; for new-app's fast tests. */
final class AppsRepo extends TempTree {
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

    AppsRepo(Path root) {
        super(root);
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

    /** How many files the repository holds: refused requests must not change it. */
    long fileCount() {
        return files("").size();
    }
}
