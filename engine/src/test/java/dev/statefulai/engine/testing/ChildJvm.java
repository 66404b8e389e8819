package dev.statefulai.engine.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM a test starts: this JVM's java and class path, and the -XX flags this test JVM was
 * started with (surefire's argLine, set in the parent pom): a child lives seconds too, so the quick compiler
 * alone and the serial collector leave the cores to the build instead of to C2 and G1 threads.
 */
public final class ChildJvm {
    private static final List<String> FLAGS = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-XX:")).toList();

    private ChildJvm() {
    }

    /** {@code java <flags> -cp <this class path> mainClass args...}. */
    public static List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
