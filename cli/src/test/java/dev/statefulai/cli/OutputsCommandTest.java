package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class OutputsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tableListsEveryObjectWithItsNamespaceAndEveryReplicaClaim() {
        new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        CliRun run = CliRun.of("outputs", "--root", tmp.toString(), "--env", "prod");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                ENV   APP   KIND                   NAME         NAMESPACE
                prod  demo  StatefulSet            demo         demo
                prod  demo  Service                demo         demo
                prod  demo  PodDisruptionBudget    demo         demo
                prod  demo  PersistentVolumeClaim  data-demo-0  demo
                prod  demo  PersistentVolumeClaim  data-demo-1  demo
                prod  demo  PersistentVolumeClaim  data-demo-2  demo
                prod  demo  StorageClass           demo-gp3     -
                """, run.out());
    }

    @Test
    void jsonHasTheOutputsOfEachEnvironment() throws Exception {
        new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        CliRun run = CliRun.of("outputs", "--root", tmp.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.path("dev").path("demo").path("demo").path("replicas").asInt());
        assertEquals("data-demo-2", json.path("prod").path("demo").path("demo").path("claims").path("data").path(2).asText());
    }

    @Test
    void anEnvironmentWithoutOutputIsAnError() {
        new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        CliRun run = CliRun.of("outputs", "--root", tmp.toString(), "--env", "qa");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: no dist/qa/outputs.json; environments in dist/: [dev, prod]"), run.err());
    }

    /** An outputs.json that is not what synth writes is one line naming it, not Jackson's message, nor an empty table. */
    @ParameterizedTest
    @ValueSource(strings = {"{bad", "{\"apps\": 5}", "null", "[]", "{\"environment\": \"prod\"}"})
    void anOutputsFileThatIsNotSynthsIsOneLineNamingIt(String content) throws Exception {
        new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        Files.writeString(tmp.resolve("dist/prod/outputs.json"), content);
        CliRun run = CliRun.of("outputs", "--root", tmp.toString(), "--env", "prod");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("error: dist/prod/outputs.json is not the outputs.json synth writes ("), run.err());
        assertTrue(run.err().endsWith("); run bin/ai-storage synth\n"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
