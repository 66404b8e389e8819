package dev.statefulai.cli;

import dev.statefulai.engine.testing.ChildJvm;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} through the real entry point ({@code Main.main}) in a fresh JVM: a library's logging
 * set-up runs once per JVM, so only a new process shows what a user sees on stderr.
 */
class CheckEntryPointTest {
    @TempDir
    Path tmp;

    @Test
    void checkPrintsNoSlf4jWarningsOnStderr() throws Exception {
        new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        Process p = new ProcessBuilder(ChildJvm.command("dev.statefulai.cli.Main", "check", "--dist", tmp.resolve("dist").toString(),
                "--ref", ""))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "check did not finish");
        assertEquals(0, p.exitValue(), err);
        assertFalse(err.contains("SLF4J"), err);
        assertEquals("", err);
    }
}
