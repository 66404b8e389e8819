package dev.statefulai.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The report as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), the file CI systems
 * upload to annotate a pull request (GitHub's upload-sarif action, GitLab's code quality report via a
 * converter). One run whose tool lists every rule; one result per finding, with its rule, level (error or
 * warning), message (and the way to roll a change out), the manifest file and the line its object starts
 * at, the object as a logical location, a fingerprint of rule, environment and object that does not move
 * with lines, and a waived finding as suppressed in source with the waiver's reason.
 */
final class Sarif {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {
    }

    static String render(Report report) {
        ObjectNode root = ReportFormat.JsonWriter.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ai-storage check");
        ArrayNode rules = driver.putArray("rules");
        for (Rule rule : Rule.values()) {
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", rule.description());
            r.putObject("defaultConfiguration").put("level", level(rule.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.rule().id());
            result.put("level", level(f.severity()));
            result.putObject("message").put("text", f.message()
                    + (f.migration() == null ? "" : " How to roll it out: " + f.migration()));
            ObjectNode location = result.putArray("locations").addObject();
            Path file = report.fileOf(f);
            if (file != null) {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", shown(file));
                physical.putObject("region").put("startLine", Math.max(1, f.subject().line()));
            }
            location.putArray("logicalLocations").addObject()
                    .put("name", f.object().name())
                    .put("fullyQualifiedName", f.environment() + "/" + f.object());
            result.putObject("partialFingerprints").put("aiStorageFinding/v1",
                    fingerprint(f.rule().id() + "\n" + f.environment() + "\n" + f.object()));
            result.putObject("properties").put("environment", f.environment());
            if (f.isWaived()) {
                result.putArray("suppressions").addObject().put("kind", "inSource").put("justification", f.waiverReason());
            }
        }
        try {
            return ReportFormat.JsonWriter.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file as the report names it: relative to the current folder (a pipeline's repository root) when under it. */
    static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    private static String fingerprint(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
