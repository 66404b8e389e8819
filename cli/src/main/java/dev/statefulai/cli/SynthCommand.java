package dev.statefulai.cli;

import dev.statefulai.engine.Overrides;
import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.Synthesis;
import dev.statefulai.engine.incremental.CodeFingerprint;
import dev.statefulai.engine.incremental.SynthState;
import dev.statefulai.engine.incremental.SynthWatcher;
import dev.statefulai.engine.output.DistDiff;
import dev.statefulai.engine.output.ConstructMetadata;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.output.DistWriter;
import dev.statefulai.engine.output.OutputFolder;
import dev.statefulai.engine.values.DidYouMean;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.engine.values.schema.ValuesSchemaFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synth}: values to manifests, for every app and environment, into {@code dist/}. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Synthesize every app for every environment into dist/<env>/.",
                "Writes nothing unless every app synthesizes: a failed run leaves dist/ as it was."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:--check found dist/ out of date, or --watch stopped: the code was rebuilt or apps/ went away",
                "2:bad values or props (all problems are listed), a usage error, an output folder synth may not write, an I/O error"})
public final class SynthCommand implements Callable<Integer> {
    static final int DRIFT = 1;
    static final int BAD_INPUT = 2;
    /** {@code --watch} stopped: the code on the class path was rebuilt, or the apps folder went away. */
    static final int CODE_CHANGED = 1;

    @Option(names = "--root", description = "Repository root (default: the current folder).", defaultValue = ".")
    Path root;

    @Option(names = {"-o", "--out"}, description = {"Output folder (default: $CDK8S_OUTDIR, else <root>/dist): new, empty, "
            + "or one synth wrote before; never the repository, a folder above it, or apps/.",
            "Synth replaces and removes only the files it wrote there (each removal is named); anything else is kept "
            + "and reported."})
    Path out;

