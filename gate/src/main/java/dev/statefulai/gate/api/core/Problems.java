package dev.statefulai.gate.api.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects {@link Problem}s at a field path, like the {@code field.ErrorList} and {@code *field.Path} the
 * Kubernetes validation functions pass down. A view made by {@link #at} or {@link #by} shares the list
 * and adds to the path or names the function whose rule it applies.
 */
public final class Problems {
    private final List<Problem> sink;
    /** The path is built only when a problem is reported: most fields are valid, and a fleet has many. */
    private final Problems parent;
    private final String segment;
    private final int index;
    private final String function;

    private Problems(List<Problem> sink, Problems parent, String segment, int index, String function) {
        this.sink = sink;
        this.parent = parent;
        this.segment = segment;
        this.index = index;
        this.function = function;
    }

    /** An empty list at the object's root, for the rules of {@code function}. */
    public static Problems root(String function) {
        return new Problems(new ArrayList<>(), null, "", -1, function);
    }

    /** The same list at {@code child} below this path ({@code "spec"}, {@code "ports[0]"}, {@code "[2]"}). */
    public Problems at(String child) {
        return new Problems(sink, this, child, -1, function);
    }

    /** {@code child[index]}. */
    public Problems at(String child, int index) {
        return new Problems(sink, this, child, index, function);
    }

    /** The same list and path, for the rules of another function. */
    public Problems by(String otherFunction) {
        return new Problems(sink, parent, segment, index, otherFunction);
    }

    /** The path of {@code child} below this one. */
    public String path(String child) {
        return join(path(), child);
    }

    private String path() {
        String own = index < 0 ? segment : segment + "[" + index + "]";
        return parent == null ? own : join(parent.path(), own);
    }

    private static String join(String base, String child) {
        if (child.isEmpty()) {
            return base;
        }
        if (base.isEmpty()) {
            return child;
        }
        return child.startsWith("[") ? base + child : base + "." + child;
    }

    public int size() {
        return sink.size();
    }

    public List<Problem> list() {
        return List.copyOf(sink);
    }

    private void add(String child, String detail) {
        sink.add(new Problem(path(child), detail, function));
    }

    /** {@code field.Invalid}: a value that is not allowed, and why. */
    public void invalid(String child, Object value, String detail) {
        add(child, "Invalid value: " + show(value) + ": " + detail);
    }

    /** {@code field.Required}. */
    public void required(String child, String detail) {
        add(child, "Required value" + (detail.isEmpty() ? "" : ": " + detail));
    }

    /** {@code field.NotSupported}: a value outside an enumeration. */
    public void notSupported(String child, Object value, Collection<String> allowed) {
        add(child, "Unsupported value: " + show(value) + ": supported values: "
                + allowed.stream().sorted().map(Problems::show).collect(Collectors.joining(", ")));
    }

    /** {@code field.Forbidden}. */
    public void forbidden(String child, String detail) {
        add(child, "Forbidden: " + detail);
    }

    /** {@code field.Duplicate}. */
    public void duplicate(String child, Object value) {
        add(child, "Duplicate value: " + show(value));
    }

    /** {@code field.NotFound}. */
    public void notFound(String child, Object value, String detail) {
        add(child, "Not found: " + show(value) + (detail.isEmpty() ? "" : ": " + detail));
    }

    /** {@code field.TooLong} / {@code field.TooMany}. */
    public void tooLong(String child, String detail) {
        add(child, "Too long: " + detail);
    }

    /** Each message of a name or format check ({@code IsDNS1123Label} and the like) as an invalid value. */
    public void invalidEach(String child, Object value, List<String> messages) {
        messages.forEach(m -> invalid(child, value, m));
    }

    /** A value as the API server quotes it: strings in double quotes, numbers and the rest as they are. */
    public static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        return String.valueOf(value);
    }
}
