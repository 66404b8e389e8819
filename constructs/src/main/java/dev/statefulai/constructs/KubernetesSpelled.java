package dev.statefulai.constructs;

import java.util.Locale;

/**
 * An enum whose constants Kubernetes spells in words: the constant's name read as PascalCase
 * ({@code READ_WRITE_ONCE} is {@code ReadWriteOnce}, {@code IF_NOT_PRESENT} is {@code IfNotPresent}), the spelling
 * API objects, values files and messages use. The enum names its constants after that spelling, so the spelling
 * lives in one place; its {@code toString()} returns {@link #value()}, which an interface cannot do for it.
 */
public interface KubernetesSpelled {
    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** The Kubernetes spelling, e.g. {@code ReadWriteOnce}. */
    default String value() {
        StringBuilder spelling = new StringBuilder();
        for (String word : name().split("_")) {
            spelling.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return spelling.toString();
    }
}
