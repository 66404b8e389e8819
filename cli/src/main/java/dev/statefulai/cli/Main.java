package dev.statefulai.cli;

import dev.statefulai.engine.output.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code bin/ai-storage <command>}. */
@Command(name = "ai-storage", mixinStandardHelpOptions = true, version = "ai-storage 0.1.0",
        description = "Persistent storage for stateful AI workloads: synthesize and check the manifests in dist/.",
        subcommands = {SynthCommand.class, dev.statefulai.cli.CheckCommand.class,
                dev.statefulai.cli.DiffCommand.class, OutputsCommand.class, dev.statefulai.cli.newapp.NewAppCommand.class})
public final class Main implements Runnable {
    /** Bad input, a usage error or an I/O error. */
    private static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::ioError).execute(args);
    }

    /**
     * An I/O error of any command (an unwritable folder, a full disk, a file where a folder is expected)
     * is one line and exit code 2, not a stack trace; any other exception is a bug and shows as one.
     */
    private static int ioError(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                System.err.println(Style.error("error: " + IoErrors.describe(u)));
                return USAGE;
            }
            if (t instanceof IOException io) {
                System.err.println(Style.error("error: " + IoErrors.describe(io)));
                return USAGE;
            }
        }
        throw e;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
