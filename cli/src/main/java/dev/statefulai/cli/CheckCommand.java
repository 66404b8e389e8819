package dev.statefulai.cli;

import dev.statefulai.engine.values.DidYouMean;
import dev.statefulai.facts.EnvironmentName;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import dev.statefulai.gate.Report;
import dev.statefulai.gate.ReportFormat;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.history.RefRequest;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.ManifestFolder;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.rules.PolicyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check}: the storage safety gate over the committed dist/, or over any folder of manifests. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Storage safety gate over dist/ (or, with --dir, any folder of manifests: Helm or kustomize output,",
                "a GitOps repository): proves every claim binds, guards immutable changes against a git ref and",
                "enforces the data-safety policy (rule ids: --list-rules). Each environment is checked against its cluster's",
                "Kubernetes release and feature gates (environments/<env>.yaml, written into its Kustomization by synth).",
                "Waive a rule for one object with the annotation ai-storage.dev/waive-<rule-id>: \"<reason>\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings may be printed)", "1:errors found", "2:usage error"})
public final class CheckCommand implements Callable<Integer> {
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--root", description = "Repository root (default: the current folder).", defaultValue = ".")
    Path root;

    @Option(names = "--dist", description = "The dist folder to check: a folder per environment (default: <root>/dist).")
    Path dist;

    @Option(names = "--dir", description = {"Any folder of manifests to check as one environment instead of dist/: every .yaml,",
            ".yml and .json file under it (files that hold no Kubernetes object, such as a chart's values, are skipped)."})
    Path dir;

    @Option(names = "--as", paramLabel = "ENV", description = "With --dir: the environment the folder is, for the policy"
            + " (default: the folder's name; the policy's errors apply to prod).")
    String as;

    @Option(names = "--ref", description = {"Git ref to compare dist/ with for immutable changes and removals; '' skips the comparison.",
            "Default: what a pipeline needs: on a branch (or a pull request: GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME)",
            "its merge base with the default branch (origin/HEAD, CI_DEFAULT_BRANCH, main or master); on the default",
            "branch the parent commit (HEAD when dist/ has uncommitted changes outside CI)."})
    String ref;

    /** The variables that tell a pipeline's target branch (replaced in tests). */
    Map<String, String> environment = System.getenv();

    @Option(names = {"-e", "--env"}, description = "Environment to check; repeatable (default: every folder of dist/).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--policy", description = "YAML file with the policy severity per environment (see PolicyConfig; default: errors in prod, warnings elsewhere).")
    Path policyFile;

    @Option(names = "--list-rules", description = "Print every rule with its id, default severity and description, and exit.")
    boolean listRules;

    @Option(names = "--kubernetes-version", paramLabel = "1.N", description = {"Check every environment against this Kubernetes release"
            + " (1.28 to 1.34) instead of the target its kustomization names (synth writes the one of environments/<env>.yaml;",
            "without one: 1.28)."})
    String kubernetesVersion;

