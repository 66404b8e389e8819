package dev.statefulai.app.values;

import java.util.function.Consumer;

/** Values left out of every layer keep the construct's default: only set what was given. */
public final class Set {
    private Set() {
    }

    /** Passes {@code value} to {@code setter} unless it is {@code null}. */
    public static <T> void ifGiven(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
