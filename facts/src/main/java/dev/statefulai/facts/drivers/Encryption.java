package dev.statefulai.facts.drivers;

import java.util.Optional;

/**
 * Whether and how a driver encrypts volumes at rest.
 *
 * @param kind        who decides
 * @param parameter   for {@link Kind#BY_PARAMETER}, the StorageClass parameter that must be {@code "true"}
 * @param keyParameter the StorageClass parameter naming a customer-managed key, if the driver has one
 * @param note        how, in a few words, for people
 */
public record Encryption(Kind kind, String parameter, String keyParameter, String note) {

    /** Who decides whether a volume is encrypted at rest. */
    public enum Kind {
        /** The platform encrypts every volume; a parameter may choose the key. */
        ALWAYS,
        /** Volumes are encrypted only when a StorageClass parameter says {@code "true"}. */
        BY_PARAMETER,
        /** The storage behind the driver decides (a file system's or server's own setting), not the StorageClass. */
        BY_THE_STORAGE
    }

    /** The platform encrypts every volume; {@code keyParameter} (or null) chooses a customer-managed key. */
    public static Encryption always(String keyParameter, String note) {
        return new Encryption(Kind.ALWAYS, null, keyParameter, note);
    }

    /** Encrypted only when {@code parameter} is {@code "true"}; {@code keyParameter} (or null) chooses the key. */
    public static Encryption byParameter(String parameter, String keyParameter, String note) {
        return new Encryption(Kind.BY_PARAMETER, parameter, keyParameter, note);
    }

    /** The storage behind the driver decides. */
    public static Encryption byTheStorage(String note) {
        return new Encryption(Kind.BY_THE_STORAGE, null, null, note);
    }

    /** The parameter that must be {@code "true"} for volumes to be encrypted; empty unless {@link Kind#BY_PARAMETER}. */
    public Optional<String> requiredParameter() {
        return Optional.ofNullable(parameter);
    }

    /** The parameter that names a customer-managed key, if any. */
    public Optional<String> customerKeyParameter() {
        return Optional.ofNullable(keyParameter);
    }
}
