package dev.statefulai.gate.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code ValidatePersistentVolumeClaimSpec} (pkg/apis/core/validation/validation.go, release-1.28), shared by
 * standalone claims, the claims a StatefulSet's controller creates from its claim templates, and generic
 * ephemeral volumes: access modes (ReadWriteOncePod alone; the ReadWriteOncePod gate is beta and on in
 * 1.28), a positive storage request, selector, class name, volume mode, data source and data source ref.
 */
public final class ClaimSpecRules {
    static final List<String> ACCESS_MODES = List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
    static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");

    private ClaimSpecRules() {
    }

    /** {@code p} is at the spec. */
    public static void spec(Problems p, JsonNode spec) {
        Problems s = p.by("ValidatePersistentVolumeClaimSpec");
        List<String> modes = Values.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            s.required("accessModes", "at least 1 access mode is required");
        }
        JsonNode selector = Values.object(spec, "selector");
        if (selector != null) {
            Meta.labelSelector(s.at("selector").by("ValidateLabelSelector"), selector);
        }
        accessModes(s, modes);
        JsonNode requests = spec.path("resources").path("requests");
        Problems res = s.at("resources");
        if (!requests.has("storage") || requests.get("storage").isNull()) {
            res.required("requests[storage]", "");
        } else {
            BigDecimal storage = Values.quantity(res.at("requests"), requests, "storage");
            if (storage != null && storage.signum() <= 0) {
                res.invalid("requests[storage]", requests.get("storage").asText(), "must be greater than zero");
            }
        }
        quantities(res.at("requests"), requests, "storage");
        quantities(res.at("limits"), spec.path("resources").path("limits"), "");
        String className = Values.text(spec, "storageClassName");
        if (className != null && !className.isEmpty()) {
            s.invalidEach("storageClassName", className, Names.dns1123Subdomain(className));
        }
        String volumeMode = Values.text(spec, "volumeMode");
        if (volumeMode != null && !VOLUME_MODES.contains(volumeMode)) {
            s.notSupported("volumeMode", volumeMode, VOLUME_MODES);
        }
        dataSources(s, spec);
    }

    /** Access modes as PersistentVolumes and claims share them: known values, ReadWriteOncePod alone. */
    static void accessModes(Problems p, List<String> modes) {
        boolean oncePod = false;
        boolean other = false;
        for (int i = 0; i < modes.size(); i++) {
            String mode = modes.get(i);
            if (!ACCESS_MODES.contains(mode)) {
                p.notSupported("accessModes[" + i + "]", mode, ACCESS_MODES);
            } else if (mode.equals("ReadWriteOncePod")) {
                oncePod = true;
            } else {
                other = true;
            }
        }
        if (oncePod && other) {
            p.forbidden("accessModes", "may not use ReadWriteOncePod with other access modes");
        }
    }

    /** Every quantity of a resource list decodes; the other keys are the schema's and the binder's concern. */
    private static void quantities(Problems p, JsonNode list, String checkedAlready) {
        if (list.isObject()) {
            list.fieldNames().forEachRemaining(key -> {
                if (!key.equals(checkedAlready)) {
                    Values.quantity(p, list, key);
                }
            });
        }
    }

    private static void dataSources(Problems s, JsonNode spec) {
        JsonNode source = Values.object(spec, "dataSource");
        if (source != null) {
            reference(s.at("dataSource").by("validateDataSource"), source);
        }
        JsonNode ref = Values.object(spec, "dataSourceRef");
        if (ref != null) {
            reference(s.at("dataSourceRef").by("validateDataSourceRef"), ref);
            // dataSourceRef.namespace needs the CrossNamespaceVolumeDataSource gate (alpha, off in 1.28): dropped
            if (source != null && !(Objects.equals(Values.text(source, "apiGroup"), Values.text(ref, "apiGroup"))
                    && Values.string(source, "kind").equals(Values.string(ref, "kind"))
                    && Values.string(source, "name").equals(Values.string(ref, "name")))) {
                s.invalid("dataSource", "", "must match dataSourceRef");
            }
        }
    }

    private static void reference(Problems p, JsonNode ref) {
        Values.required(p, ref, "name");
        String kind = Values.required(p, ref, "kind");
        if (Values.string(ref, "apiGroup").isEmpty() && !kind.equals("PersistentVolumeClaim")) {
            p.invalid("", kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
        }
    }
}
