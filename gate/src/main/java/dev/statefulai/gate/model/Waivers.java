package dev.statefulai.gate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Waivers: {@code ai-storage.dev/waive-<rule-id>: "<reason>"} on an object accepts that rule's findings
 * for that object. The reason is mandatory because a waiver is a decision someone must be able to review.
 */
public final class Waivers implements CheckStage {
    static final String PREFIX = dev.statefulai.facts.Waivers.PREFIX;

    /** WAIVE001/WAIVE002: waivers without a reason or for a rule that does not exist. */
    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest m : env.all()) {
            for (Map.Entry<String, String> a : m.annotations().entrySet()) {
                if (!a.getKey().startsWith(PREFIX)) {
                    continue;
                }
                String id = a.getKey().substring(PREFIX.length());
                if (Rule.byId(id).isEmpty()) {
                    out.add(Finding.of(Rule.WAIVE002, m, "annotation " + a.getKey() + " waives '" + id
                            + "', which is no rule id (see 'bin/ai-storage check --list-rules')"));
                } else if (a.getValue().isBlank()) {
                    out.add(Finding.of(Rule.WAIVE001, m, "annotation " + a.getKey()
                            + " has no reason: write why the rule does not apply, e.g. \"scratch data, rebuilt nightly\""));
                }
            }
        }
        return out;
    }

    /** The finding marked waived when its object carries a waiver with a reason for its rule. */
    public static Finding apply(Finding f) {
        // the API server reads no waiver: what it rejects (or drops, or serves no more) cannot be accepted by an annotation
        if (f.subject() == null || f.rule().family().equals("waiver") || f.rule().family().equals("api")
                || f.rule().family().equals("version")) {
            return f;
        }
        return reason(f.subject(), f.rule()).map(f::waived).orElse(f);
    }

    private static Optional<String> reason(Manifest m, Rule rule) {
        String wanted = (PREFIX + rule.id()).toLowerCase(Locale.ROOT);
        return m.annotations().entrySet().stream()
                .filter(a -> a.getKey().toLowerCase(Locale.ROOT).equals(wanted) && !a.getValue().isBlank())
                .map(Map.Entry::getValue).findFirst();
    }
}