    @Option(names = "--feature-gate", paramLabel = "NAME", description = "With --kubernetes-version: a feature gate the cluster"
            + " enables beyond the release's defaults (VolumeAttributesClass, ImageVolume); repeatable.")
    List<String> featureGates = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (listRules) {
            for (Rule r : Rule.values()) {
                out.printf("%-9s %-7s %s%n", r.id(), r.isPolicy() ? "policy" : r.severity().label(), r.description());
            }
            out.flush();
            return 0;
        }
        try {
            PolicyConfig policy = policyFile == null ? PolicyConfig.defaults() : PolicyConfig.load(policyFile);
            ManifestFolder folder = folder();
            refuseOtherEnvironments(policy, folder);
            SafetyGate.Options options = new SafetyGate.Options(folder, request(ref, environment), environments, policy, target());
            Report report = SafetyGate.run(options);
            out.print(format.render(report, Style.REPORT_MARKS));
            out.flush();
            return report.exitCode();
        } catch (IllegalArgumentException e) {
            err.println("error: " + Style.oneLine(e.getMessage()));
            err.flush();
            return USAGE;
        }
    }

    /**
     * A policy for an environment dist/ does not have but that is close to one it has is a typo: {@code prd} left prod
     * to the default level, warnings, and check passed what prod's policy makes errors. A name far from all of them may
     * be one of a policy shared by repositories, and is not refused. Not for --dir, one environment of many a policy
     * may name; nor for the defaults, which name environments a repository may not have.
     */
    private void refuseOtherEnvironments(PolicyConfig policy, ManifestFolder folder) {
        if (policyFile == null || !folder.isDist() || !Files.isDirectory(folder.dir())) {
            return;
        }
        List<String> present = folder.environments();
        for (String env : policy.environments().keySet()) {
            // One that is close to an environment dist/ has is a typo; another may be one of a shared policy's.
            if (!present.contains(env) && DidYouMean.suggest(env, present).isPresent()) {
                throw new IllegalArgumentException(policyFile + ": environments: " + env + ": dist/ has no environment '" + env + "'"
                        + DidYouMean.hint(env, present) + "; allowed: the environments checked: "
                        + String.join(", ", present));
            }
        }
    }

    /** dist/ (--dist, or the repository's), or the folder of --dir as one environment. */
    private ManifestFolder folder() {
        if (dir == null) {
            if (as != null) {
                throw new IllegalArgumentException("--as names the environment of a --dir folder; without --dir the environments"
                        + " are dist/'s folders (choose them with --env)");
            }
            return ManifestFolder.dist(dist != null ? dist : root.resolve("dist"));
        }
        if (dist != null || !environments.isEmpty()) {
            throw new IllegalArgumentException("--dir checks one folder as one environment: it does not go with "
                    + (dist != null ? "--dist" : "--env") + " (name the environment with --as)");
        }
        Path folder = dir.toAbsolutePath().normalize();
        String name = as != null ? as : folder.getFileName() == null ? "cluster" : folder.getFileName().toString();
        if (!EnvironmentName.isValid(name)) {
            throw new IllegalArgumentException("--as " + name + ": not an environment name; allowed: " + EnvironmentName.RULE
                    + (as == null ? " (the folder's name is not; pass --as)" : ""));
        }
        return ManifestFolder.anyFolder(folder, name);
    }

    /** The cluster of --kubernetes-version and --feature-gate, or null: each environment's own target. */
    private ClusterTarget target() {
        if (kubernetesVersion == null) {
            if (!featureGates.isEmpty()) {
                throw new IllegalArgumentException("--feature-gate goes with --kubernetes-version (an environment's gates are in its"
                        + " environments/<env>.yaml)");
            }
            return null;
        }
        KubernetesVersion version = KubernetesVersion.parse(kubernetesVersion).filter(KubernetesVersion::isSupported)
                .orElseThrow(() -> new IllegalArgumentException("--kubernetes-version " + kubernetesVersion + " is not allowed; allowed: "
                        + KubernetesVersion.supportedRange() + ", e.g. 1.31"));
        Set<FeatureGate> gates = EnumSet.noneOf(FeatureGate.class);
        for (String name : featureGates) {
            FeatureGate gate = FeatureGate.byName(name).orElseThrow(() -> new IllegalArgumentException("--feature-gate " + name
                    + " is not allowed; allowed: " + FeatureGate.names()));
            if (!gate.existsIn(version)) {
                throw new IllegalArgumentException("--feature-gate " + name + " is not allowed with --kubernetes-version " + version
                        + ": Kubernetes " + version + " has no such gate (" + gate.history() + ")");
            }
            gates.add(gate);
        }
        return new ClusterTarget(version, gates);
    }

    /** --ref as given: absent means the pipeline default, '' means no comparison. */
    static RefRequest request(String ref, Map<String, String> environment) {
        if (ref == null) {
            return new RefRequest.PipelineDefault(environment);
        }
        return ref.isBlank() ? new RefRequest.None() : new RefRequest.Named(ref);
    }
}
