package dev.statefulai.engine.testing;

import dev.statefulai.engine.output.DistDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Snapshot assertions with an explicit update switch: {@code -Dsnapshot.update=true} rewrites the
 * snapshot files; without it (always, in CI) a missing or different snapshot fails with a diff.
 */
public final class Snapshots {
    /** The command that rewrites snapshots, for failure messages. */
    public static final String UPDATE_COMMAND = "./mvnw -q test -Dsnapshot.update=true";

    private Snapshots() {
    }

    /** Whether this run rewrites snapshots. */
    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("snapshot.update", "false"));
    }

    /** Asserts that {@code actual} equals the content of {@code snapshot}, or rewrites it when updating. */
    public static void assertMatches(Path snapshot, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(snapshot.getParent());
                Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(snapshot)) {
                throw new AssertionError("no snapshot at " + snapshot + "; create it with: " + UPDATE_COMMAND);
            }
            String expected = Files.readString(snapshot, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                String name = snapshot.getFileName().toString();
                TreeMap<String, String> before = new TreeMap<>();
                before.put(name, expected);
                TreeMap<String, String> after = new TreeMap<>();
                after.put(name, actual);
                throw new AssertionError("snapshot " + snapshot + " differs:\n" + DistDiff.between(before, after, "")
                        + "If the change is intended, update the snapshots with: " + UPDATE_COMMAND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
