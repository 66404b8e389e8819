package dev.statefulai.constructs;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/**
 * Test support: one row of a table of refused props, for a {@code @ParameterizedTest(name = "{0}")} over
 * them: what the row checks, the exact message, and the code that must throw it.
 */
public record Refusal(String name, String message, Executable build) {
    /** A row: a builder from {@code newBuilder}, with {@code props} set, refuses them with {@code message} when built. */
    public static <B> Refusal of(String name, String message, Supplier<B> newBuilder, Consumer<B> props, Consumer<B> build) {
        return new Refusal(name, message, () -> {
            B builder = newBuilder.get();
            props.accept(builder);
            build.accept(builder);
        });
    }

    /** Asserts that {@link #build} throws an {@link InvalidPropsException} with exactly {@link #message}. */
    public void assertRefused() {
        Messages.assertInvalid(message, build);
    }

    @Override
    public String toString() {
        return name;
    }
}
