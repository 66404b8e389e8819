package dev.statefulai.gate.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.NodeSelectors;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code ValidatePersistentVolume} and {@code ValidatePersistentVolumeSpec} (pkg/apis/core/validation/validation.go,
 * release-1.28) for a PersistentVolume created from a manifest: access modes, a positive
 * {@code capacity.storage} and nothing else, reclaim policy, node affinity with required terms, exactly
 * one volume source with its own rules (a local volume needs node affinity), class name, volume mode.
 * Absent reclaim policy and volume mode are defaulted ({@code SetDefaults_PersistentVolume}) and pass.
 */
public final class PersistentVolumeRules {
    static final List<String> RECLAIM_POLICIES = List.of("Delete", "Recycle", "Retain");

    private PersistentVolumeRules() {
    }

    public static List<Problem> validate(JsonNode pv) {
        Problems p = Problems.root("ValidatePersistentVolume");
        Meta.objectMeta(p, pv.path("metadata"), Meta.NameRule.DNS_SUBDOMAIN);
        spec(p.at("spec").by("ValidatePersistentVolumeSpec"), pv.path("spec"));
        return p.list();
    }

    private static void spec(Problems p, JsonNode spec) {
        List<String> modes = Values.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            p.required("accessModes", "");
        }
        ClaimSpecRules.accessModes(p, modes);
        capacity(p, spec.path("capacity"));
        String reclaim = Values.text(spec, "persistentVolumeReclaimPolicy");
        if (reclaim != null && !reclaim.isEmpty() && !RECLAIM_POLICIES.contains(reclaim)) {
            p.notSupported("persistentVolumeReclaimPolicy", reclaim, RECLAIM_POLICIES);
        }
        JsonNode affinity = spec.get("nodeAffinity");
        boolean hasAffinity = affinity != null && !affinity.isNull();
        if (hasAffinity) {
            JsonNode required = Values.object(affinity, "required");
            Problems a = p.at("nodeAffinity").by("validateVolumeNodeAffinity");
            if (required == null) {
                a.required("required", "must specify required node constraints");
            } else {
                NodeSelectors.nodeSelector(a.at("required"), required);
            }
        }
        String source = VolumeSources.exactlyOne(p, spec, VolumeSources.PERSISTENT, true);
        if (source == null) {
            p.required("", "must specify a volume type (csi, local, nfs, hostPath, ...)");
        } else if (source.equals("local") && !hasAffinity) {
            p.required("nodeAffinity", "Local volume requires node affinity");
        }
        if ("hostPath".equals(source) && "Recycle".equals(reclaim)
                && java.nio.file.Path.of("/").equals(java.nio.file.Path.of(Values.string(spec.path("hostPath"), "path")).normalize())) {
            p.forbidden("persistentVolumeReclaimPolicy", "may not be 'recycle' for a hostPath mount of '/'");
        }
        String className = Values.text(spec, "storageClassName");
        if (className != null && !className.isEmpty()) {
            p.invalidEach("storageClassName", className, Names.dns1123Subdomain(className));
        }
        String volumeMode = Values.text(spec, "volumeMode");
        if (volumeMode != null && !ClaimSpecRules.VOLUME_MODES.contains(volumeMode)) {
            p.notSupported("volumeMode", volumeMode, ClaimSpecRules.VOLUME_MODES);
        }
    }

    private static void capacity(Problems p, JsonNode capacity) {
        if (!capacity.isObject() || capacity.isEmpty()) {
            p.required("capacity", "");
        }
        if (!capacity.has("storage") || capacity.size() > 1) {
            List<String> keys = new java.util.ArrayList<>();
            capacity.fieldNames().forEachRemaining(keys::add);
            p.notSupported("capacity", String.join(", ", keys), List.of("storage"));
        }
        if (capacity.isObject()) {
            capacity.fieldNames().forEachRemaining(key -> {
                BigDecimal value = Values.quantity(p.at("capacity"), capacity, key);
                if (value != null && value.signum() <= 0) {
                    p.invalid("capacity[" + key + "]", capacity.get(key).asText(), "must be greater than zero");
                }
            });
        }
    }
}
