package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import org.junit.jupiter.api.Test;

/**
 * A problem is one line however odd the input it quotes: a newline in a --set value spread its message over several
 * lines, and a NUL in a values file's key reached the terminal as a raw byte. Control characters are shown escaped.
 */
class ControlCharactersInMessagesTest extends DemoRepoTest {
    @Test
    void aNewlineInASetValueIsShownEscapedAndTheProblemStaysOneLine() {
        CliRun run = CliRun.of("synth", "--root", tmp.toString(), "--set", "demo.replicas=3\nfour");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(2, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("3\\nfour"), run.err());
    }

    @Test
    void aNulInAValuesKeyIsShownEscaped() {
        repo.write("apps/demo/values-prod.yaml", "replicas: 3\n\"rep\\0licas\": 4\n");
        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertFalse(run.err().contains("\0"), run.err());
        assertTrue(run.err().contains("rep\\u0000licas"), run.err());
    }
}
