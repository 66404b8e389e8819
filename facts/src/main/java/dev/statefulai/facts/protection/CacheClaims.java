package dev.statefulai.facts.protection;

import java.util.Map;
import java.util.Optional;

/**
 * A claim that holds a cache (model weights downloaded again when lost) is left out of backups on purpose, and says
 * so where the gate reads it: on the object that makes the claim (a StatefulSet for its claim templates, a
 * PersistentVolumeClaim for itself), the annotation {@code cache.ai-storage.dev/<claim template or claim>} with why
 * the data can be had again as its value.
 */
public final class CacheClaims {
    /**
     * The gate's rule that every claim of prod that is no cache is backed up by a schedule: a claim backed up by other means
     * (AWS Backup of an EFS file system) waives it on its owner ({@code ai-storage.dev/waive-POL007: "<how>"}).
     */
    public static final String COVERAGE_RULE = "POL007";

    /** The annotation's prefix; the claim template's (or the claim's) name follows. */
    public static final String PREFIX = "cache.ai-storage.dev/";

    private CacheClaims() {
    }

    /** The annotation that marks claim template (or claim) {@code name} a cache. */
    public static String annotation(String name) {
        return PREFIX + name;
    }

    /** Why claim template (or claim) {@code name} of an object with {@code annotations} is a cache; empty when it is none. */
    public static Optional<String> reason(Map<String, String> annotations, String name) {
        return Optional.ofNullable(annotations.get(annotation(name)));
    }
}
