package dev.statefulai.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Runs {@code check} or {@code diff} in-process with a chosen environment (CI variables), capturing its output. */
record GateCli(int exit, String out, String err) {

    static GateCli check(Map<String, String> environment, String... args) {
        CheckCommand command = new CheckCommand();
        command.environment = environment;
        return run(command, args);
    }

    static GateCli diff(Map<String, String> environment, String... args) {
        DiffCommand command = new DiffCommand();
        command.environment = environment;
        return run(command, args);
    }

    private static GateCli run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new GateCli(exit, out.toString(), err.toString());
    }
}
