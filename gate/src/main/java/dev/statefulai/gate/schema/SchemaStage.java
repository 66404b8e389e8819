package dev.statefulai.gate.schema;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "schema" stage: strict Kubernetes 1.28 validation by {@link ManifestSchemaValidator} (owned by the
 * schema package; this class only turns its results into findings). Violations are SCHEMA001 errors,
 * kinds without a schema SCHEMA002 warnings. If the validator cannot load its definitions the stage is
 * skipped with a note rather than failing the whole gate.
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
            validator = ManifestSchemaValidator.kubernetes128();
        } catch (RuntimeException e) {
            skippedBecause = "schema stage not run: " + e.getMessage();
            return out;
        }
        for (Manifest m : env.all()) {
            for (SchemaFinding s : validator.validate(m.body())) {
                out.add(s.isSkipped()
                        ? Finding.of(Rule.SCHEMA002, m, s.message())
                        : Finding.of(Rule.SCHEMA001, m, s.path() + ": " + s.message()));
            }
        }
        return out;
    }

    /** Why the stage did not run, for the report's notes; empty when it ran. */
    public Optional<String> skippedBecause() {
        return Optional.ofNullable(skippedBecause);
    }
}
