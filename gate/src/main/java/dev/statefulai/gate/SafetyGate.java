package dev.statefulai.gate;

import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.gate.api.ApiStage;
import dev.statefulai.gate.history.DataGuardRules;
import dev.statefulai.gate.history.ImmutableChangeRules;
import dev.statefulai.gate.history.RefManifests;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        ManifestFolder given = options.folder();
        Path dist = given.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dist)) {
            throw new IllegalArgumentException(given.isDist() ? "no dist folder at " + dist : "no folder at " + dist);
        }
        ManifestFolder folder = given.isDist() ? ManifestFolder.dist(dist) : ManifestFolder.anyFolder(dist, given.environment());
        List<String> present = folder.environments();
        for (String env : options.environments()) {
            if (!present.contains(env)) {
                throw new IllegalArgumentException("--env " + env + ": no folder dist/" + env + "; environments: " + present);
            }
        }
        List<String> envs = options.environments().isEmpty() ? present
                : options.environments().stream().distinct().sorted().toList();
        // The environments are checked in parallel, one worker each up to the number of cores, while one more
        // worker has git read the commit compared with (it mostly waits on git).
        ExecutorService workers = Executors.newFixedThreadPool(1 + Math.max(1, Math.min(envs.size(), Runtime.getRuntime().availableProcessors())),
                runnable -> {
                    Thread thread = new Thread(runnable, "safety-gate");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            CompletableFuture<Baseline> baseline = CompletableFuture.supplyAsync(() -> Baseline.read(folder, options.ref(), envs), workers);
            Map<String, ClusterTarget> targets = new TreeMap<>();
            for (String envName : envs) {
                targets.put(envName, options.target() != null ? options.target() : folder.target(envName));
            }
            // each release's schema is built while this thread parses the manifests
            targets.values().stream().map(t -> t.version()).distinct()
                    .forEach(version -> workers.execute(() -> SchemaStage.prepare(version)));
            DistManifests now = DistManifests.parse(folder.read(envs), folder.isDist());
            List<CompletableFuture<EnvironmentResult>> checks = envs.stream()
                    .map(envName -> CompletableFuture.supplyAsync(() -> new EnvironmentResult(
                            new Environment(envName, now.of(envName), targets.get(envName)), options.policy()), workers))
                    .toList();
            Baseline base = join(baseline);
            List<String> notes = new ArrayList<>(base.notes());
            if (!now.skipped().isEmpty()) {
                notes.add("skipped " + now.skipped().size() + " file(s) that hold no Kubernetes object: "
                        + String.join(", ", now.skipped().stream().limit(5).toList())
                        + (now.skipped().size() > 5 ? " and " + (now.skipped().size() - 5) + " more" : ""));
            }
            notes.addAll(base.snapshotNotes());
            if (targets.values().stream().anyMatch(t -> !t.equals(ClusterTarget.DEFAULT))) {
                notes.add("targets: " + targets.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().describe())
                        .collect(Collectors.joining("; ")));
            }
            List<Finding> findings = new ArrayList<>(now.problems());
            findings.addAll(base.unreadable());
            for (CompletableFuture<EnvironmentResult> check : checks) {
                EnvironmentResult env = join(check);
                findings.addAll(env.findings());
                if (base.manifests() != null) {
                    findings.addAll(env.history(base.manifests()));
                }
                env.schemaSkippedBecause().filter(note -> !notes.contains(note)).ifPresent(notes::add);
            }
            List<Finding> result = findings.stream().map(Waivers::apply).sorted(ORDER).toList();
            return new Report(envs, base.resolution().compared(), notes, result, (System.nanoTime() - start) / 1e9, folder, targets);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * What the gate compares with: the ref resolved, dist/ at that commit parsed (null when none), and an error per
     * file there that could not be read (its objects were not compared).
     */
    private record Baseline(RefResolver.Resolution resolution, DistManifests manifests, List<String> snapshotNotes,
                            List<Finding> unreadable) {
        static Baseline read(ManifestFolder folder, RefRequest ref, List<String> envs) {
            RefResolver.Resolution resolution = RefResolver.resolve(folder.dir(), ref);
            if (resolution.compared() == null) {
                return new Baseline(resolution, null, List.of(), List.of());
            }
            RefManifests atRef = RefManifests.read(folder, resolution.compared(), envs);
            return new Baseline(resolution, atRef.manifests(), atRef.note() == null ? List.of() : List.of(atRef.note()),
                    atRef.findings());
        }

        List<String> notes() {
            return resolution.note() == null ? List.of() : List.of(resolution.note());
        }
    }

    /** One environment checked by every stage, on a worker thread; the history rules run once the baseline is read. */
    private static final class EnvironmentResult {
        private final Environment env;
        private final List<Finding> findings = new ArrayList<>();
        private final SchemaStage schema = new SchemaStage();

        EnvironmentResult(Environment env, PolicyConfig policy) {
            this.env = env;
            List<CheckStage> stages = List.of(schema, new VersionStage(), new ApiStage(), new BindingRules(), new VolumeSourceRules(),
                    new WorkloadRules(), new SecretRules(), new DriverModeRules(), new BucketVolumeRules(), new HydrateRules(),
                    new PolicyRules(policy), new PodRules(policy), new BackupRules(), new RestoreRules(), new Waivers());
            stages.forEach(stage -> findings.addAll(stage.check(env)));
        }

        List<Finding> findings() {
            return findings;
        }

        Optional<String> schemaSkippedBecause() {
            return schema.skippedBecause();
        }

        List<Finding> history(DistManifests before) {
            Environment old = new Environment(env.name(), before.of(env.name()), env.target());
            List<Finding> out = new ArrayList<>();
            out.addAll(new ImmutableChangeRules().check(old, env));
            out.addAll(new RenameRules().check(old, env));
            out.addAll(new RemovalRules().check(old, env));
            out.addAll(new DataGuardRules().check(old, env));
            return out;
        }
    }

    /** The task's result, or its own exception (a bad ref is an IllegalArgumentException, as before). */
    private static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
