package dev.statefulai.engine.values;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Suggests the nearest known key for a misspelt one, and shows the characters that make a key only look right. */
public final class DidYouMean {
    /** Unusual characters listed at most, so that a line stays a line. */
    private static final int MAX_LISTED = 4;

    private DidYouMean() {
    }

    /**
     * What to add after a name that is not known: {@code " (did you mean 'replicas'?)"}, led by the
     * characters of {@code given} that are not printable ASCII, since a look-alike (a Cyrillic letter, a
     * zero-width space) reads exactly like the name it is not; empty when there is nothing to say.
     */
    public static String hint(String given, Collection<String> candidates) {
        List<String> parts = new ArrayList<>();
        unusualCharacters(given).ifPresent(parts::add);
        suggest(given, candidates).ifPresent(s -> parts.add("did you mean '" + s + "'?"));
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /**
     * The characters of {@code text} outside printable ASCII, by position, code point and Unicode name:
     * {@code character 2 is U+0435 CYRILLIC SMALL LETTER IE}; empty when there are none.
     */
    public static Optional<String> unusualCharacters(String text) {
        List<String> found = new ArrayList<>();
        int position = 0;
        int more = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            position++;
            if (c > ' ' && c < 0x7F) {
                continue;
            }
            if (found.size() == MAX_LISTED) {
                more++;
                continue;
            }
            String name = Character.getName(c);
            found.add(String.format("character %d is U+%04X%s", position, c, name == null ? "" : " " + name));
        }
        if (more > 0) {
            found.add("and " + more + " more");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    /** The candidate closest to {@code given}, if it is close enough to be a likely typo. */
    public static Optional<String> suggest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(given.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
