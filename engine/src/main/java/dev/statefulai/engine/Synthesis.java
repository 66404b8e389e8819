package dev.statefulai.engine;

import dev.statefulai.engine.environments.EnvironmentFile;
import dev.statefulai.engine.output.UnitOutput;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.topology.StorageTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthesizes a set of apps for a set of environments and collects every problem instead of stopping
 * at the first, so that one run tells the user everything to fix.
 */
public final class Synthesis {

    /** The rendered tree, or the problems that prevented it; and warnings, which prevent nothing. */
    public record Outcome(DistTree tree, List<String> problems, List<String> warnings) {
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
     * @param overrides per app name, key path to value (see {@link Overrides})
     */
    public static Outcome run(List<AppCatalog.App> apps, List<String> environments,
                              Map<String, Map<String, String>> overrides) {
        return run(apps, environments, overrides, Options.sequential()).outcome();
    }

    /**
     * How a run may go faster: threads ({@link ParallelSynth}; 0: one per core as the units allow) and
     * what an earlier synth into the output folder lets this one keep ({@link Reuse}; {@code null}: synthesize everything).
     */
    public record Options(int jobs, Reuse state) {
        /** Everything synthesized, on this thread. */
        public static Options sequential() {
            return new Options(1, null);
        }
    }

    /**
     * A run: its outcome, the results it rendered, the inputs hash of each unit (for
     * the incremental state's save), how many units were synthesized and how many taken unchanged from the
     * output folder, and the worker processes that helped.
     */
    public record Run(Outcome outcome, List<UnitOutput> results, Map<String, String> inputsByKey,
                      int synthesized, int reused) {
    }

    /** Like {@link #run(List, List, Map)}, with threads and incremental state as {@code options} say. */
    public static Run run(List<AppCatalog.App> apps, List<String> environments,
                          Map<String, Map<String, String>> overrides, Options options) {
        EnvironmentFile.Targets targets;
        try {
            targets = apps.isEmpty() ? EnvironmentFile.Targets.defaults() : EnvironmentFile.read(apps.get(0).repositoryRoot(), environments,
                    AppCatalog.environmentsOf(apps));
        } catch (ValuesException e) {
            return new Run(new Outcome(null, e.problems(), List.of()), List.of(), Map.of(), 0, 0);
        }
        List<ParallelSynth.Unit> units = new ArrayList<>();
        for (String env : environments) {
            for (AppCatalog.App app : apps) {
                units.add(new ParallelSynth.Unit(app, env, overrides.getOrDefault(app.name(), Map.of()), targets.of(env)));
            }
        }
        UnitOutput[] reused = new UnitOutput[units.size()];
        Map<String, String> inputsByKey = new java.util.HashMap<>();
        List<ParallelSynth.Unit> todo = new ArrayList<>();
        List<Integer> todoIndex = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            ParallelSynth.Unit u = units.get(i);
            if (options.state() != null) {
                String inputs = options.state().inputsHash(u);
                inputsByKey.put(Reuse.keyOf(u), inputs);
                reused[i] = options.state().reuse(u, inputs).orElse(null);
            }
            if (reused[i] == null) {
                todo.add(u);
                todoIndex.add(i);
            }
        }
        List<ParallelSynth.UnitOutcome> done = todo.isEmpty() ? List.of() : ParallelSynth.run(todo, options.jobs());
        ParallelSynth.UnitOutcome[] outcomes = new ParallelSynth.UnitOutcome[units.size()];
        for (int j = 0; j < todo.size(); j++) {
            outcomes[todoIndex.get(j)] = done.get(j);
        }
        List<UnitOutput> results = new ArrayList<>();
        // A problem in values.yaml shows in every environment: report it once.
        java.util.LinkedHashSet<String> problems = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> warnings = new java.util.LinkedHashSet<>();
        for (int i = 0; i < units.size(); i++) {
            if (reused[i] != null) {
                results.add(reused[i]);
                continue;
            }
            warnings.addAll(outcomes[i].warnings());
            if (outcomes[i].result() != null) {
                results.add(withPicture(outcomes[i].result()));
            } else {
                problems.addAll(outcomes[i].problems());
            }
        }
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(Synthesis::byFileAndLine);
        Outcome outcome = new Outcome(problems.isEmpty() ? DistTree.render(results, targets) : null, List.copyOf(sorted), List.copyOf(warnings));
        return new Run(outcome, results, inputsByKey, todo.size(), units.size() - todo.size());
    }

    /** A result with its storage picture: drawn from its YAML when cdk8s synthesized it. */
    private static UnitOutput withPicture(UnitOutput r) {
        return r.topology() != null ? r : new UnitOutput(r.app(), r.environment(), r.yaml(), r.outputs(),
                StorageTopology.render(r.app(), r.environment(), r.yaml()));
    }
}
