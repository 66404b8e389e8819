package dev.statefulai.constructs.protection;

import java.util.Locale;

/** An enum that values files spell as its constant's name in lower case ({@code velero}, {@code retained}). */
public interface LowerCaseSpelling {

    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** The constant as values files spell it. */
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
