package dev.statefulai.engine;

import dev.statefulai.engine.values.DidYouMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits {@code --set app.key=value} into per-app overrides: {@code app} is the app's name in camelCase. */
public final class Overrides {
    private Overrides() {
    }

    /** The overrides of each app, by app name; those that name no app go to {@code problems}. */
    public static Map<String, Map<String, String>> byApp(List<String> sets, AppCatalog catalog, List<String> problems) {
        Map<String, String> byPrefix = new LinkedHashMap<>();
        catalog.apps().forEach(a -> byPrefix.put(camelCase(a.name()), a.name()));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            int dot = set.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                problems.add("--set " + set + ": write <app>.<key>=<value>, e.g. vectorDb.replicas=5; apps: " + byPrefix.keySet());
                continue;
            }
            String prefix = set.substring(0, dot);
            String app = byPrefix.get(prefix);
            if (app == null) {
                problems.add("--set " + set + ": no app '" + prefix + "'" + DidYouMean.hint(prefix, byPrefix.keySet())
                        + "; apps: " + byPrefix.keySet());
                continue;
            }
            out.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(set.substring(dot + 1, eq), set.substring(eq + 1));
        }
        return out;
    }

    /** {@code vector-db} to {@code vectorDb}. */
    public static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
