package dev.statefulai.gate.schema;

import dev.statefulai.facts.kubernetes.ApiLifecycle;
import dev.statefulai.facts.kubernetes.GatedApis;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "schema" stage: strict validation against the definitions of the environment's target release
 * ({@link ManifestSchemaValidator}, owned by the schema package; this class only turns its results into
 * findings). Violations are SCHEMA001 errors, kinds without a schema SCHEMA002 warnings. What a release's
 * schema lacks because of the release itself (an API version it removed or does not serve yet, a field
 * behind a feature gate) is left to the version stage (gate.versions), which says why. If the
 * validator cannot load its definitions the stage is skipped with a note rather than failing the whole gate.
 */
public final class SchemaStage implements CheckStage {
    private String skippedBecause;

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        if (skippedBecause != null) {
            return out;
        }
        ManifestSchemaValidator validator;
        try {
            validator = ManifestSchemaValidator.forVersion(env.target().version());
        } catch (RuntimeException e) {
            skippedBecause = "schema stage not run: " + e.getMessage();
            return out;
        }
        for (Manifest m : env.all()) {
            for (SchemaFinding s : validator.validate(m.body())) {
                if (s.isSkipped() && !isKnownApi(m)) {
                    out.add(Finding.of(Rule.SCHEMA002, m, s.message()));
                } else if (s.isError() && !isGatedField(m, s)) {
                    out.add(Finding.of(Rule.SCHEMA001, m, s.path() + ": " + s.message()));
                }
            }
        }
        return out;
    }

    /** A Kubernetes API version of some release, not a custom resource: the version stage judges it. */
    private static boolean isKnownApi(Manifest m) {
        return ApiLifecycle.of(m.apiVersion(), m.kind()).isPresent()
                || ManifestSchemaValidator.firstServing(m.apiVersion(), m.kind()).isPresent();
    }

    /** An unknown field that a feature gate adds in a later release: the version stage says which. */
    private static boolean isGatedField(Manifest m, SchemaFinding s) {
        return s.message().startsWith("unknown field")
                && GatedApis.fields().stream().anyMatch(f -> f.matches(m.kind(), s.path()));
    }

    /**
     * Builds {@code version}'s schema ahead of the check (on another thread while the manifests are parsed); a
     * release the gate has no schema for is left to {@link #check}, which says so.
     */
    public static void prepare(KubernetesVersion version) {
        try {
            if (version.isSupported()) {
                ManifestSchemaValidator.forVersion(version).prepare();
            }
        } catch (RuntimeException e) {
            // the stage meets the same failure when it checks, and reports it as a note
        }
    }

    /** Why the stage did not run, for the report's notes; empty when it ran. */
    public Optional<String> skippedBecause() {
        return Optional.ofNullable(skippedBecause);
    }
}
