package dev.statefulai.facts.drivers;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A StorageClass parameter of a driver, as the driver's documentation gives it. Every value in a
 * StorageClass is a string; {@code type} says what the string must hold.
 *
 * @param key     the key under {@code parameters}
 * @param type    what the value holds
 * @param allowed for {@link Type#ONE_OF}, the values the driver accepts; otherwise empty
 * @param format  for {@link Type#FORMATTED}, the shape of the value; otherwise null
 * @param meaning what it sets, in a few words
 */
public record Parameter(String key, Type type, List<String> allowed, Format format, String meaning) {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]*");

    /** What a parameter's value holds. */
    public enum Type {
        /** Any text (an id, a path, a list in the driver's own syntax). */
        TEXT,
        /** A whole number in decimal digits. */
        WHOLE_NUMBER,
        /** {@code "true"} or {@code "false"}. */
        BOOLEAN,
        /** One of a fixed set of values. */
        ONE_OF,
        /** An identifier of a given shape (an ARN, a resource id). */
        FORMATTED
    }

    public Parameter {
        allowed = List.copyOf(allowed);
        if ((type == Type.ONE_OF) == allowed.isEmpty()) {
            throw new IllegalArgumentException(key + ": allowed values are given with ONE_OF, and only then");
        }
        if ((type == Type.FORMATTED) == (format == null)) {
            throw new IllegalArgumentException(key + ": a format is given with FORMATTED, and only then");
        }
    }

    public static Parameter text(String key, String meaning) {
        return new Parameter(key, Type.TEXT, List.of(), null, meaning);
    }

    public static Parameter wholeNumber(String key, String meaning) {
        return new Parameter(key, Type.WHOLE_NUMBER, List.of(), null, meaning);
    }

    public static Parameter bool(String key, String meaning) {
        return new Parameter(key, Type.BOOLEAN, List.of(), null, meaning);
    }

    public static Parameter oneOf(String key, String meaning, String... allowed) {
        return new Parameter(key, Type.ONE_OF, List.of(allowed), null, meaning);
    }

    public static Parameter formatted(String key, String meaning, Format format) {
        return new Parameter(key, Type.FORMATTED, List.of(), format, meaning);
    }

    /**
     * {@code csi.storage.k8s.io/fstype}: the file system the CSI external-provisioner asks the driver to
     * create, a parameter of every CSI driver (kubernetes-csi/external-provisioner, "StorageClass
     * parameters").
     */
    public static Parameter csiFsType(String... allowed) {
        String meaning = "file system of new volumes (default ext4)";
        return allowed.length == 0 ? text("csi.storage.k8s.io/fstype", meaning) : oneOf("csi.storage.k8s.io/fstype", meaning, allowed);
    }

    /** Whether {@code value} is a value of this parameter's type. */
    public boolean accepts(String value) {
        if (value == null) {
            return false;
        }
        return switch (type) {
            case TEXT -> true;
            case WHOLE_NUMBER -> WHOLE_NUMBER.matcher(value).matches();
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case ONE_OF -> allowed.contains(value);
            case FORMATTED -> format.matches(value);
        };
    }

    /** What a value must be, for messages and the README: {@code one of [a, b]} (sorted), {@code a whole number}, ... */
    public String rule() {
        return switch (type) {
            case TEXT -> "text";
            case WHOLE_NUMBER -> "a whole number";
            case BOOLEAN -> "true or false";
            case ONE_OF -> "one of " + new TreeSet<>(allowed);
            case FORMATTED -> format.rule();
        };
    }
}
