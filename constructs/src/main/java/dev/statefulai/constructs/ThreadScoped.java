package dev.statefulai.constructs;

import java.util.function.Supplier;

/**
 * A value that the code run on this thread inside {@link #with} sees, restored when the run ends, so nested
 * runs each see their own: the synth's settings for the constructs an app defines (the target cluster, who
 * listens to which values key feeds which prop).
 *
 * @param <T> the value's type
 */
public final class ThreadScoped<T> {
    private final ThreadLocal<T> current = new ThreadLocal<>();

    /** The value of the innermost run on this thread; null outside every run. */
    public T get() {
        return current.get();
    }

    /** Runs {@code body} with {@code value} as this thread's value, then restores the one before. */
    public <R> R with(T value, Supplier<R> body) {
        T previous = current.get();
        current.set(value);
        try {
            return body.get();
        } finally {
            current.set(previous);
        }
    }
}
