package dev.statefulai.facts.drivers;

/**
 * Whether a bound claim of a driver can grow in place (a StorageClass's {@code allowVolumeExpansion}).
 *
 * @param kind  what the driver does with a larger request
 * @param why   for {@link Kind#SIZE_NOT_ENFORCED}, why no expansion is needed; otherwise empty
 */
public record Expansion(Kind kind, String why) {

    /** What the driver does with a larger request. */
    public enum Kind {
        /** The driver grows the volume. */
        RESIZES,
        /** The volume has no size of its own to grow: the storage ignores a claim's size. */
        SIZE_NOT_ENFORCED,
        /** Volumes keep the size they were created with. */
        NONE
    }

    /** The driver grows volumes. */
    public static final Expansion RESIZES = new Expansion(Kind.RESIZES, "");
    /** Volumes cannot grow. */
    public static final Expansion NONE = new Expansion(Kind.NONE, "");

    /** The storage ignores a claim's size, for the reason {@code why} (a sentence's end, e.g. {@code NFS does not enforce a claim's size}). */
    public static Expansion sizeNotEnforced(String why) {
        return new Expansion(Kind.SIZE_NOT_ENFORCED, why);
    }

    /** Whether {@code allowVolumeExpansion: true} makes sense: the driver grows volumes. */
    public boolean grows() {
        return kind == Kind.RESIZES;
    }

    /** The end of a sentence that says why a class of this driver cannot allow expansion. */
    public String refusal() {
        return kind == Kind.SIZE_NOT_ENFORCED ? "which needs no expansion: " + why : "which cannot grow volumes";
    }
}
