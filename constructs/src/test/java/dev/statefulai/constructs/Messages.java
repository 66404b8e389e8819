package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/**
 * Test support: the rules that end many {@link InvalidPropsException} messages (their text is pinned
 * word for word in {@code ValidateTest}), and an assertion on a whole message.
 */
public final class Messages {
    public static final String DNS_LABEL = Validate.DNS_LABEL_RULE;
    public static final String DNS_SUBDOMAIN = Validate.DNS_SUBDOMAIN_RULE;
    public static final String SIZE = Validate.SIZE_RULE;

    private Messages() {
    }

    /** Asserts that {@code code} throws an {@link InvalidPropsException} with exactly {@code message}. */
    public static InvalidPropsException assertInvalid(String message, Executable code) {
        InvalidPropsException e = assertThrows(InvalidPropsException.class, code);
        assertEquals(message, e.getMessage());
        return e;
    }

    /**
     * The whole message of {@code construct}'s refusal of {@code prop}: "is '<given>'", or "is missing" when
     * {@code given} is null (the form {@code ValidateTest} pins).
     */
    public static String refusal(String construct, String prop, String given, String rule) {
        return construct + ": prop '" + prop + "' is " + (given == null ? "missing" : "'" + given + "'") + "; allowed: " + rule;
    }

    /**
     * Asserts that a construct of {@code kind} refuses the name {@code badName} by {@code rule}, reported under that name,
     * and a missing name, reported under its construct id {@code id}; {@code buildNamed} builds it with the name given.
     */
    public static void assertNameRefused(String kind, String id, String badName, String rule, Consumer<String> buildNamed) {
        assertInvalid(refusal(kind + " '" + badName + "'", "name", badName, rule), () -> buildNamed.accept(badName));
        assertInvalid(refusal(kind + " '" + id + "'", "name", null, rule), () -> buildNamed.accept(null));
    }
}
