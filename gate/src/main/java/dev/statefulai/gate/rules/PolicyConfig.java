package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.model.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How strict the data-safety policy (POLxxx) and the pod rules (PODxxx) are per environment. Production
 * data is the one that cannot be recreated, so by default their findings are errors in prod and warnings
 * elsewhere; the Retain and backup rules are off in dev, where throw-away volumes are the point; pinning images by
 * digest (POD005) is a recommendation: a warning in prod, off in dev and staging. A YAML file can override it:
 * <pre>
 * default: warning            # environments not listed
 * environments:
 *   prod:    {default: error}
 *   staging: {default: error, POL001: warning}
 *   dev:     {default: warning, POL001: off}
 * </pre>
 */
public record PolicyConfig(Level fallback, Map<String, Map<String, Level>> environments) {

    /** A policy rule's effect in one environment. */
    public enum Level {
        ERROR, WARNING, OFF;

        static Level parse(String text, String where) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + text + "' is not error, warning or off");
            }
        }
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(Level.WARNING, Map.of(
                "prod", Map.of("default", Level.ERROR, "POD005", Level.WARNING),
                "staging", Map.of("default", Level.WARNING, "POD005", Level.OFF),
                "dev", Map.of("default", Level.WARNING, "POL001", Level.OFF, "POL007", Level.OFF, "POD005", Level.OFF)));
    }

    public static PolicyConfig load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": must be a mapping with 'default' and 'environments'");
        }
        Level fallback = Level.parse(root.has("default") ? levelText(root.get("default")) : "warning", file + ": default");
        Map<String, Map<String, Level>> envs = new LinkedHashMap<>();
        root.path("environments").fields().forEachRemaining(env -> {
            Map<String, Level> levels = new LinkedHashMap<>();
            env.getValue().fields().forEachRemaining(e -> {
                String key = e.getKey().toUpperCase(Locale.ROOT);
                if (!key.equals("DEFAULT") && Rule.byId(key).filter(Rule::isPolicy).isEmpty()) {
                    throw new IllegalArgumentException(file + ": environments." + env.getKey() + "." + e.getKey()
                            + ": not a policy rule id; policy rules: " + List.of(Rule.values()).stream()
                            .filter(Rule::isPolicy).map(Rule::id).toList());
                }
                levels.put(key.equals("DEFAULT") ? "default" : key,
                        Level.parse(levelText(e.getValue()), file + ": environments." + env.getKey() + "." + e.getKey()));
            });
            envs.put(env.getKey(), levels);
        });
        return new PolicyConfig(fallback, envs);
    }

    /** YAML 1.1 reads an unquoted {@code off} as false. */
    private static String levelText(JsonNode value) {
        return value.isBoolean() && !value.asBoolean() ? "off" : value.asText();
    }

    /** {@code raw} findings of environment {@code env} at their levels there; those whose level is off are dropped. */
    public List<Finding> apply(String env, List<Finding> raw) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : raw) {
            switch (level(env, f.rule())) {
                case ERROR -> out.add(f.withSeverity(Severity.ERROR));
                case WARNING -> out.add(f.withSeverity(Severity.WARNING));
                case OFF -> {
                }
            }
        }
        return out;
    }

    /** The rule's own setting in the environment, else the environment default, else the global default. */
    public Level level(String env, Rule rule) {
        Map<String, Level> levels = environments.getOrDefault(env, Map.of());
        return levels.getOrDefault(rule.id(), levels.getOrDefault("default", fallback));
    }
}
