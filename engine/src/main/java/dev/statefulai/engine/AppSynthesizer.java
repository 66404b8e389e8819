package dev.statefulai.engine;

import dev.statefulai.engine.environments.EnvironmentFile;
import dev.statefulai.engine.output.ConstructMetadata;
import dev.statefulai.engine.output.UnitOutput;
import dev.statefulai.app.AppDefinition;
import dev.statefulai.engine.topology.StorageTopology;
import dev.statefulai.engine.values.LocatedYaml;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.engine.values.ValuesLoader;
import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.render.ChartTrees;
import dev.statefulai.constructs.yaml.ManifestYaml;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.cluster.TargetCluster;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.cdk8s.ApiObject;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import software.constructs.IConstruct;

/**
 * Synthesizes one app for one environment.
 *
 * <p>By default the chart and this library's constructs are Java-side shells that record their objects,
 * and the chart's manifests are made on the Java side ({@link Recording}, {@link ChartTrees}): the
 * tree cdk8s makes, without the jsii kernel. When the app's code adds something the recording cannot
 * render (a construct of another library, an escape hatch), the chart is defined again in an {@link App}
 * of its own and synthesized by cdk8s. {@code AI_STORAGE_RENDERER=cdk8s} always takes that path. Either
 * tree is written by {@link ManifestYaml}.
 */
public final class AppSynthesizer {

    /** How charts become YAML. */
    public enum Renderer {
        /** Recorded and rendered on the Java side, with cdk8s as the fallback. */
        JAVA,
        /** cdk8s's own synth in the jsii kernel, one App per chart (cdk8s validates the whole App per chart). */
        CDK8S;

        /** {@code AI_STORAGE_RENDERER}: {@code cdk8s}, or {@code java} (the default). */
        public static Renderer fromEnvironment() {
            String value = System.getenv("AI_STORAGE_RENDERER");
            return value != null && value.equalsIgnoreCase("cdk8s") ? CDK8S : JAVA;
        }
    }

    static final Renderer RENDERER = Renderer.fromEnvironment();

    /**
     * Held by whatever may talk to the jsii kernel: an app defining its chart (its code may use cdk8s,
     * which is how a recording finds it out) and cdk8s's own synth. One kernel per JVM, driven
     * synchronously; values loading, YAML writing and storage pictures run outside it, in parallel.
     */
    static final ReentrantLock KERNEL = new ReentrantLock();

    /** One struct for every chart: building it is free, but it is serialized on each use anyway. */
    private static final ChartProps CHART_PROPS = ChartProps.builder().disableResourceNameHashes(true).build();

    private AppSynthesizer() {
    }

    /**
     * Loads the app's values for {@code environment} (with {@code overrides}) and synthesizes it for the
     * environment's cluster ({@code environments/<env>.yaml}).
     */
    public static UnitOutput synth(AppCatalog.App app, String environment, Map<String, String> overrides) {
        return synth(app, environment, overrides, RENDERER);
    }

    /**
     * As {@link #synth(AppCatalog.App, String, Map)}, with the given renderer.
     *
     * @throws ValuesException with every problem of the app's values, of the environment's file and every prop
     *                         its constructs refuse
     */
    public static UnitOutput synth(AppCatalog.App app, String environment, Map<String, String> overrides, Renderer renderer) {
        ClusterTarget target = EnvironmentFile.read(app.repositoryRoot(), environment).orElse(ClusterTarget.DEFAULT);
        return synth(app, environment, overrides, target, renderer);
    }

    /**
     * As {@link #synth(AppCatalog.App, String, Map, Renderer)}, for the cluster {@code target}: the constructs
     * refuse what it lacks ({@link TargetCluster}).
     *
     * @throws ValuesException with every problem of the app's values and every prop its constructs refuse
     */
    public static UnitOutput synth(AppCatalog.App app, String environment, Map<String, String> overrides, ClusterTarget target,
                                   Renderer renderer) {
        return TargetCluster.during(target, () -> synthFor(app, environment, overrides, renderer));
    }

