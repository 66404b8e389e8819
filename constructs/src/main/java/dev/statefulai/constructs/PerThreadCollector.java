package dev.statefulai.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@link OutputsRegistry} and {@link Refusals} share ({@link ThreadScoped} lists): things reported on a thread are collected while that thread
 * runs a body, and a collection may nest (the inner one sees only what was reported meanwhile, the outer one resumes).
 *
 * @param <T> what is collected
 */
final class PerThreadCollector<T> {
    private final ThreadScoped<List<T>> current = new ThreadScoped<>();

    /** Adds {@code item} to this thread's collection and says so, or says that the thread collects nothing. */
    boolean add(T item) {
        List<T> collecting = current.get();
        if (collecting == null) {
            return false;
        }
        collecting.add(item);
        return true;
    }

    /** Runs {@code body}, given the list being collected, and returns what was added meanwhile, in order. */
    List<T> collect(Consumer<List<T>> body) {
        List<T> found = new ArrayList<>();
        return current.with(found, () -> {
            body.accept(found);
            return found;
        });
    }
}
