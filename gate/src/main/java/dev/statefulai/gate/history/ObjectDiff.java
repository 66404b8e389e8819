package dev.statefulai.gate.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The fields that differ between two versions of one object, as {@code path: before -> after} lines. */
public final class ObjectDiff {
    private static final int MAX_VALUE = 80;

    private ObjectDiff() {
    }

    /** One changed field; {@code before} or {@code after} is {@code null} when the field was added or removed. */
    public record Change(String path, String before, String after) {
        @Override
        public String toString() {
            return path + ": " + (before == null ? "(none)" : before) + " -> " + (after == null ? "(none)" : after);
        }
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a != null && a.equals(b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                walk(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else {
            out.add(new Change(path, show(a), show(b)));
        }
    }

    private static String show(JsonNode value) {
        if (value == null) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
    }
}
