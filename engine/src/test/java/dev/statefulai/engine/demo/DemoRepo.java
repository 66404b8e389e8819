package dev.statefulai.engine.demo;

import dev.statefulai.engine.testing.TempTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;

/** A throw-away repository with the demo app under apps/demo, for end-to-end tests of the synth. */
public final class DemoRepo extends TempTree {

    public DemoRepo(Path root) {
        super(root);
        write("cdk8s.yaml", "language: java\napp: bin/ai-storage synth\noutput: dist\n");
        write("apps/demo/values.yaml", """
                namespace: demo
                image: busybox:1.36
                replicas: 2
                size: 10Gi
                storageClass:
                  name: demo-gp3
                """);
        write("apps/demo/values-dev.yaml", "replicas: 1\nstorageClass:\n  reclaimPolicy: Delete\n");
        write("apps/demo/values-prod.yaml", "replicas: 3\nsize: 100Gi\n");
        try {
            // The demo's classes are on the test class path; the catalog only needs the folder to exist.
            Files.createDirectories(root().resolve("apps/demo/target/classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under dist/, relative path to content. */
    public SortedMap<String, String> dist() {
        return files("dist");
    }
}
