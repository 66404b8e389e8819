package dev.statefulai.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the command line in-process and captures its exit code and output (for command tests). */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code bin/ai-storage <args>} in this JVM. */
    public static synchronized CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Runs {@code bin/ai-storage synth --root <root> <extra>} in this JVM. */
    public static CliRun synth(Path root, String... extra) {
        return of(Stream.concat(Stream.of("synth", "--root", root.toString()), Stream.of(extra)).toArray(String[]::new));
    }

    /** Asserts that the run succeeded (exit code 0; a failure shows its error output); returns it for the asserts of its own. */
    public CliRun assertSucceeded() {
        assertEquals(0, exitCode, err);
        return this;
    }

    /**
     * Asserts that the run refused its input: exit code 2 and, as its whole error output, exactly {@code problems}
     * under the line that says dist/ was not changed.
     */
    public void assertRefused(String... problems) {
        assertEquals(2, exitCode, err);
        assertEquals("error: " + problems.length + " problem(s); dist/ was not changed\n  - " + String.join("\n  - ", problems) + "\n", err);
    }
}
