package dev.statefulai.gate;

import dev.statefulai.gate.history.ComparedRef;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Renders a {@link Report} for people (text), for tools (json), or for code-scanning services that annotate
 * pull requests (sarif: SARIF 2.1.0, OASIS; the subset GitHub code scanning reads: rules, results with a
 * ruleId, level, message, a file and start line, and partialFingerprints so an alert keeps its identity).
 */
public enum ReportFormat {
    text, json, sarif;

    /**
     * The indented JSON writer of the json and sarif reports, made on first use: a text report (the command line's
     * default) needs none, and one costs start-up time.
     */
    static final class JsonWriter {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** How the text report marks a finding's line: colors on a terminal (the command line's), else nothing. */
    public interface Marks {
        Marks PLAIN = new Marks() {
            @Override
            public String error(String line) {
                return line;
            }

            @Override
            public String warning(String line) {
                return line;
            }
        };

        String error(String line);

        String warning(String line);
    }

    /** The report without marks. */
    public String render(Report report) {
        return render(report, Marks.PLAIN);
    }

    /** The report, the text's finding lines marked by {@code marks}. */
    public String render(Report report, Marks marks) {
        return switch (this) {
            case json -> json(report);
            case sarif -> Sarif.render(report);
            case text -> text(report, marks);
        };
    }

    private static String text(Report r, Marks marks) {
        StringBuilder out = new StringBuilder();
        for (Finding f : r.findings()) {
            String label = f.isWaived() ? "waived" : f.severity().label();
            String line = String.format(Locale.ROOT, "%-7s %-9s %-8s %s", label, f.rule().id(), f.environment(), f.object());
            out.append(f.isWaived() ? line : f.severity() == Severity.ERROR
                    ? marks.error(line) : marks.warning(line)).append('\n');
            out.append("        ").append(f.message()).append('\n');
            if (f.migration() != null) {
                out.append("        migration: ").append(f.migration()).append('\n');
            }
            if (f.isWaived()) {
                out.append("        waived: ").append(f.waiverReason()).append('\n');
            }
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append(String.format(Locale.ROOT, "check: %d error(s), %d warning(s), %d waived in %d environment(s) %s%s, %.2f s%n",
                r.errors(), r.warnings(), r.waived(), r.environments().size(), r.environments(),
                r.compared() == null ? "" : " against " + r.compared().describe(), r.seconds()));
        return out.toString();
    }

    private static String json(Report r) {
        ObjectNode root = JsonWriter.JSON.createObjectNode();
        root.set("environments", JsonWriter.JSON.valueToTree(r.environments()));
        ObjectNode targets = root.putObject("targets");
        r.targets().forEach((env, t) -> {
            ObjectNode target = targets.putObject(env);
            target.put("kubernetesVersion", t.version().toString());
            ArrayNode gates = target.putArray("featureGates");
            t.featureGates().stream().map(g -> g.gateName()).sorted().forEach(gates::add);
        });
        ComparedRef ref = r.compared();
        root.put("ref", ref == null ? null : ref.label());
        root.put("refCommit", ref == null ? null : ref.commit());
        root.put("refReason", ref == null ? null : ref.reason());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.rule().id());
            n.put("severity", f.severity().label());
            n.put("environment", f.environment());
            ObjectNode object = n.putObject("object");
            object.put("kind", f.object().kind());
            object.put("namespace", f.object().namespace());
            object.put("name", f.object().name());
            n.put("message", f.message());
            n.put("migration", f.migration());
            java.nio.file.Path file = r.fileOf(f);
            n.put("file", file == null ? null : Sarif.shown(file));
            n.put("line", f.subject() == null || f.subject().line() == 0 ? null : f.subject().line());
            n.put("waived", f.isWaived());
            n.put("waiverReason", f.waiverReason());
            // the object in the file, as written (the finding's object may be one it makes, e.g. a replica's claim)
            if (f.subject() != null && !f.subject().kind().isEmpty()) {
                ObjectNode resource = n.putObject("resource");
                resource.put("apiVersion", f.subject().apiVersion());
                resource.put("kind", f.subject().kind());
                resource.put("namespace", f.subject().body().path("metadata").path("namespace").asText(""));
                resource.put("name", f.subject().name());
            } else {
                n.putNull("resource");
            }
        }
        ObjectNode rules = root.putObject("rules");
        r.findings().stream().map(Finding::rule).distinct().sorted().forEach(rule -> rules.putObject(rule.id())
                .put("severity", rule.severity().label()).put("description", rule.description()));
        root.set("notes", JsonWriter.JSON.valueToTree(r.notes()));
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", r.errors());
        summary.put("warnings", r.warnings());
        summary.put("waived", r.waived());
        summary.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        try {
            return JsonWriter.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
