package dev.statefulai.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthesizes a set of apps for a set of environments and collects every problem instead of stopping
 * at the first, so that one run tells the user everything to fix.
 */
public final class Synthesis {

    /** The rendered tree, or the problems that prevented it. */
    public record Outcome(DistTree tree, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Synthesis() {
    }

    /**
     * @param overrides per app name, key path to value (see {@link SynthCommand} {@code --set})
     */
    public static Outcome run(List<AppCatalog.App> apps, List<String> environments,
                              Map<String, Map<String, String>> overrides) {
        List<AppSynthesizer.Result> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String env : environments) {
            for (AppCatalog.App app : apps) {
                try {
                    results.add(AppSynthesizer.synth(app, env, overrides.getOrDefault(app.name(), Map.of())));
                } catch (ValuesException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        return new Outcome(problems.isEmpty() ? DistTree.render(results) : null, List.copyOf(problems));
    }
}
