package dev.statefulai.synth.check;

import dev.statefulai.synth.DistTree;
import dev.statefulai.synth.DistWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
                "1:at least one change would be rejected or would orphan data", "2:usage error"})
public final class DiffCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: the current folder).", defaultValue = ".")
    Path root;

    @Option(names = "--ref", defaultValue = "HEAD", description = "Git ref to compare with (default: ${DEFAULT-VALUE}).")
    String ref;

    @Option(names = {"-e", "--env"}, description = "Environment; repeatable (default: every folder of dist/).")
    List<String> environments = new ArrayList<>();

    @Override
    public Integer call() {
        Path dist = root.toAbsolutePath().normalize().resolve("dist");
        List<String> existing = DistWriter.existingEnvironments(dist);
        List<String> envs = environments.isEmpty() ? existing : environments;
        for (String env : envs) {
            if (!existing.contains(env)) {
                System.err.println("error: --env " + env + ": no dist/" + env + "; environments in dist/: " + existing);
                return CheckCommand.USAGE;
            }
        }
        GitDist.Snapshot old = GitDist.read(dist, ref, envs);
        if (!old.available()) {
            System.err.println("error: " + old.note());
            return CheckCommand.USAGE;
        }
        DistManifests before = DistManifests.parse(old.files());
        DistManifests after = DistManifests.parse(DistTree.read(dist, envs));
        boolean rejected = false;
        for (String env : envs) {
            Environment was = new Environment(env, before.of(env));
            Environment now = new Environment(env, after.of(env));
            rejected |= printEnvironment(env, was, now);
        }
        return rejected ? 1 : 0;
    }

    /** Prints one environment's changes; true when one of them would be rejected or orphan data. */
    private boolean printEnvironment(String env, Environment was, Environment now) {
        Map<String, List<Finding>> marks = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(new ImmutableChangeRules().check(was, now));
        findings.addAll(new RenameRules().check(was, now));
        findings.forEach(f -> marks.computeIfAbsent(f.object().toString(), k -> new ArrayList<>()).add(f));

        Map<String, Manifest> old = new LinkedHashMap<>();
        was.all().forEach(m -> old.put(m.identity(), m));
        List<String> lines = new ArrayList<>();
        for (Manifest m : now.all()) {
            Manifest previous = old.remove(m.identity());
            if (previous == null) {
                lines.add(dev.statefulai.synth.Style.ok("  + " + m.ref()));
            } else if (!previous.body().equals(m.body())) {
                lines.add(dev.statefulai.synth.Style.warning("  ~ " + m.ref()));
                ObjectDiff.between(previous.body(), m.body()).forEach(c -> lines.add("      " + c));
            }
            for (Finding f : marks.getOrDefault(m.ref().toString(), List.of())) {
                lines.add(dev.statefulai.synth.Style.error("      ! " + f.rule().name() + " " + f.severity().label() + ": " + f.message()));
                if (f.migration() != null) {
                    lines.add("        how to roll out: " + f.migration());
                }
            }
        }
        old.values().forEach(m -> lines.add(dev.statefulai.synth.Style.error("  - " + m.ref())));
        System.out.println("dist/" + env + " against " + ref + (lines.isEmpty() ? ": no changes" : ":"));
        lines.forEach(System.out::println);
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR || f.rule() == Rule.IMM006);
    }
}
