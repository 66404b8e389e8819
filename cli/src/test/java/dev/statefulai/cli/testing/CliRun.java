package dev.statefulai.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.cli.Main;
import dev.statefulai.engine.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

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

    /**
     * Runs {@code bin/ai-storage synth --root <root> <extra>} bound by permission bits: in this JVM when they bind
     * it, else (tests run as root) in a JVM of its own under {@code setpriv}, without the capabilities that pass
     * them; skipped where neither can be.
     */
    public static CliRun synthBoundByPermissions(Path root, String... extra) {
        List<String> args = new ArrayList<>(List.of("synth", "--root", root.toString()));
        args.addAll(List.of(extra));
        return boundByPermissions(args.toArray(String[]::new));
    }

    /** Runs {@code bin/ai-storage <args>} bound by permission bits, as {@link #synthBoundByPermissions} does. */
    public static CliRun boundByPermissions(String... arguments) {
        List<String> args = List.of(arguments);
        if (permissionsBind()) {
            return of(args.toArray(String[]::new));
        }
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "running as root without setpriv: permission bits cannot be tested");
        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search,-fowner"));
        command.addAll(ChildJvm.command(Main.class.getName(), args.toArray(String[]::new)));
        try {
            Path out = Files.createTempFile("cli-run", ".out");
            Path err = Files.createTempFile("cli-run", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("bin/ai-storage " + String.join(" ", args) + " did not end in 120 s");
                }
                return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.delete(out);
                Files.delete(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether a folder without permissions is closed to this JVM (it is not to root). */
    private static boolean permissionsBind() {
        try {
            Path probe = Files.createTempDirectory("permissions");
            try {
                Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
                return !Files.isReadable(probe);
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
