package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.statefulai.constructs.render.ChartTrees;
import dev.statefulai.constructs.yaml.ManifestYaml;
import dev.statefulai.constructs.render.Recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cdk8s.App;
import org.cdk8s.AppProps;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.Testing;

/**
 * Test support: the manifests one chart synthesizes, found by kind, and values read from them by path.
 *
 * <p>A path is a chain of map keys and list indices: {@code spec.template.spec.containers[0].image}.
 * A key that holds dots or slashes goes in brackets and quotes: {@code metadata.labels['app.kubernetes.io/name']}.
 */
public final class Manifests {
    private final List<Map<String, Object>> manifests;

    private Manifests(List<Map<String, Object>> manifests) {
        this.manifests = manifests;
    }

    /** Builds constructs into a fresh chart without a namespace and synthesizes it. */
    public static Manifests synth(Consumer<Chart> build) {
        return synth(null, build);
    }

    /**
     * Builds constructs into a fresh chart of {@code namespace} (null for none) and synthesizes it with
     * cdk8s. Every call also builds the same constructs again while a {@link Recording} records them and
     * checks that the Java side ({@link ChartTrees}) makes the very tree cdk8s made (unless the build needs
     * the L1 objects, which the synth handles by not rendering on the Java side).
     */
    @SuppressWarnings("unchecked")
    public static Manifests synth(String namespace, Consumer<Chart> build) {
        Chart chart = chart(namespace);
        build.accept(chart);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : Testing.synth(chart)) {
            out.add((Map<String, Object>) o);
        }
        List<Object> cdk8s = ManifestYaml.trees(ChartTrees.of((App) chart.getNode().getRoot()));
        Recording recording = Recording.record(namespace, InvalidPropsException.class, build);
        if (recording.unsupported() == null) {
            assertEquals(cdk8s, ManifestYaml.trees(ChartTrees.of(recording)), "Java-side rendering differs from cdk8s");
        }
        return new Manifests(out);
    }

    /**
     * A fresh chart in a fresh test app; {@code namespace} may be null. Not cdk8s's Testing.app(): that makes a
     * folder in the system's temporary folder for every app and never removes it (one per test, thousands per
     * build). These apps are never synthesized to files, so their output folder is named and never made.
     */
    public static Chart chart(String namespace) {
        App app = new App(AppProps.builder().outdir(UNWRITTEN_OUTDIR).build());
        return new Chart(app, "test", ChartProps.builder().namespace(namespace).build());
    }

    /** The output folder of the test apps: under target/, and never written. */
    static final String UNWRITTEN_OUTDIR = "target/cdk8s-test-apps-never-written";

    /** The kinds of all manifests, in synth order. */
    public List<String> kinds() {
        return manifests.stream().map(m -> (String) m.get("kind")).toList();
    }

    /** All manifests of {@code kind}, in synth order. */
    public List<Map<String, Object>> all(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    /** The one manifest of {@code kind}; fails the test when there is none or more than one. */
    public Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = all(kind);
        if (found.size() != 1) {
            fail("expected exactly one " + kind + " but found " + found.size() + " among " + kinds());
        }
        return found.get(0);
    }

    /** A value inside the one manifest of {@code kind}. */
    public Object at(String kind, String path) {
        return at(one(kind), path);
    }

    /**
     * The value at {@code path} under {@code root}, or {@code null} when a map along the way lacks the key.
     * Fails the test when the path runs into a value of the wrong shape or an index past a list's end.
     */
    public static Object at(Object root, String path) {
        Object current = root;
        for (Object step : steps(path)) {
            if (current == null) {
                return null;
            }
            if (step instanceof Integer index) {
                if (!(current instanceof List<?> list) || index >= list.size()) {
                    fail("path " + path + ": no element [" + index + "] in " + current);
                    return null;
                }
                current = list.get(index);
            } else {
                if (!(current instanceof Map<?, ?> map)) {
                    fail("path " + path + ": cannot read key '" + step + "' of " + current);
                    return null;
                }
                current = map.get(step);
            }
        }
        return current;
    }

    /** The map at {@code path}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object root, String path) {
        return (Map<String, Object>) at(root, path);
    }

    /** The list at {@code path}. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object root, String path) {
        return (List<Object>) at(root, path);
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (path.startsWith("['", i)) {
                int end = path.indexOf("']", i);
                steps.add(path.substring(i + 2, end));
                i = end + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                steps.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }
}
