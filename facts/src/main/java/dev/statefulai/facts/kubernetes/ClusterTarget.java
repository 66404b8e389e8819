package dev.statefulai.facts.kubernetes;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cluster an environment deploys to, as far as its manifests care: its Kubernetes release and the
 * feature gates it turns on beyond that release's defaults. The synth reads it once per environment and
 * writes it into the environment's kustomization ({@link #headerLine}), where the gate reads it back
 * ({@link #fromHeader}) without the apps.
 *
 * @param version      the cluster's Kubernetes minor
 * @param featureGates gates the cluster enables that are off by default in {@code version} (only gates that
 *                     exist in {@code version} count)
 */
public record ClusterTarget(KubernetesVersion version, Set<FeatureGate> featureGates) {
    /** The target of an environment that names none. */
    public static final ClusterTarget DEFAULT = new ClusterTarget(KubernetesVersion.DEFAULT, Set.of());

    /** How the line that carries a target begins in a kustomization's header comment. */
    public static final String HEADER_PREFIX = "# Target: ";

    private static final Pattern DESCRIBED = Pattern.compile(
            "Kubernetes (\\S+?)(?: with feature gates ([A-Za-z0-9]+(?:, [A-Za-z0-9]+)*))?(?: \\(.*)?\\.?");

    public ClusterTarget {
        EnumSet<FeatureGate> gates = EnumSet.noneOf(FeatureGate.class);
        gates.addAll(featureGates);
        featureGates = Collections.unmodifiableSet(gates);
    }

    /** Kubernetes {@code version} with its default gates. */
    public static ClusterTarget of(KubernetesVersion version) {
        return new ClusterTarget(version, Set.of());
    }

    /** Whether the cluster has {@code gate}'s feature: it exists in the release and is on by default or enabled. */
    public boolean has(FeatureGate gate) {
        return gate.existsIn(version) && (gate.onByDefaultIn(version) || featureGates.contains(gate));
    }

    /**
     * Why the cluster lacks {@code gate}'s feature, as the end of a sentence: "Kubernetes 1.30 has no
     * VolumeAttributesClass (alpha from 1.29 ..., beta from 1.31 ...)" or "... is off by default ...";
     * empty when it has it.
     */
    public Optional<String> lacks(FeatureGate gate) {
        if (has(gate)) {
            return Optional.empty();
        }
        String history = " (" + gate.history() + ")";
        if (!gate.existsIn(version)) {
            return Optional.of("Kubernetes " + version + " has no " + gate.gateName() + history);
        }
        return Optional.of(gate.gateName() + " is off by default in Kubernetes " + version + history
                + ": list it under featureGates in the environment's file once the cluster enables it");
    }

    /** {@code Kubernetes 1.31}, then {@code with feature gates A, B} when it enables any. */
    public String describe() {
        String gates = featureGates.stream().map(FeatureGate::gateName).sorted().collect(Collectors.joining(", "));
        return "Kubernetes " + version + (gates.isEmpty() ? "" : " with feature gates " + gates);
    }

    /** The header line that carries this target: {@code # Target: Kubernetes 1.31 ... (<source>).} */
    public String headerLine(String source) {
        return HEADER_PREFIX + describe() + " (" + source + ").";
    }

    /**
     * The target a header line names, when {@code line} is one ({@link #headerLine}) and names a minor the gate
     * has a schema for; gates this project does not know are left out.
     */
    public static Optional<ClusterTarget> fromHeader(String line) {
        if (line == null || !line.startsWith(HEADER_PREFIX)) {
            return Optional.empty();
        }
        Matcher m = DESCRIBED.matcher(line.substring(HEADER_PREFIX.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<KubernetesVersion> version = KubernetesVersion.parse(m.group(1)).filter(KubernetesVersion::isSupported);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Set<FeatureGate> gates = m.group(2) == null ? Set.of() : Arrays.stream(m.group(2).split(", "))
                .map(FeatureGate::byName).flatMap(Optional::stream).collect(Collectors.toSet());
        return Optional.of(new ClusterTarget(version.get(), gates));
    }

    @Override
    public String toString() {
        return describe();
    }
}
