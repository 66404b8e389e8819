package dev.statefulai.gate;

import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.gate.api.ApiStage;
import dev.statefulai.gate.history.DataGuardRules;
import dev.statefulai.gate.history.GitDist;
import dev.statefulai.gate.history.ImmutableChangeRules;
import dev.statefulai.gate.history.RefRequest;
import dev.statefulai.gate.history.RefResolver;
import dev.statefulai.gate.history.RemovalRules;
import dev.statefulai.gate.history.RenameRules;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.DistManifests;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.model.Waivers;
import dev.statefulai.gate.protection.BackupRules;
import dev.statefulai.gate.rules.BindingRules;
import dev.statefulai.gate.drivers.BucketVolumeRules;
import dev.statefulai.gate.drivers.DriverModeRules;
import dev.statefulai.gate.drivers.HydrateRules;
import dev.statefulai.gate.rules.PolicyConfig;
import dev.statefulai.gate.rules.PodRules;
import dev.statefulai.gate.rules.PolicyRules;
import dev.statefulai.gate.protection.RestoreRules;
import dev.statefulai.gate.rules.SecretRules;
import dev.statefulai.gate.rules.VolumeSourceRules;
import dev.statefulai.gate.rules.WorkloadRules;
import dev.statefulai.gate.schema.SchemaStage;
import dev.statefulai.gate.versions.VersionStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The storage safety gate: reads dist/ (and dist/ at a git ref), runs every stage per environment,
 * applies waivers and returns the report. No I/O besides reading files and running git.
 */
public final class SafetyGate {

    /**
     * @param folder       where the manifests are: dist/, or any folder checked as one environment
     * @param ref          what the immutable-change guard compares with (see {@code RefResolver})
     * @param environments environments to check; empty means every folder of dist/
     * @param target       the cluster every environment is checked against, or null: each environment's own
     *                     (what its kustomization names, see {@link ManifestFolder#target})
     */
    public record Options(ManifestFolder folder, RefRequest ref, List<String> environments, PolicyConfig policy,
                          ClusterTarget target) {
        public Options {
            environments = List.copyOf(environments);
        }

        public Options(ManifestFolder folder, RefRequest ref, List<String> environments, PolicyConfig policy) {
            this(folder, ref, environments, policy, null);
        }

        public Options(Path distDir, RefRequest ref, List<String> environments, PolicyConfig policy) {
            this(ManifestFolder.dist(distDir), ref, environments, policy);
        }

        public static Options of(Path distDir) {
            return new Options(distDir, new RefRequest.None(), List.of(), PolicyConfig.defaults());
        }

        /** Any folder of manifests (Helm or kustomize output, a GitOps repository), checked as {@code environment}. */
        public static Options ofFolder(Path dir, String environment) {
            return new Options(ManifestFolder.anyFolder(dir, environment), new RefRequest.None(), List.of(), PolicyConfig.defaults());
        }

        /** Compare with a git ref that must exist; null skips the immutable-change guard. */
        public Options withRef(String gitRef) {
            return withRef(gitRef == null ? new RefRequest.None() : new RefRequest.Named(gitRef));
        }

        /** Compare with what a pipeline needs (merge base or parent commit), chosen with these CI variables. */
        public Options withDefaultRef(java.util.Map<String, String> ciEnvironment) {
            return withRef(new RefRequest.PipelineDefault(ciEnvironment));
        }

        public Options withRef(RefRequest request) {
            return new Options(folder, request, environments, policy, target);
        }

        public Options withEnvironments(List<String> envs) {
            return new Options(folder, ref, envs, policy, target);
        }

        public Options withPolicy(PolicyConfig config) {
            return new Options(folder, ref, environments, config, target);
        }

        /** Checks every environment against {@code cluster} instead of the target its kustomization names. */
        public Options withTarget(ClusterTarget cluster) {
            return new Options(folder, ref, environments, policy, cluster);
        }
    }

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.isWaived())
            .thenComparing(Finding::severity)
            .thenComparing(Finding::environment)
            .thenComparing(f -> f.rule().id())
            .thenComparing(f -> f.object().toString());

    private SafetyGate() {
    }

    /**
     * Runs the gate.
     *
     * @throws IllegalArgumentException for a missing dist folder, an unknown environment, a ref that does
     *                                  not exist, or a default ref this clone cannot give (shallow)
     */
    public static Report run(Options options) {
        long start = System.nanoTime();
        ManifestFolder folder = options.folder();
        Path dist = folder.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dist)) {
            throw new IllegalArgumentException(folder.isDist() ? "no dist folder at " + dist : "no folder at " + dist);
        }
        folder = folder.isDist() ? ManifestFolder.dist(dist) : ManifestFolder.anyFolder(dist, folder.environment());
        List<String> present = folder.environments();
        for (String env : options.environments()) {
            if (!present.contains(env)) {
                throw new IllegalArgumentException("--env " + env + ": no folder dist/" + env + "; environments: " + present);
            }
        }
        List<String> envs = options.environments().isEmpty() ? present
                : options.environments().stream().distinct().sorted().toList();
        RefResolver.Resolution base = RefResolver.resolve(dist, options.ref());
        DistManifests now = DistManifests.parse(folder.read(envs), folder.isDist());
        List<String> notes = new ArrayList<>();
        if (base.note() != null) {
            notes.add(base.note());
        }
        if (!now.skipped().isEmpty()) {
            notes.add("skipped " + now.skipped().size() + " file(s) that hold no Kubernetes object: "
                    + String.join(", ", now.skipped().stream().limit(5).toList())
                    + (now.skipped().size() > 5 ? " and " + (now.skipped().size() - 5) + " more" : ""));
        }
        List<Finding> findings = new ArrayList<>(now.problems());

        SchemaStage schema = new SchemaStage();
        List<CheckStage> stages = List.of(schema, new VersionStage(), new ApiStage(), new BindingRules(), new VolumeSourceRules(), new WorkloadRules(), new SecretRules(),
                new DriverModeRules(), new BucketVolumeRules(), new HydrateRules(),
                new PolicyRules(options.policy()), new PodRules(options.policy()), new BackupRules(), new RestoreRules(), new Waivers());
        DistManifests before = null;
        if (base.compared() != null) {
            GitDist.Snapshot snapshot = GitDist.read(folder, base.compared(), envs);
            if (snapshot.note() != null) {
                notes.add(snapshot.note());
            }
            before = DistManifests.parse(snapshot.files(), folder.isDist());
        }
        Map<String, ClusterTarget> targets = new TreeMap<>();
        for (String envName : envs) {
            targets.put(envName, options.target() != null ? options.target() : folder.target(envName));
        }
        if (targets.values().stream().anyMatch(t -> !t.equals(ClusterTarget.DEFAULT))) {
            notes.add("targets: " + targets.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().describe())
                    .collect(Collectors.joining("; ")));
        }
        for (String envName : envs) {
            Environment env = new Environment(envName, now.of(envName), targets.get(envName));
            stages.forEach(stage -> findings.addAll(stage.check(env)));
            if (before != null) {
                Environment old = new Environment(envName, before.of(envName), targets.get(envName));
                findings.addAll(new ImmutableChangeRules().check(old, env));
                findings.addAll(new RenameRules().check(old, env));
                findings.addAll(new RemovalRules().check(old, env));
                findings.addAll(new DataGuardRules().check(old, env));
            }
        }
        schema.skippedBecause().ifPresent(notes::add);
        List<Finding> result = findings.stream().map(Waivers::apply).sorted(ORDER).toList();
        return new Report(envs, base.compared(), notes, result, (System.nanoTime() - start) / 1e9, folder, targets);
    }
}
