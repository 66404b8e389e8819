package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import dev.statefulai.engine.demo.DemoRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An environment is the {@code <env>} of a {@code values-<env>.yaml}: it names the folder {@code dist/<env>} and is
 * part of object names, so a file name that cannot give one is refused, naming the file, before anything is written.
 * {@code values-...yaml} gave the environment {@code ..} and a refusal about {@code dist/..} instead.
 */
class EnvironmentNameTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"..", "Q A", "Prod", "-dev", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aValuesFileWhoseEnvironmentIsNotANameIsRefusedAndNothingIsWritten(String env) throws Exception {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        SortedMap<String, String> before = repo.dist();
        Files.writeString(tmp.resolve("apps/demo/values-" + env + ".yaml"), "replicas: 4\n");

        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("apps/demo/values-" + env + ".yaml: '" + env + "' is not an environment name; allowed: a DNS-1123 label"),
                run.err());
        assertEquals(before, repo.dist(), "dist/ as it was");
    }
}
