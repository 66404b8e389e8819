package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How strict the data-safety policy (POLxxx) and the pod rules (PODxxx) are per environment. Production
 * data is the one that cannot be recreated, so by default their findings are errors in prod and warnings
 * elsewhere; the Retain and backup rules are off in dev, where throw-away volumes are the point; pinning images by
 * digest (POD005) is a recommendation: a warning in prod, off in dev and staging. A YAML file can override it
 * ({@code check --policy}, read strictly by {@link PolicyFile}):
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
        ERROR, WARNING, OFF
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(Level.WARNING, Map.of(
                "prod", Map.of("default", Level.ERROR, "POD005", Level.WARNING),
                "staging", Map.of("default", Level.WARNING, "POD005", Level.OFF),
                "dev", Map.of("default", Level.WARNING, "POL001", Level.OFF, "POL007", Level.OFF, "POD005", Level.OFF)));
    }

    /**
     * The policy of a YAML file, read strictly (see {@link PolicyFile}).
     *
     * @throws IllegalArgumentException one line naming the file, line and key, and what is allowed there
     */
    public static PolicyConfig load(Path file) {
        return PolicyFile.read(file);
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
