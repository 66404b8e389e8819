package dev.statefulai.engine.testing;

import dev.statefulai.engine.output.DistDiff;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.output.UnitOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed {@code dist/} as the golden files of the app tests: an app's manifest for an environment
 * must be, byte for byte, the file the synth writes for it ({@code dist/<env>/<app>.yaml}, its header
 * included). Nothing here writes a golden file: {@code bin/ai-storage synth} does, and git shows what changed.
 */
public final class DistGolden {
    /** The command that rewrites {@code dist/}, for failure messages. */
    public static final String SYNTH = "bin/ai-storage synth";

    private DistGolden() {
    }

    /** How to bring a golden file up to date after an intended change, given the file and what it should hold. */
    @FunctionalInterface
    public interface Regenerate {
        String command(Path golden, String synthesized);
    }

    /** Regenerates the repository's {@code dist/}: {@value #SYNTH}. */
    public static final Regenerate BY_SYNTH = (golden, synthesized) -> SYNTH;

    /** The relative path of {@code unit}'s manifest in a {@code dist/} folder: {@code <env>/<app>.yaml}. */
    public static String manifestPath(UnitOutput unit) {
        return unit.environment() + "/" + unit.app() + ".yaml";
    }

    /** The manifest file the synth writes for {@code unit}. */
    public static String manifest(UnitOutput unit) {
        return DistTree.render(List.of(unit)).files().get(manifestPath(unit));
    }

    /**
     * Asserts that {@code distDir} holds {@code unit}'s manifest as the synth writes it; otherwise fails
     * with the unified diff (or, when the file is missing, that the synth has not run yet) and the command
     * {@code regenerate} names. Paths in messages are shown relative to {@code shownFrom}.
     */
    public static void assertMatches(Path distDir, Path shownFrom, UnitOutput unit, Regenerate regenerate) {
        Path golden = distDir.resolve(manifestPath(unit));
        String shown = shownFrom.toAbsolutePath().normalize().relativize(golden.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        String actual = manifest(unit);
        if (!Files.isRegularFile(golden)) {
            throw new AssertionError(shown + " does not exist: the app's tests compare it with what the code synthesizes, "
                    + "and no synth has written it yet. Run " + regenerate.command(golden, actual) + " first, "
                    + "then review and commit it with the app.");
        }
        String expected = read(golden);
        if (expected.equals(actual)) {
            return;
        }
        SortedMap<String, String> committed = new TreeMap<>();
        committed.put(shown, expected);
        SortedMap<String, String> synthesized = new TreeMap<>();
        synthesized.put(shown, actual);
        String diff = DistDiff.between(committed, synthesized, "");
        if (expected.lines().toList().equals(actual.lines().toList())) {
            diff = "(the lines are equal: the files differ in line endings or the final newline)\n";
        }
        throw new AssertionError(shown + " is not what the code synthesizes:\n" + diff
                + "If the change is intended, regenerate it with: " + regenerate.command(golden, actual)
                + "   (then review git diff and commit it)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
