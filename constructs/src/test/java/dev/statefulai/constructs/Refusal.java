package dev.statefulai.constructs;

import org.junit.jupiter.api.function.Executable;

/**
 * Test support: one row of a table of refused props, for a {@code @ParameterizedTest(name = "{0}")} over
 * them: what the row checks, the exact message, and the code that must throw it.
 */
public record Refusal(String name, String message, Executable build) {
    /** Asserts that {@link #build} throws an {@link InvalidPropsException} with exactly {@link #message}. */
    public void assertRefused() {
        Messages.assertInvalid(message, build);
    }

    @Override
    public String toString() {
        return name;
    }
}
