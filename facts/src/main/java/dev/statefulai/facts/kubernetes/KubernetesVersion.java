package dev.statefulai.facts.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A Kubernetes minor release, {@code 1.<minor>}: what an environment's cluster runs, and what its manifests are
 * checked against. The gate ships a schema for every {@linkplain #supported() supported} minor.
 *
 * @param minor the minor version, e.g. 31 for Kubernetes 1.31
 */
public record KubernetesVersion(int minor) implements Comparable<KubernetesVersion> {
    /** The oldest minor the gate has a schema for (schemas come from the cdk8s-plus-NN packages, 28 and up). */
    public static final KubernetesVersion OLDEST = new KubernetesVersion(28);
    /** The newest minor the gate has a schema for. */
    public static final KubernetesVersion NEWEST = new KubernetesVersion(34);
    /** An environment's target when it names none: the release the constructs' L1 classes come from. */
    public static final KubernetesVersion DEFAULT = OLDEST;

    private static final Pattern TEXT = Pattern.compile("v?1\\.(\\d{1,3})(\\.\\d+)?");

    /** Kubernetes {@code 1.<minor>}. */
    public static KubernetesVersion of(int minor) {
        return new KubernetesVersion(minor);
    }

    /** {@code 1.31}, {@code v1.31} or {@code 1.31.2} (the patch release is ignored); empty for anything else. */
    public static Optional<KubernetesVersion> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        return m.matches() ? Optional.of(new KubernetesVersion(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    /** Every minor the gate has a schema for, oldest first. */
    public static List<KubernetesVersion> supported() {
        return IntStream.rangeClosed(OLDEST.minor, NEWEST.minor).mapToObj(KubernetesVersion::new).toList();
    }

    /** Whether the gate has a schema for this minor. */
    public boolean isSupported() {
        return minor >= OLDEST.minor && minor <= NEWEST.minor;
    }

    /** What a user may write: {@code 1.28 to 1.34}. */
    public static String supportedRange() {
        return OLDEST + " to " + NEWEST;
    }

    /** Whether this release is {@code other} or newer. */
    public boolean atLeast(KubernetesVersion other) {
        return minor >= other.minor;
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return "1." + minor;
    }
}