    private static UnitOutput synthFor(AppCatalog.App app, String environment, Map<String, String> overrides, Renderer renderer) {
        ValuesLoader.Loaded<?> values = load(app, environment, overrides);
        if (!values.problems().isEmpty()) {
            // The constructs still see the values that are fine, so that their refusals come in the same run.
            List<String> problems = new ArrayList<>(values.problems());
            if (values.values() != null) {
                problems.addAll(refusalsWithoutResult(app, environment, values, renderer));
            }
            throw new ValuesException(problems);
        }
        UnitOutput recorded = renderer == Renderer.JAVA ? recorded(app, environment, values).result() : null;
        return recorded != null ? recorded : synthesized(app, environment, values);
    }

    /**
     * Why the default renderer hands the app's chart for {@code environment} to cdk8s (e.g. an escape hatch
     * was asked for, or another library's object was defined), or {@code null} when the chart is rendered
     * on the Java side.
     *
     * @throws ValuesException when the app's values or its props are refused
     */
    public static String whyRenderedByCdk8s(AppCatalog.App app, String environment, Map<String, String> overrides) {
        ClusterTarget target = EnvironmentFile.read(app.repositoryRoot(), environment).orElse(ClusterTarget.DEFAULT);
        return TargetCluster.during(target, () -> recorded(app, environment, load(app, environment, overrides)).refusal());
    }

    private static ValuesLoader.Loaded<?> load(AppCatalog.App app, String environment, Map<String, String> overrides) {
        return ValuesLoader.read(app.definition().valuesType(), app.dir(),
                app.displayDir(), environment, overrides, Overrides.camelCase(app.name()));
    }

    /** A chart rendered on the Java side, or why it cannot be. */
    private record Recorded(UnitOutput result, String refusal) {
    }

