package dev.statefulai.engine.environments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.engine.values.DidYouMean;
import dev.statefulai.engine.values.LocatedYaml;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code environments/<env>.yaml}: the cluster an environment deploys to, one small file per environment
 * beside {@code apps/} (not a values key: values are per app, the cluster is the environment's).
 *
 * <pre>
 * kubernetesVersion: "1.31"                 # the cluster's release, 1.28 to 1.34 (default 1.28)
 * featureGates: [VolumeAttributesClass]     # gates the cluster turns on beyond the release's defaults
 * </pre>
 *
 * <p>The synth reads each environment's file once per run, gives the target to the constructs (which refuse
 * what it lacks) and writes it into the environment's kustomization, where {@code check} reads it. An
 * environment without a file targets {@linkplain ClusterTarget#DEFAULT Kubernetes 1.28}. The file is read
 * like a values file (YAML 1.2, one document, strict keys), and every problem names its file and line.
 */
public final class EnvironmentFile {
    /** Where the environment files live, relative to the repository root. */
    public static final String DIR = "environments";

    private static final List<String> KEYS = List.of("kubernetesVersion", "featureGates");

    private EnvironmentFile() {
    }

    /** The targets of {@code environments} and the environments whose file exists (the others take the default). */
    public record Targets(Map<String, ClusterTarget> byEnvironment, Set<String> fromFile) {
        /** The target of {@code env}: its file's, or the default. */
        public ClusterTarget of(String env) {
            return byEnvironment.getOrDefault(env, ClusterTarget.DEFAULT);
        }

        /** Where {@code env}'s target came from, as the kustomization's header says it. */
        public String source(String env) {
            return fromFile.contains(env) ? displayName(env) : "the default: no " + displayName(env);
        }

        /** Every environment at the default target. */
        public static Targets defaults() {
            return new Targets(Map.of(), Set.of());
        }
    }

    /** How messages name {@code env}'s file. */
    public static String displayName(String env) {
        return DIR + "/" + env + ".yaml";
    }

    /**
     * The targets of {@code environments} (of {@code all} the repository's environments), each file read once; a
     * file for an environment that is not one (no app has its values file) is a problem too, so that a typo does
     * not go unnoticed.
     *
     * @throws ValuesException with every problem of every file
     */
    public static Targets read(Path root, List<String> environments, List<String> all) {
        Map<String, ClusterTarget> targets = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Path dir = root.resolve(DIR);
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            // Otherwise no environments/<env>.yaml is found under it, and every environment silently takes the default.
            throw new ValuesException(List.of(DIR + ": not a folder; allowed: a folder of <env>.yaml files, each naming the"
                    + " cluster of one environment"));
        }
        for (String env : environments) {
            try {
                read(root, env).ifPresent(t -> targets.put(env, t));
            } catch (ValuesException e) {
                problems.addAll(e.problems());
            }
        }
        for (String env : filesIn(root)) {
            if (!all.contains(env)) {
                problems.add(displayName(env) + ": no app has values-" + env + ".yaml, so there is no environment '" + env + "'"
                        + DidYouMean.hint(env, all) + "; environments: " + all);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        return new Targets(Map.copyOf(targets), Set.copyOf(targets.keySet()));
    }

    /**
     * The target {@code environments/<env>.yaml} under {@code root} names; empty when there is no such file.
     *
     * @throws ValuesException with every problem of the file
     */
    public static Optional<ClusterTarget> read(Path root, String env) {
        Path file = root.resolve(DIR).resolve(env + ".yaml");
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String shown = displayName(env);
        LocatedYaml yaml = LocatedYaml.read(file, shown);
        List<String> problems = new ArrayList<>();
        KubernetesVersion version = KubernetesVersion.DEFAULT;
        Set<FeatureGate> gates = EnumSet.noneOf(FeatureGate.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = yaml.tree().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = at(yaml, shown, "/" + e.getKey());
            if (!KEYS.contains(e.getKey())) {
                problems.add(at + "unknown key '" + e.getKey() + "'" + DidYouMean.hint(e.getKey(), KEYS) + "; allowed: " + String.join(", ", KEYS));
            } else if (e.getKey().equals("kubernetesVersion")) {
                version = version(e.getValue(), at, problems);
            }
        }
        JsonNode list = yaml.tree().path("featureGates");
        if (!list.isMissingNode() && !list.isNull()) {
            gates = gates(yaml, shown, list, version, problems);
        }
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        return Optional.of(new ClusterTarget(version, gates));
    }

    private static KubernetesVersion version(JsonNode value, String at, List<String> problems) {
        String allowed = "; allowed: a release from " + KubernetesVersion.supportedRange() + ", quoted, e.g. \"1.31\"";
        if (!value.isTextual()) {
            problems.add(at + "kubernetesVersion: " + value + " is not allowed" + (value.isNumber()
                    ? " (unquoted, YAML reads it as the number " + value.decimalValue().stripTrailingZeros().toPlainString() + ")" : "") + allowed);
            return KubernetesVersion.DEFAULT;
        }
        Optional<KubernetesVersion> v = KubernetesVersion.parse(value.asText()).filter(KubernetesVersion::isSupported);
        if (v.isEmpty()) {
            problems.add(at + "kubernetesVersion: '" + value.asText() + "' is not allowed" + allowed);
            return KubernetesVersion.DEFAULT;
        }
        return v.get();
    }

    private static Set<FeatureGate> gates(LocatedYaml yaml, String shown, JsonNode list, KubernetesVersion version, List<String> problems) {
        Set<FeatureGate> gates = EnumSet.noneOf(FeatureGate.class);
        if (!list.isArray()) {
            problems.add(at(yaml, shown, "/featureGates") + "featureGates: " + list + " is not allowed; allowed: a list of feature gate names ("
                    + FeatureGate.names() + ")");
            return gates;
        }
        List<String> names = Arrays.stream(FeatureGate.values()).map(FeatureGate::gateName).toList();
        for (int i = 0; i < list.size(); i++) {
            String at = at(yaml, shown, "/featureGates/" + i) + "featureGates[" + i + "]: ";
            Optional<FeatureGate> gate = list.get(i).isTextual() ? FeatureGate.byName(list.get(i).asText()) : Optional.empty();
            if (gate.isEmpty()) {
                problems.add(at + list.get(i) + " is not allowed" + DidYouMean.hint(list.get(i).asText(), names) + "; allowed: " + FeatureGate.names());
            } else if (!gate.get().existsIn(version)) {
                problems.add(at + "'" + gate.get().gateName() + "' is not allowed with kubernetesVersion " + version + ": Kubernetes "
                        + version + " has no such gate (" + gate.get().history() + ")");
            } else {
                gates.add(gate.get());
            }
        }
        return gates;
    }

    /** {@code environments/prod.yaml:3: } for the value at {@code pointer}, or the file alone. */
    private static String at(LocatedYaml yaml, String shown, String pointer) {
        LocatedYaml.Origin origin = yaml.origins().get(pointer);
        return (origin != null ? origin.toString() : shown) + ": ";
    }

    /** The environments that have a file under {@code root/environments}, sorted. */
    static List<String> filesIn(Path root) {
        Path dir = root.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new ValuesException(List.of(DIR + ": cannot be listed: " + e.getMessage()));
        }
    }
}
