package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages, read from its sources: which package uses which (imports, and names written
 * out in full), and that no package uses one that uses it back, directly or through others.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev.statefulai.constructs";
    private static final Pattern USE = Pattern.compile("\\b(dev\\.statefulai\\.constructs(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

    /** Each package of the library and the other packages of the library its main sources use. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(file).replaceAll("(?m)^package .*$", ""));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    @Test
    void noPackageUsesOneThatUsesItBack() {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String pkg : uses.keySet()) {
            List<String> path = cycleFrom(pkg, pkg, uses, new ArrayList<>(List.of(pkg)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package cycles; uses: " + uses);
    }

    /** A path back to {@code start} from {@code at}, or {@code null}. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, uses, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    @Test
    void theBaseTypesUseNoOtherPackageOfTheLibrary() {
        // Validate, InvalidPropsException, Refusals and the enums are what everything else (and the values types) import.
        assertEquals(Set.of(), uses().get(ROOT));
    }

    @Test
    void theRenderSeamUsesNothingButTheBaseTypes() {
        Set<String> render = uses().get(ROOT + ".render");
        assertTrue(Set.of(ROOT).containsAll(render), render.toString());
    }

    @Test
    void theYamlWriterUsesNoOtherPackageOfTheLibrary() {
        assertEquals(Set.of(), uses().get(ROOT + ".yaml"));
    }

    @Test
    void theReaderSeesEveryPackage() {
        // A guard for the two tests above: they read the sources, so a wrong folder would pass them silently.
        assertTrue(uses().keySet().containsAll(List.of(ROOT, ROOT + ".render", ROOT + ".storage", ROOT + ".claims",
                ROOT + ".cachefill", ROOT + ".pod", ROOT + ".workload", ROOT + ".pipeline", ROOT + ".scratch", ROOT + ".presets",
                ROOT + ".runtime", ROOT + ".serving", ROOT + ".tier", ROOT + ".yaml")), uses().keySet().toString());
    }
}
