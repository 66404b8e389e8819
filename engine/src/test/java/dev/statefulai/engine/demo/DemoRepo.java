package dev.statefulai.engine.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A throw-away repository with the demo app under apps/demo, for end-to-end tests of the synth. */
public final class DemoRepo {
    private final Path root;

    public DemoRepo(Path root) {
        this.root = root;
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
            Files.createDirectories(root.resolve("apps/demo/target/classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** Writes a file relative to the root. */
    public DemoRepo write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under dist/, relative path to content. */
    public SortedMap<String, String> dist() {
        return distOf("dist");
    }

    /** Every file under the output folder {@code folder}, relative path to content. */
    public SortedMap<String, String> distOf(String folder) {
        SortedMap<String, String> files = new TreeMap<>();
        Path dist = root.resolve(folder);
        if (!Files.exists(dist)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dist)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dist.relativize(f).toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
