package dev.statefulai.facts;

/**
 * How an object waives one of the gate's rules: the annotation {@code ai-storage.dev/waive-<rule-id>} with
 * the reason as its value. The gate reads it; a construct that knowingly makes an object a rule would
 * report (a root init container that only chowns a volume) writes it with its reason.
 */
public final class Waivers {
    /** The annotation's prefix; the rule id follows. */
    public static final String PREFIX = "ai-storage.dev/waive-";

    private Waivers() {
    }

    /** The annotation that waives rule {@code ruleId}. */
    public static String annotation(String ruleId) {
        return PREFIX + ruleId;
    }
}
