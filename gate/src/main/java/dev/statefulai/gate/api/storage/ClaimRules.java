package dev.statefulai.gate.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import java.util.List;

/** {@code ValidatePersistentVolumeClaim} (pkg/apis/core/validation/validation.go, release-1.28): metadata and spec. */
public final class ClaimRules {
    private ClaimRules() {
    }

    public static List<Problem> validate(JsonNode pvc) {
        Problems p = Problems.root("ValidatePersistentVolumeClaim");
        Meta.objectMeta(p, pvc.path("metadata"), Meta.NameRule.DNS_SUBDOMAIN);
        ClaimSpecRules.spec(p.at("spec"), pvc.path("spec"));
        return p.list();
    }
}
