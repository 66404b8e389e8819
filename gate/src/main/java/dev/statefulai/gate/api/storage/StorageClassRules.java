package dev.statefulai.gate.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.NodeSelectors;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ValidateStorageClass} (pkg/apis/storage/validation/validation.go, release-1.28): the name, the
 * provisioner as a qualified name, at most 512 parameters of 256 KiB in all, the reclaim policy and
 * binding mode values, allowed topologies. Absent reclaimPolicy and volumeBindingMode are defaulted
 * ({@code SetDefaults_StorageClass}: Delete, Immediate) before validation, so they pass.
 */
public final class StorageClassRules {
    static final List<String> RECLAIM_POLICIES = List.of("Delete", "Retain");
    static final List<String> BINDING_MODES = List.of("Immediate", "WaitForFirstConsumer");
    private static final int MAX_PARAMETERS = 512;
    private static final int MAX_PARAMETER_BYTES = 256 * 1024;

    private StorageClassRules() {
    }

    public static List<dev.statefulai.gate.api.core.Problem> validate(JsonNode sc) {
        Problems p = Problems.root("ValidateStorageClass");
        Meta.objectMeta(p, sc.path("metadata"), Meta.NameRule.DNS_SUBDOMAIN);
        String provisioner = Values.string(sc, "provisioner");
        Problems prov = p.by("validateProvisioner");
        if (provisioner.isEmpty()) {
            prov.required("provisioner", "");
        } else {
            prov.invalidEach("provisioner", provisioner, Names.qualifiedName(provisioner.toLowerCase(Locale.ROOT)));
        }
        parameters(p.by("validateParameters"), Values.stringMap(sc, "parameters"));
        String reclaim = Values.text(sc, "reclaimPolicy");
        if (reclaim != null && !reclaim.isEmpty() && !RECLAIM_POLICIES.contains(reclaim)) {
            p.by("validateReclaimPolicy").notSupported("reclaimPolicy", reclaim, RECLAIM_POLICIES);
        }
        String binding = Values.text(sc, "volumeBindingMode");
        if (binding != null && !BINDING_MODES.contains(binding)) {
            p.by("validateVolumeBindingMode").notSupported("volumeBindingMode", binding, BINDING_MODES);
        }
        allowedTopologies(p.by("validateAllowedTopologies"), Values.list(sc, "allowedTopologies"));
        return p.list();
    }

    private static void parameters(Problems p, Map<String, String> params) {
        if (params.size() > MAX_PARAMETERS) {
            p.tooLong("parameters", "may not have more than " + MAX_PARAMETERS + " entries");
            return;
        }
        long bytes = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().isEmpty()) {
                p.invalid("parameters", e.getKey(), "field can not be empty.");
            }
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_PARAMETER_BYTES) {
            p.tooLong("parameters", "may not be more than " + MAX_PARAMETER_BYTES + " bytes");
        }
    }

    private static void allowedTopologies(Problems p, List<JsonNode> terms) {
        List<Map<String, Set<String>>> seen = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Problems term = p.at("allowedTopologies", i);
            Map<String, Set<String>> raw = NodeSelectors.topologySelectorTerm(term, terms.get(i));
            if (seen.contains(raw)) {
                term.duplicate("matchLabelExpressions", "");
            }
            seen.add(raw);
        }
    }
}
