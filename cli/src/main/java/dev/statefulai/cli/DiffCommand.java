package dev.statefulai.cli;

import dev.statefulai.gate.history.ComparedRef;
import dev.statefulai.gate.history.ImmutableChangeRules;
import dev.statefulai.gate.history.ObjectDiff;
import dev.statefulai.gate.history.RefManifests;
import dev.statefulai.gate.history.RefRequest;
import dev.statefulai.gate.history.RefResolver;
import dev.statefulai.gate.history.RemovalRules;
import dev.statefulai.gate.history.RenameRules;
import dev.statefulai.gate.model.DistManifests;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.model.Severity;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.output.DistWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: what the change to dist/ does to the cluster, per environment and object, from git
 * alone (like {@code helm diff}): objects added and removed, fields changed, and the changes the API
 * server would reject (or that orphan data) marked with the rule that found them and the way to roll
 * them out.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what dist/ changes in the cluster compared with a git ref: objects added, removed and",
                "changed field by field; changes the API server rejects are marked with how to roll them out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no change the API server would reject (there may be other changes)",
                "1:at least one change would be rejected or would orphan data, or a file at the ref cannot be read",
                "2:usage error"})
public final class DiffCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: the current folder).", defaultValue = ".")
    Path root;

    @Option(names = "--ref", description = {"Git ref to compare with. Default: as for check, on a branch its merge base with the",
            "default branch, on the default branch the parent commit (HEAD when dist/ has uncommitted changes outside CI)."})
    String ref;

    /** The variables that tell a pipeline's target branch (replaced in tests). */
    Map<String, String> environment = System.getenv();

    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, description = "Environment; repeatable (default: every folder of dist/).")
    List<String> environments = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return diff(out, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + Style.oneLine(e.getMessage()));
            return CheckCommand.USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int diff(PrintWriter out, PrintWriter err) {
        Path dist = root.toAbsolutePath().normalize().resolve("dist");
        List<String> existing = DistWriter.existingEnvironments(dist);
        List<String> envs = environments.isEmpty() ? existing : environments;
        for (String env : envs) {
            if (!existing.contains(env)) {
                err.println("error: --env " + env + ": no dist/" + env + "; environments in dist/: " + existing);
                return CheckCommand.USAGE;
            }
        }
        RefRequest request = ref == null ? new RefRequest.PipelineDefault(environment) : new RefRequest.Named(ref);
        RefResolver.Resolution base = RefResolver.resolve(java.nio.file.Files.isDirectory(dist) ? dist : root, request);
        if (base.compared() == null) {
            out.println("note: " + base.note());
            return 0;
        }
        ComparedRef compared = base.compared();
        String against = compared.reason().equals(RefResolver.GIVEN) ? compared.label() : compared.describe();
        RefManifests before = RefManifests.read(ManifestFolder.dist(dist), compared, envs);
        DistManifests after = DistManifests.parse(DistTree.read(dist, envs));
        boolean rejected = false;
        for (String env : envs) {
            Environment was = new Environment(env, before.manifests().of(env));
            Environment now = new Environment(env, after.of(env));
            rejected |= printEnvironment(out, env, against, was, now, before);
        }
        return rejected ? 1 : 0;
    }

    /**
     * Prints one environment's changes; true when one of them would be rejected or lose data, or when a file of it
     * could not be read at the ref: what its objects were is unknown, so "nothing rejected" cannot be said.
     */
    private static boolean printEnvironment(PrintWriter out, String env, String against, Environment was, Environment now,
                                            RefManifests atRef) {
        List<String> unreadable = atRef.unreadableIn(env);
        Map<String, List<Finding>> marks = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(new ImmutableChangeRules().check(was, now));
        findings.addAll(new RenameRules().check(was, now));
        findings.addAll(new RemovalRules().check(was, now));
        findings.forEach(f -> marks.computeIfAbsent(f.object().toString(), k -> new ArrayList<>()).add(f));

        Map<String, Manifest> old = was.byIdentity();
        List<String> lines = new ArrayList<>();
        for (String key : unreadable) {
            lines.add(Style.error("  ? at " + against + ", " + atRef.describe(key) + "; the objects it held there are unknown:"
                    + " those marked ? may have changed in ways this diff cannot show"));
        }
        for (Manifest m : now.all()) {
            Manifest previous = old.remove(m.identity());
            // An object the ref does not show may have been in a file there that could not be read, whichever file holds it now.
            if (previous == null && !unreadable.isEmpty()) {
                lines.add(Style.warning("  ? " + m.ref()));
            } else if (previous == null) {
                lines.add(Style.ok("  + " + m.ref()));
            } else if (!previous.body().equals(m.body())) {
                lines.add(Style.warning("  ~ " + m.ref()));
                ObjectDiff.between(previous.body(), m.body()).forEach(c -> lines.add("      " + c));
            }
            marks(lines, marks.getOrDefault(m.ref().toString(), List.of()));
        }
        for (Manifest m : old.values()) {
            lines.add(Style.error("  - " + m.ref()));
            marks(lines, marks.getOrDefault(m.ref().toString(), List.of()));
        }
        out.println("dist/" + env + " against " + against + (lines.isEmpty() ? ": no changes" : ":"));
        lines.forEach(out::println);
        return !unreadable.isEmpty() || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR || f.rule() == Rule.IMM006);
    }

    private static void marks(List<String> lines, List<Finding> findings) {
        for (Finding f : findings) {
            lines.add(Style.error("      ! " + f.rule().name() + " " + f.severity().label() + ": " + f.message()));
            if (f.migration() != null) {
                lines.add("        how to roll out: " + f.migration());
            }
        }
    }
}
