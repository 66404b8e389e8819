package dev.statefulai.synth;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.OutputsRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;

/**
 * Synthesizes one app for one environment, in an {@link App} of its own: cdk8s validates the whole
 * App for every chart, so one App per chart keeps the cost of a fleet linear.
 */
public final class AppSynthesizer {

    /** The manifests of one app in one environment, and the names its constructs made. */
    public record Result(String app, String environment, String yaml, Map<String, Object> outputs) {
    }

    /** One struct for every chart: building it is free, but it is serialized on each use anyway. */
    private static final ChartProps CHART_PROPS = ChartProps.builder().disableResourceNameHashes(true).build();

    private AppSynthesizer() {
    }

    /** Loads the app's values for {@code environment} (with {@code overrides}) and synthesizes it. */
    public static Result synth(AppCatalog.App app, String environment, Map<String, String> overrides) {
        return synthWith(app, environment, ValuesLoader.load(app.definition().valuesType(), app.dir(),
                app.displayDir(), environment, overrides, SynthCommand.Overrides.camelCase(app.name())));
    }

    @SuppressWarnings("unchecked")
    private static <V> Result synthWith(AppCatalog.App app, String environment, ValuesLoader.Loaded<?> loaded) {
        AppDefinition<V> def = (AppDefinition<V>) app.definition();
        App cdk8sApp = new App();
        Chart chart = new Chart(cdk8sApp, app.name(), CHART_PROPS);
        List<HasOutputs> withOutputs;
        try {
            // The constructs that name what they made register themselves (OutputsRegistry): no
            // node.findAll() through the jsii kernel.
            withOutputs = OutputsRegistry.collect(() -> def.define(chart, (V) loaded.values(), environment));
        } catch (InvalidPropsException e) {
            throw new ValuesException(List.of(app.displayDir() + " (" + environment + "): " + e.getMessage()
                    + " [set by " + origin(loaded, e.prop()) + "]"));
        }
        String yaml = cdk8sApp.synthYaml();
        Map<String, Object> outputs = new TreeMap<>();
        for (HasOutputs o : withOutputs) {
            outputs.put(o.outputName(), o.outputs());
        }
        return new Result(app.name(), environment, yaml, outputs);
    }

    /** Best effort: the values key whose last part names the refused prop. */
    private static String origin(ValuesLoader.Loaded<?> loaded, String prop) {
        String last = prop.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        String suffix = "/" + last;
        return loaded.origins().entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .map(e -> e.getValue() + " (" + LocatedYaml.keyPath(e.getKey()) + ")")
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("the app's code or a construct default");
    }
}
