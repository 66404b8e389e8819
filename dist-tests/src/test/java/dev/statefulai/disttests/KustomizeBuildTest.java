package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.engine.output.DistWriter;
import dev.statefulai.engine.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What a GitOps engine does with dist/<env>: {@code kubectl kustomize} must build every environment
 * folder, with every object exactly once (kustomize refuses two objects with the same id). Uses the
 * kubectl 1.28 client of the machine image; without one the test is reported as skipped, not passed.
 */
class KustomizeBuildTest {
    private static final List<String> CANDIDATES = List.of(
            System.getenv().getOrDefault("KUBECTL", ""), "/usr/lib/google-cloud-sdk/bin/kubectl.1.28", "/usr/local/bin/kubectl", "/usr/bin/kubectl");

    @TestFactory
    Stream<DynamicTest> everyEnvironmentBuildsWithKustomize() {
        String kubectl = CANDIDATES.stream().filter(c -> !c.isEmpty() && Files.isExecutable(Path.of(c))).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "no kubectl client found (set KUBECTL): kustomize build not checked");
        Path dist = RepoRoot.find().resolve("dist");
        return DistWriter.existingEnvironments(dist).stream().map(env -> DynamicTest.dynamicTest(env, () -> {
            Process p = new ProcessBuilder(kubectl, "kustomize", dist.resolve(env).toString()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize dist/" + env + " did not finish in 60 s");
            }
            assertEquals(0, p.exitValue(), "kubectl kustomize dist/" + env + " failed: " + err);
            assertEquals(documents(dist.resolve(env)), countKinds(out), "every object of dist/" + env + " once");
        }));
    }

    private static long documents(Path envDir) throws IOException {
        long count = 0;
        try (Stream<Path> files = Files.list(envDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml") /* the kustomization is Kustomization: no *.yaml glob takes it */).toList()) {
                count += countKinds(Files.readString(f));
            }
        }
        return count;
    }

    private static long countKinds(String yaml) {
        return yaml.lines().filter(l -> l.startsWith("kind: ")).count();
    }
}
