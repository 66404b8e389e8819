package dev.statefulai.engine.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM a test starts: this JVM's java and class path, and the flags the build gives test
 * JVMs (surefire's argLine in the parent pom): a child lives seconds, so the quick compiler alone and the
 * serial collector leave the cores to the build instead of to C2 and G1 threads.
 */
public final class ChildJvm {
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

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