    /**
     * The props the constructs refuse, of values that have problems of their own: a chart of such values
     * is never rendered. Refusals of props a refused key would have set are left out (the key's own
     * problem says it), and so is any other failure of the app's code, which met values it does not expect.
     */
    private static List<String> refusalsWithoutResult(AppCatalog.App app, String environment, ValuesLoader.Loaded<?> values,
                                                     Renderer renderer) {
        try {
            if (renderer == Renderer.JAVA) {
                recorded(app, environment, values);
            } else {
                synthesized(app, environment, values);
            }
            return List.of();
        } catch (ValuesException e) {
            return e.problems();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The chart recorded and rendered on the Java side, or the reason it needs cdk8s. */
    private static Recorded recorded(AppCatalog.App app, String environment, ValuesLoader.Loaded<?> values) {
        List<HasOutputs> withOutputs;
        List<Map<String, Object>> documents;
        List<String> paths;
        KERNEL.lock();
        try {
            Recording[] recording = new Recording[1];
            withOutputs = define(app, environment, values,
                    () -> recording[0] = Recording.record(null, InvalidPropsException.class, c -> defineIn(c, app, environment, values)));
            if (recording[0].unsupported() != null) {
                return new Recorded(null, recording[0].unsupported());
            }
            // Rendering may read a Quantity the app's code made with cdk8s back from the kernel.
            documents = ChartTrees.of(recording[0]);
            paths = recording[0].paths();
        } catch (ChartTrees.UnrenderableException e) {
            return new Recorded(null, e.getMessage());
        } finally {
            KERNEL.unlock();
        }
        String yaml = ManifestYaml.write(documents);
        UnitOutput result = new UnitOutput(app.name(), environment, yaml, outputs(withOutputs),
                StorageTopology.render(app.name(), environment, documents));
        return new Recorded(!ConstructMetadata.requested() ? result
                : result.withConstructPaths(ConstructMetadata.paths(app.name(), documents, paths)), null);
    }

    /** The chart synthesized by cdk8s, in an App of its own. */
    private static UnitOutput synthesized(AppCatalog.App app, String environment, ValuesLoader.Loaded<?> loaded) {
        KERNEL.lock();
        try {
            App cdk8sApp = new App();
            Chart chart = new Chart(cdk8sApp, app.name(), CHART_PROPS);
            List<HasOutputs> withOutputs = define(app, environment, loaded, () -> defineIn(chart, app, environment, loaded));
            UnitOutput result = new UnitOutput(app.name(), environment, ManifestYaml.write(ChartTrees.of(cdk8sApp)), outputs(withOutputs), null);
            return ConstructMetadata.requested() ? result.withConstructPaths(cdk8sPaths(chart)) : result;
        } finally {
            KERNEL.unlock();
        }
    }

    /** The construct path of every object cdk8s synthesizes in {@code chart}, keyed as {@link ConstructMetadata#paths}. */
    private static Map<String, String> cdk8sPaths(Chart chart) {
        Map<String, String> out = new TreeMap<>();
        for (IConstruct c : chart.getNode().findAll()) {
            if (c instanceof ApiObject o) {
                String namespace = o.getMetadata().getNamespace();
                out.put(o.getKind() + "/" + (namespace == null ? "" : namespace) + "/" + o.getName(), o.getNode().getPath());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <V> void defineIn(Chart chart, AppCatalog.App app, String environment, ValuesLoader.Loaded<?> loaded) {
        ((AppDefinition<V>) app.definition()).define(chart, (V) loaded.values(), environment);
    }

    /**
     * Runs {@code body} and returns the constructs that name what they made: they register themselves
     * (OutputsRegistry), so there is no node.findAll() through the jsii kernel. Every prop the constructs
     * refuse on the way is collected ({@link Refusals}) and thrown together; when the values have problems
     * of their own, a ValuesException is thrown even without a refusal, so that such a chart is never rendered.
     */
    private static List<HasOutputs> define(AppCatalog.App app, String environment, ValuesLoader.Loaded<?> loaded,
            Runnable body) {
        List<List<HasOutputs>> found = new ArrayList<>(1);
        List<String> problems = new ArrayList<>();
        PropOrigins props = new PropOrigins(loaded.values(), loaded.origins());
        List<InvalidPropsException> refusals = PropSources.listening(props,
                () -> Refusals.collect(() -> found.add(OutputsRegistry.collect(body))));
        for (InvalidPropsException e : refusals) {
            List<String> keys = props.of(e);
            if (!setByARefusedKey(loaded, keys)) {
                problems.add(app.displayDir() + " (" + environment + "): " + e.getMessage() + " [" + origin(loaded, e, keys) + "]");
            }
        }
        if (!problems.isEmpty() || !loaded.problems().isEmpty()) {
            throw new ValuesException(problems);
        }
        return found.get(0);
    }

    /** Whether a refused prop came from a key left out for its own problem: its refusal would be that problem again. */
    private static boolean setByARefusedKey(ValuesLoader.Loaded<?> loaded, List<String> keys) {
        return keys.stream().anyMatch(k -> loaded.refused().stream().anyMatch(r -> k.equals(r) || k.startsWith(r + "/")));
    }

    private static Map<String, Object> outputs(List<HasOutputs> withOutputs) {
        Map<String, Object> outputs = new TreeMap<>();
        for (HasOutputs o : withOutputs) {
            outputs.put(o.outputName(), o.outputs());
        }
        return outputs;
    }

    /**
     * Where the refused prop came from: the values keys that fed it ({@link PropOrigins}) and the file and line
     * that set each; for a prop no layer set, when the environment has no values file, that file. A value the
     * construct does not show (a credential) is not shown in a {@code --set} either.
     */
    private static String origin(ValuesLoader.Loaded<?> loaded, InvalidPropsException e, List<String> keys) {
        boolean hidden = e.hidesValue();
        String setBy = keys.stream()
                .filter(k -> loaded.origins().containsKey(k))
                .map(k -> shown(loaded.origins().get(k).toString(), hidden) + " (" + LocatedYaml.keyPath(k) + ")")
                .reduce((a, b) -> a + ", " + b)
                .orElse(null);
        if (e.given() == null && loaded.missingOverlay() != null) {
            return loaded.missingOverlay();
        }
        return "set by " + (setBy != null ? setBy : "the app's code or a construct default");
    }

    /** An origin as messages show it: a {@code --set} without its value when the value is hidden. */
    private static String shown(String origin, boolean hidden) {
        int eq = origin.indexOf('=');
        return hidden && origin.startsWith("--set ") && eq > 0 ? origin.substring(0, eq) : origin;
    }
}
