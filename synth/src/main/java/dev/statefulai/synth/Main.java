package dev.statefulai.synth;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code bin/ai-storage <command>}. */
@Command(name = "ai-storage", mixinStandardHelpOptions = true, version = "ai-storage 0.1.0",
        description = "Persistent storage for stateful AI workloads: synthesize and check the manifests in dist/.",
        subcommands = {SynthCommand.class, dev.statefulai.synth.check.CheckCommand.class,
                dev.statefulai.synth.check.DiffCommand.class, OutputsCommand.class, dev.statefulai.synth.newapp.NewAppCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
