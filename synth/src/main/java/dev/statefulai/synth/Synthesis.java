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

    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile("^([^:\\s]+):(\\d+): ");

    private Synthesis() {
    }

    /** Problems located in files come first, ordered by file and line; the rest keep their order. */
    private static int byFileAndLine(String a, String b) {
        java.util.regex.Matcher ma = LOCATION.matcher(a);
        java.util.regex.Matcher mb = LOCATION.matcher(b);
        boolean la = ma.find();
        boolean lb = mb.find();
        if (la != lb) {
            return la ? -1 : 1;
        }
        if (!la) {
            return 0;
        }
        int byFile = ma.group(1).compareTo(mb.group(1));
        return byFile != 0 ? byFile : Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
    }

    /**
     * @param overrides per app name, key path to value (see {@link SynthCommand} {@code --set})
     */
    public static Outcome run(List<AppCatalog.App> apps, List<String> environments,
                              Map<String, Map<String, String>> overrides) {
        List<AppSynthesizer.Result> results = new ArrayList<>();
        // A problem in values.yaml shows in every environment: report it once.
        java.util.LinkedHashSet<String> problems = new java.util.LinkedHashSet<>();
        for (String env : environments) {
            for (AppCatalog.App app : apps) {
                try {
                    results.add(AppSynthesizer.synth(app, env, overrides.getOrDefault(app.name(), Map.of())));
                } catch (ValuesException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(Synthesis::byFileAndLine);
        return new Outcome(problems.isEmpty() ? DistTree.render(results) : null, List.copyOf(sorted));
    }
}
