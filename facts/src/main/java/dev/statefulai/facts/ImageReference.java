package dev.statefulai.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference split the way container runtimes read it, {@code [registry/]repository[:tag][@digest]}
 * (the grammar in reference.go of github.com/distribution/reference): the registry is the first path
 * component when it holds a dot or a colon, is {@code localhost} or has an upper-case letter, else Docker
 * Hub, whose official images live under {@code library/} ({@code splitDockerDomain} in its normalize.go).
 * Whether an image is pinned by digest is what the constructs' digest option and the gate's digest rule ask.
 *
 * @param registry   the registry host, {@code docker.io} when none is named
 * @param repository the repository path, e.g. {@code vllm/vllm-openai} or {@code library/busybox}
 * @param tag        the tag, or {@code null}
 * @param digest     the digest such as {@code sha256:...}, or {@code null}
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-.+].*)?");
    private static final String DOCKER_HUB = "docker.io";

    /** The parts of {@code image}. */
    public static ImageReference parse(String image) {
        String rest = image == null ? "" : image.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** Whether {@code image} names its content by a SHA-256 digest ({@code @sha256:} and 64 hex digits). */
    public static boolean pinnedByDigest(String image) {
        String digest = parse(image).digest();
        return digest != null && DIGEST.matcher(digest).matches();
    }

    /** {@code registry/repository}, e.g. {@code docker.io/vllm/vllm-openai}: what a preset recognizes an image by. */
    public String name() {
        return registry + "/" + repository;
    }

    /**
     * The release numbers of the tag ({@code v0.6.3} and {@code 0.6.3-cuda} are [0, 6, 3], {@code 3.1} is
     * [3, 1, 0]), or empty when the tag is no version ({@code latest}, none).
     */
    public Optional<List<Integer>> version() {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            parts.add(m.group(i) == null ? 0 : Integer.parseInt(m.group(i)));
        }
        return Optional.of(List.copyOf(parts));
    }

    /** Compares release numbers: negative when {@code a} is older than {@code b}. */
    public static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