    @Option(names = {"-e", "--env"}, description = "Environment to synthesize; repeatable (default: all).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--set", description = "Override a value: <app>.<key>=<value>, e.g. vectorDb.replicas=5; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--check", description = "Write nothing; exit 1 with a diff if dist/ differs from what the code synthesizes.")
    boolean check;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N|auto", converter = Jobs.class, defaultValue = "auto",
            description = "Threads to synthesize with: a whole number of 1 or more, or auto (default: auto, one per core "
                    + "when the number of apps x environments pays for another).")
    int jobs;

    @Option(names = "--full", description = "Synthesize every app again, even those whose code and values did not change "
            + "since the last synth (see .<out>" + SynthState.FILE + " beside the output folder).")
    boolean full;

    @Option(names = "--watch", description = "Stay running after the synth and synthesize again each time a values file "
            + "under apps/ changes (only what changed is synthesized; Ctrl-C stops). Restart after changing code.")
    boolean watch;

    /** While watching: the state the last synth saved, kept instead of read back. */
    private SynthState warm;
    /** While watching: the values files changed since the last synth (null: unknown). */
    private SynthWatcher.Changes watchedChanges;

    @Override
    public Integer call() throws java.io.IOException {
        if (!watch) {
            return synthOnce();
        }
        if (check) {
            return fail(List.of("--watch and --check do not go together: --check compares once and writes nothing"));
        }
        Path appsDir = root.toAbsolutePath().normalize().resolve(AppCatalog.APPS_DIR);
        boolean[] codeChanged = {false};
        SynthWatcher watcher = new SynthWatcher(appsDir, changed -> {
            // The library's classes were loaded once: after a rebuild they are not the code any more.
            if (CodeFingerprint.classPathChanged()) {
                codeChanged[0] = true;
                Thread.currentThread().interrupt();
                return;
            }
            try {
                watchedChanges = changed;
                if (synthOnce() != 0) {
                    // The files this synth found bad are not in the next one's changes: it starts from dist/.
                    warm = null;
                }
            } catch (LinkageError e) {
                codeChanged[0] = true;
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A broken app while watching is reported; the next synth starts from dist/, the watch goes on.
                System.err.println(Style.error("error: " + e.getMessage()));
                warm = null;
            }
            full = false;
            System.out.println("watching " + appsDir + " for changes (Ctrl-C stops)");
        });
        try {
            watcher.run();
        } catch (java.io.IOException e) {
            System.err.println(Style.error("error: " + e.getMessage()));
            return CODE_CHANGED;
        }
        if (codeChanged[0]) {
            System.err.println(Style.error("error: the code was rebuilt while watching; restart: bin/ai-storage synth --watch"));
            return CODE_CHANGED;
        }
        return 0;
    }

    private int synthOnce() {
        long start = System.nanoTime();
        Path rootDir = root.toAbsolutePath().normalize();
        // The cdk8s CLI sets CDK8S_OUTDIR relative to the folder it runs in (cdk8s-cli lib/util.js synthApp), which is
        // this process's working folder, not --root: resolved like --out, or the manifests land where the CLI never looks.
        Path distDir = (out != null ? out : System.getenv("CDK8S_OUTDIR") != null
                ? Path.of(System.getenv("CDK8S_OUTDIR")) : rootDir.resolve("dist")).toAbsolutePath().normalize();
        String shown = distDir.startsWith(rootDir) ? rootDir.relativize(distDir).toString() : distDir.toString();
        AppCatalog catalog;
        List<String> allEnvironments;
        try {
            OutputFolder.check(distDir, rootDir, AppCatalog.APPS_DIR);
            catalog = AppCatalog.discover(rootDir, SynthCommand.class.getClassLoader());
            allEnvironments = catalog.environments();
        } catch (OutputFolder.Refused e) {
            return refuse(e);
        } catch (ValuesException e) {
            return fail(e.problems());
        } catch (IllegalStateException e) {
            // An app not compiled, or two apps of one name: the user's to fix.
            return fail(List.of(e.getMessage()));
        }
        // A bad --env or --set is reported with the problems of the values, not instead of them.
        List<String> argumentProblems = new ArrayList<>();
        List<String> envs = selectEnvironments(allEnvironments, argumentProblems);
        Map<String, Map<String, String>> perApp = Overrides.byApp(overrides, catalog, argumentProblems);
        // Incremental: an app and environment whose code, values and overrides are unchanged since the
        // last synth into this folder, and whose files there are untouched, is taken from the folder.
        // --check always synthesizes everything: it is the proof that dist/ is what the code makes.
        SynthState state = check ? null : warm != null
                ? warm.whileWatching(catalog.apps(), watchedChanges)
                : SynthState.load(distDir, catalog.apps());
        // Construct paths come from defining the charts: a unit kept from an earlier synth would have none.
        if (state != null && (full || ConstructMetadata.requested())) {
            state = state.withoutPrevious();
        }
        Synthesis.Run run = Synthesis.run(catalog.apps(), envs, perApp, new Synthesis.Options(jobs, state));
        Synthesis.Outcome outcome = run.outcome();
        outcome.warnings().forEach(w -> System.err.println(Style.warning("warning: " + Style.oneLine(w))));
        if (!outcome.ok() || !argumentProblems.isEmpty()) {
            List<String> problems = new ArrayList<>(outcome.problems());
            problems.addAll(argumentProblems);
            return fail(problems);
        }
        DistTree tree = outcome.tree();
        // Each app's values schema beside its values files: written by synth, never over a file of someone else's.
        // --check compares the whole text with a new generation; a synth trusts the record's fingerprint in the file.
        List<ValuesSchemaFile> schemas = catalog.apps().stream().map(a -> check
                ? ValuesSchemaFile.strict(a.dir(), a.displayDir(), a.definition().valuesType())
                : ValuesSchemaFile.of(a.dir(), a.displayDir(), a.definition().valuesType())).toList();
        List<String> foreignSchemas = schemas.stream().map(ValuesSchemaFile::problem).filter(java.util.Objects::nonNull).toList();
        if (!foreignSchemas.isEmpty()) {
            return fail(foreignSchemas);
        }
        List<ValuesSchemaFile> staleSchemas = schemas.stream().filter(ValuesSchemaFile::needsWriting).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (check) {
            staleSchemas.forEach(f -> System.err.println(f.displayName() + " is not what " + f.type().getName() + " generates"));
            // What synth did not write is not synth's to compare (nor to read): kept, as a synth would keep it.
            java.util.SortedSet<String> names = DistTree.list(distDir, envs);
            OutputFolder.dropForeign(distDir, names, tree.files().keySet()).forEach(f -> warnKept(shown + "/" + f));
            SortedMap<String, String> onDisk = DistTree.readFiles(distDir, names);
            String diff = DistDiff.between(onDisk, tree.files(), "dist/");
            if (!diff.isEmpty()) {
                System.err.print(diff);
                System.err.println("dist/ is not what the code synthesizes. Regenerate it with: bin/ai-storage synth");
                return DRIFT;
            }
            if (!staleSchemas.isEmpty()) {
                System.err.println("The values schemas are not what the values records generate. Regenerate them with: bin/ai-storage synth");
                return DRIFT;
            }
            System.out.printf("dist/ is up to date: %d files for %d environment(s), checked in %.1f s%n",
                    tree.files().size(), envs.size(), seconds);
            return 0;
        }
        DistWriter.Summary s;
        try {
            ConstructMetadata.checkWritable(distDir, shown, ConstructMetadata.requested());
            s = DistWriter.write(distDir, shown, tree, envs, environments.isEmpty());
        } catch (OutputFolder.Refused e) {
            return refuse(e);
        }
        ConstructMetadata.update(distDir, shown, run.results(), ConstructMetadata.requested()).ifPresent(System.out::println);
        staleSchemas.forEach(f -> {
            f.write();
            System.out.println("wrote " + f.displayName());
        });
        warm = state.save(tree, run.results(), run.inputsByKey());
        s.leftovers().forEach(f -> System.out.println("removed " + f + " (left by an interrupted synth)"));
        s.removedFiles().forEach(f -> System.out.println("removed " + f));
        System.out.printf("synthesized %d app(s) x %d environment(s) in %.1f s: %d file(s) written, %d unchanged, %d removed%s%n",
                catalog.apps().size(), envs.size(), (System.nanoTime() - start) / 1e9, s.written(), s.unchanged(), s.removed(),
                run.reused() == 0 ? "" : " (" + run.reused() + " app-environment(s) unchanged since the last synth, not synthesized again)");
        s.kept().forEach(SynthCommand::warnKept);
        return 0;
    }

    /** The environments to synthesize: those of {@code --env} that exist (the others go to {@code problems}), else all. */
    private List<String> selectEnvironments(List<String> all, List<String> problems) {
        if (environments.isEmpty()) {
            return all;
        }
        for (String env : environments) {
            if (!all.contains(env)) {
                problems.add("--env " + env + ": no app has values-" + env + ".yaml" + DidYouMean.hint(env, all) + "; environments: " + all);
            }
        }
        return environments.stream().filter(all::contains).distinct().sorted().toList();
    }

    private static void warnKept(String path) {
        System.err.println(Style.warning("warning: kept " + path + ": synth did not write it; remove it yourself if it is not needed"));
    }

    /** The output folder is not synth's to write: one line, nothing written. */
    private static int refuse(OutputFolder.Refused e) {
        System.err.println(Style.error("error: " + e.getMessage()));
        return BAD_INPUT;
    }

    /** {@code -j}: a whole number of 1 or more, or {@code auto} (0 inside: one thread per core as the units allow). */
    static final class Jobs implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.equals("auto")) {
                return 0;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Refused below.
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not allowed; allowed: a whole number of 1 or more, "
                    + "or auto (one thread per core, when the number of apps x environments pays for another)");
        }
    }

    private static int fail(List<String> problems) {
        System.err.println(Style.error("error: " + problems.size() + " problem(s); dist/ was not changed"));
        problems.forEach(p -> System.err.println("  - " + Style.oneLine(p)));
        return BAD_INPUT;
    }
}
