package dev.statefulai.gate.model;

import dev.statefulai.facts.ClaimNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A PersistentVolumeClaim the cluster will have: a standalone PVC, or one replica's claim of a
 * StatefulSet volumeClaimTemplate ({@code <template>-<statefulset>-<ordinal>}).
 *
 * @param owner the manifest that creates the claim (the PVC or the StatefulSet): its annotations waive findings
 * @param spec  the claim spec (the PVC's or the template's)
 */
public record Claim(ObjectRef ref, Manifest owner, JsonNode spec) {

    /** Every claim of an environment: standalone PVCs first, then StatefulSet replicas by ordinal. */
    public static List<Claim> of(Environment env) {
        List<Claim> out = new ArrayList<>();
        env.ofKind("PersistentVolumeClaim").forEach(pvc -> out.add(new Claim(pvc.ref(), pvc, pvc.spec())));
        for (Manifest sts : env.ofKind("StatefulSet")) {
            int replicas = Json.replicas(sts);
            for (JsonNode template : sts.spec().path("volumeClaimTemplates")) {
                String base = template.path("metadata").path("name").asText();
                for (int ordinal = 0; ordinal < replicas; ordinal++) {
                    out.add(new Claim(new ObjectRef("PersistentVolumeClaim", sts.namespace(),
                            ClaimNames.ofReplica(base, sts.name(), ordinal)), sts, template.path("spec")));
                }
            }
        }
        return out;
    }

    /** storageClassName as written: null when absent (the default class applies), "" for no class. */
    public String storageClassName() {
        JsonNode c = spec.path("storageClassName");
        return c.isMissingNode() || c.isNull() ? null : c.asText();
    }

    public List<String> accessModes() {
        return Json.strings(spec.path("accessModes"));
    }

    public String request() {
        return spec.path("resources").path("requests").path("storage").asText("");
    }

    public String volumeMode() {
        return Json.text(spec, "volumeMode", "Filesystem");
    }

    public String volumeName() {
        return Json.text(spec, "volumeName", "");
    }

    public JsonNode selector() {
        return spec.path("selector");
    }

    public boolean hasSelector() {
        return spec.has("selector") && !spec.path("selector").isNull();
    }

    /** True when a PV's claimRef names this claim. */
    public boolean isNamedBy(JsonNode claimRef) {
        return claimRef.path("name").asText().equals(ref.name())
                && Json.text(claimRef, "namespace", "default").equals(ref.namespace());
    }
}
