package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.output.DistDiff;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.output.DistWriter;
import dev.statefulai.engine.Synthesis;
import dev.statefulai.engine.testing.RepoRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed dist/ is byte for byte what the code and values synthesize now. */
class DistDriftTest {

    @Test
    void committedDistIsWhatTheCodeSynthesizes() {
        Path root = RepoRoot.find();
        AppCatalog catalog = AppCatalog.discover(root, getClass().getClassLoader());
        Synthesis.Outcome outcome = Synthesis.run(catalog.apps(), catalog.environments(), Map.of());
        if (!outcome.ok()) {
            throw new AssertionError("the apps do not synthesize:\n  " + String.join("\n  ", outcome.problems()));
        }
        TreeSet<String> envs = new TreeSet<>(catalog.environments());
        envs.addAll(DistWriter.existingEnvironments(root.resolve("dist")));
        SortedMap<String, String> committed = DistTree.read(root.resolve("dist"), new ArrayList<>(envs));
        String diff = DistDiff.between(committed, outcome.tree().files(), "dist/");
        if (!diff.isEmpty()) {
            throw new AssertionError("dist/ is not what the code synthesizes:\n" + diff
                    + "Regenerate it with: bin/ai-storage synth   (then commit dist/)");
        }
        assertFalse(committed.isEmpty(), "dist/ holds the synthesized environments");
    }

    @Test
    void everyEnvironmentHasAKustomizationListingEachApp() {
        Path root = RepoRoot.find();
        AppCatalog catalog = AppCatalog.discover(root, getClass().getClassLoader());
        SortedMap<String, String> committed = DistTree.read(root.resolve("dist"), catalog.environments());
        List<String> missing = new ArrayList<>();
        for (String env : catalog.environments()) {
            String kustomization = committed.getOrDefault(env + "/" + DistTree.KUSTOMIZATION, "");
            for (AppCatalog.App app : catalog.apps()) {
                if (!kustomization.contains("  - " + app.name() + ".yaml\n")) {
                    missing.add(env + ": " + app.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(DistTree.KUSTOMIZATION + " does not list: " + missing);
        }
    }
}
