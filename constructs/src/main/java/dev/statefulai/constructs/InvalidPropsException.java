package dev.statefulai.constructs;

/**
 * Thrown at synth time when a construct is given props it cannot turn into valid Kubernetes objects.
 * The message names the construct, the prop, the value given and what is allowed, so that the person
 * reading it can fix the input without opening the code.
 */
public final class InvalidPropsException extends IllegalArgumentException {
    /** What a message shows instead of a value that must not be printed (a credential). */
    public static final String HIDDEN = "(value not shown)";

    private final String prop;
    private final String given;
    private final String allowed;

    public InvalidPropsException(String construct, String prop, Object given, String allowed) {
        super(construct + ": prop '" + prop + "' is " + describe(given) + "; allowed: " + allowed);
        this.prop = prop;
        this.given = given == null ? null : String.valueOf(given);
        this.allowed = allowed;
    }

    private static String describe(Object given) {
        if (given == null) {
            return "missing";
        }
        return given instanceof String ? "'" + given + "'" : String.valueOf(given);
    }

    /** The prop path, for example {@code claimTemplates[0].size}. */
    public String prop() {
        return prop;
    }

    /** The value given, as text; {@code null} when the prop was missing. */
    public String given() {
        return given;
    }

    /** Whether the message shows a placeholder instead of the value given (a credential, e.g. {@link #HIDDEN}). */
    public boolean hidesValue() {
        return given != null && given.startsWith("(") && given.endsWith("not shown)");
    }

    /** What the prop accepts. */
    public String allowed() {
        return allowed;
    }
}
