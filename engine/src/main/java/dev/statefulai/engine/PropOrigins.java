package dev.statefulai.engine;

import dev.statefulai.app.values.PropSources;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.engine.values.LocatedYaml;
import dev.statefulai.facts.RecordComponents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values keys a refused prop came from, as the code that turned values into props told them
 * ({@link PropSources}): it names a values record, and this knows where in the values each record of one
 * app and environment was bound. A prop no code spoke of comes from the values key of exactly its path
 * ({@code image}, {@code resources.memoryLimit}), if the values set one; otherwise from no key at all.
 */
public final class PropOrigins implements PropSources.Listener {
    private record Feed(String construct, String prop, Object values, String base, String key) {
        /**
         * What tells two feeds apart: {@code base} is where {@code values} sits, and one place holds one record, so
         * equal bases mean the same values; comparing the records themselves (deeply) made a unit's feeds cost the
         * square of their number in record comparisons.
         */
        List<String> identity() {
            return Arrays.asList(construct, prop, base, key);
        }
    }

    /** Where each record of the bound values sits, by identity: two equal records may sit in two places. */
    private final Map<Object, String> pointers = new IdentityHashMap<>();
    private final Map<String, LocatedYaml.Origin> origins;
    private final List<Feed> feeds = new ArrayList<>();
    private final Set<List<String>> fed = new HashSet<>();

    /** For {@code values} bound from a tree whose keys came from {@code origins}. */
    public PropOrigins(Object values, Map<String, LocatedYaml.Origin> origins) {
        this.origins = origins;
        if (values != null) {
            index(values, "");
        }
    }

    @Override
    public void feeds(String construct, String prop, Object values, String key) {
        String base = pointers.get(values);
        if (base != null) {
            Feed feed = new Feed(construct, prop, values, base, key);
            if (fed.add(feed.identity())) {
                feeds.add(feed);
            }
        }
    }

    /**
     * The values pointers {@code refusal}'s prop came from, best first; they may be keys no layer set (the
     * refusal then is of a default). Empty when the values did not feed it.
     */
    public List<String> of(InvalidPropsException refusal) {
        String prop = refusal.prop();
        String construct = constructOf(refusal);
        List<Candidate> candidates = new ArrayList<>();
        for (Feed f : feeds) {
            if (f.construct() != null && !f.construct().equals(construct) || !covers(f.prop(), prop)) {
                continue;
            }
            candidates.add(candidate(f, f.prop().isEmpty() ? prop : prop.substring(f.prop().length()), refusal.given()));
        }
        if (candidates.isEmpty()) {
            String exact = pointerOf(prop);
            return origins.containsKey(exact) ? List.of(exact) : List.of();
        }
        Comparator<Candidate> best = Comparator.comparingInt(Candidate::specificity).thenComparingInt(Candidate::score).reversed();
        candidates.sort(best);
        Candidate top = candidates.get(0);
        return candidates.stream().filter(c -> best.compare(c, top) == 0).map(Candidate::pointer).distinct().toList();
    }

    /**
     * A pointer a feed points at: more specific for a longer prop or a named construct; better scored when the values
     * set it, and best when it holds the value refused (two volumes feed the same prop of their own constructs).
     */
    private record Candidate(String pointer, int specificity, int score) {
    }

    private Candidate candidate(Feed f, String remainder, String given) {
        int specificity = 2 * f.prop().length() + (f.construct() != null ? 1 : 0);
        String under = remainder.startsWith(".") ? remainder.substring(1) : remainder;
        String key = f.key() != null ? f.key() : under.split("[.\\[]", 2)[0];
        String pointer = f.base() + "/" + LocatedYaml.escape(key);
        if (!key.isEmpty() && origins.containsKey(pointer)) {
            Object value = component(f.values(), key);
            return new Candidate(pointer, specificity, given != null && value != null && given.equals(String.valueOf(value)) ? 3 : 2);
        }
        if (f.key() != null) {
            return new Candidate(pointer, specificity, 0);
        }
        return new Candidate(f.base(), specificity, origins.containsKey(f.base()) ? 1 : 0);
    }

    private static Object component(Object record, String name) {
        for (RecordComponents.Component component : RecordComponents.of(record.getClass())) {
            if (component.name().equals(name)) {
                return read(component, (Record) record);
            }
        }
        return null;
    }

    /** The values pointer of a prop path: {@code a.b[1]} is {@code /a/b/1}, {@code env['HF_TOKEN']} is {@code /env/HF_TOKEN}. */
    static String pointerOf(String prop) {
        StringBuilder pointer = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\['([^']*)']|\\[(\\d+)]|\\.?([^.\\[]+)").matcher(prop);
        while (m.find()) {
            String segment = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            pointer.append('/').append(LocatedYaml.escape(segment));
        }
        return pointer.toString();
    }

    /** Whether a feed of {@code fed} covers {@code prop}: the same, a prop under it, or any prop for an empty one. */
    private static boolean covers(String fed, String prop) {
        return fed.isEmpty() || prop.equals(fed) || prop.startsWith(fed + ".") || prop.startsWith(fed + "[");
    }

    /** The construct a refusal names before its prop, e.g. {@code ClaimTemplate 'data'}. */
    private static String constructOf(InvalidPropsException refusal) {
        String message = Objects.requireNonNullElse(refusal.getMessage(), "");
        int at = message.indexOf(": prop '" + refusal.prop() + "'");
        return at < 0 ? null : message.substring(0, at);
    }

    private void index(Object value, String pointer) {
        if (value instanceof Record record) {
            pointers.putIfAbsent(record, pointer);
            for (RecordComponents.Component component : RecordComponents.of(record.getClass())) {
                index(read(component, record), pointer + "/" + LocatedYaml.escape(component.name()));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                index(list.get(i), pointer + "/" + i);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> index(v, pointer + "/" + LocatedYaml.escape(String.valueOf(k))));
        }
    }

    private static Object read(RecordComponents.Component component, Record record) {
        try {
            return component.read(record);
        } catch (RuntimeException e) {
            return null; // a component that cannot be read feeds nothing the messages could name
        }
    }
}
