package dev.statefulai.cli;

import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.AppSynthesizer;
import dev.statefulai.engine.ParallelSynth;
import dev.statefulai.engine.incremental.SynthState;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.engine.values.ValuesLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the layers of values combine, and what a run says about a layer that is empty or missing. */
class ValuesLayersTest {
    @TempDir
    Path tmp;

    /** A values type with a list of records, for {@code --set list[0].field}. */
    record Volume(String name, String size) {
    }

    record Volumes(List<Volume> volumes, String owner) {
    }

    @Test
    void anAliasIsTheAnchoredValueAndAMergeKeyMerges() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-prod.yaml", """
                namespace: &ns team-a
                size: 100Gi
                storageClass:
                  name: *ns
                resources:
                  <<: {cpu: 500m, memory: 1Gi}
                  memory: 2Gi
                """);
        CliRun.synth(tmp).assertSucceeded();
        String prod = repo.dist().get("prod/demo.yaml");
        assertTrue(prod.contains("kind: StorageClass\n") && prod.contains("  name: team-a\nallowVolumeExpansion: true\n"), prod);
        assertTrue(prod.contains("cpu: 500m") && prod.contains("memory: 2Gi"), prod);
    }

    @Test
    void nullUnsetsAKeySoTheConstructDefaultApplies() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-prod.yaml", "replicas: null\nsize: 100Gi\n");
        CliRun.synth(tmp).assertSucceeded();
        assertTrue(repo.dist().get("prod/demo.yaml").contains("replicas: 1"), "values.yaml says 2; null in prod leaves the default, 1");
    }

    @Test
    void anEmptyEnvironmentFileIsAWarning() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-prod.yaml", "# nothing yet\n");
        CliRun run = CliRun.synth(tmp).assertSucceeded();
        assertEquals("warning: apps/demo/values-prod.yaml is empty: demo takes apps/demo/values.yaml alone in prod; "
                + "write {} to say so on purpose\n", run.err());
    }

    @Test
    void aRefusalOfAMissingValueNamesTheMissingEnvironmentFile() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values.yaml", "namespace: demo\nreplicas: 2\nsize: 10Gi\n");
        repo.write("apps/demo/values-dev.yaml", "image: busybox:1.36\n");
        repo.write("apps/demo/values-prod.yaml", "image: busybox:1.36\n");
        AppCatalog.App app = AppCatalog.fromLoader(tmp, List.of(tmp.resolve("apps/demo")), getClass().getClassLoader()).app("demo");
        ValuesException e = assertThrows(ValuesException.class, () -> AppSynthesizer.synth(app, "perf", Map.of()));
        assertEquals(List.of("apps/demo (perf): StatefulAIApp 'demo': prop 'image' is missing; allowed: a container image reference, "
                + "e.g. vllm/vllm-openai:v0.6.3 [not set: apps/demo has no values-perf.yaml, so perf takes apps/demo/values.yaml alone]"),
                e.problems());
    }

    @Test
    void setOfAListEntrysFieldEditsThatEntryOnly() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values.yaml", "volumes:\n  - name: a\n    size: 1Gi\n  - name: b\n    size: 2Gi\nowner: x\n");
        ValuesLoader.Loaded<Volumes> loaded = ValuesLoader.load(Volumes.class, tmp.resolve("apps/demo"), "apps/demo", "perf",
                Map.of("volumes[1].size", "5Gi"), "demo");
        assertEquals(List.of(new Volume("a", "1Gi"), new Volume("b", "5Gi")), loaded.values().volumes());
        assertEquals("--set demo.volumes[1].size=5Gi", loaded.origins().get("/volumes/1/size").toString());
        assertEquals("apps/demo/values.yaml:4", loaded.origins().get("/volumes/1/name").toString());
    }

    @Test
    void setOfAListEntryOutOfRangeIsRefused() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values.yaml", "volumes:\n  - name: a\n");
        ValuesException e = assertThrows(ValuesException.class, () -> ValuesLoader.load(Volumes.class, tmp.resolve("apps/demo"),
                "apps/demo", "perf", Map.of("volumes[2].size", "5Gi"), "demo"));
        assertEquals(List.of("--set demo.volumes[2].size=5Gi: volumes has 1 entries; the index must be from 0 to 0"), e.problems());
    }

    @Test
    void aValuesFileThatCannotBeReadIsNotTakenForAMissingOneByTheIncrementalSynth() throws IOException {
        new DemoRepo(tmp);
        AppCatalog.App app = AppCatalog.fromLoader(tmp, List.of(tmp.resolve("apps/demo")), getClass().getClassLoader()).app("demo");
        ParallelSynth.Unit perf = new ParallelSynth.Unit(app, "perf", Map.of());
        String missing = SynthState.load(tmp.resolve("dist"), List.of(app)).inputsHash(perf);
        Files.createSymbolicLink(tmp.resolve("apps/demo/values-perf.yaml"), Path.of("gone.yaml"));
        assertNotEquals(missing, SynthState.load(tmp.resolve("dist"), List.of(app)).inputsHash(perf),
                "a dangling link must be read (and refused), not reused as the missing file it was");
    }
}
