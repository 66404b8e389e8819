package dev.statefulai.engine.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/** A readable unified diff between two versions of {@code dist/}. */
public final class DistDiff {
    private DistDiff() {
    }

    /** The unified diff from {@code before} to {@code after}; empty when they are identical. */
    public static String between(SortedMap<String, String> before, SortedMap<String, String> after, String prefix) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String a = before.get(path);
            String b = after.get(path);
            if (a != null && a.equals(b)) {
                continue;
            }
            List<String> aLines = a == null ? List.of() : a.lines().toList();
            List<String> bLines = b == null ? List.of() : b.lines().toList();
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                    a == null ? "/dev/null" : "a/" + prefix + path,
                    b == null ? "/dev/null" : "b/" + prefix + path,
                    new ArrayList<>(aLines), DiffUtils.diff(aLines, bLines), 3);
            diff.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}
