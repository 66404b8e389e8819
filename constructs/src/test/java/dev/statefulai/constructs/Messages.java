package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
