package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the PV and class definitions themselves promise: access modes their backend can give (BIND005),
 * no retired in-tree drivers (BIND006, BIND007), local volumes pinned to a node and bound only once the
 * scheduler picked that node (BIND008, BIND009).
 */
public final class VolumeSourceRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest sc : env.ofKind("StorageClass")) {
            String provisioner = Json.text(sc.body(), "provisioner", "");
            String csi = StorageBackends.RETIRED_PROVISIONERS.get(provisioner);
            if (csi != null) {
                out.add(Finding.of(Rule.BIND006, sc, "provisioner " + provisioner
                        + " is a retired in-tree plugin (it works only through CSI migration to " + csi
                        + "): use provisioner " + csi + " in a new class"));
            }
        }
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            JsonNode spec = pv.spec();
            StorageBackends.driver(spec).ifPresent(driver -> {
                List<String> shared = StorageBackends.unsupportedModes(driver, Json.strings(spec.path("accessModes")));
                if (!shared.isEmpty()) {
                    out.add(Finding.of(Rule.BIND005, pv, "offers " + String.join(", ", shared) + " on " + driver
                            + ", whose disks attach to one node at a time: pods on a second node fail with Multi-Attach"));
                }
            });
            Optional<String> source = StorageBackends.sourceField(spec);
            source.filter(StorageBackends.IN_TREE_SOURCES::containsKey).ifPresent(field -> {
                String csi = StorageBackends.RETIRED_PROVISIONERS.get(StorageBackends.IN_TREE_SOURCES.get(field));
                out.add(Finding.of(Rule.BIND007, pv, "uses the retired in-tree source spec." + field
                        + ": use spec.csi with driver " + csi + " (same volume id as volumeHandle)"));
            });
            if (source.filter("local"::equals).isPresent()) {
                out.addAll(local(env, pv));
            }
        }
        return out;
    }

    private static List<Finding> local(Environment env, Manifest pv) {
        List<Finding> out = new ArrayList<>();
        if (pv.spec().path("nodeAffinity").path("required").path("nodeSelectorTerms").isEmpty()) {
            out.add(Finding.of(Rule.BIND008, pv, "is a local volume without spec.nodeAffinity.required:"
                    + " the scheduler cannot know which node holds " + pv.spec().path("local").path("path").asText()
                    + " and pods may start on a node without the disk"));
        }
        String cls = Json.text(pv.spec(), "storageClassName", "");
        env.storageClass(cls).ifPresent(sc -> {
            String mode = Json.text(sc.body(), "volumeBindingMode", "Immediate");
            if (!mode.equals("WaitForFirstConsumer")) {
                out.add(Finding.of(Rule.BIND009, pv, "is a local volume of class " + cls + ", whose volumeBindingMode is "
                        + mode + ": claims bind before the scheduler picks a node, pinning pods to whichever node the PV is on"
                        + " regardless of their other constraints; use WaitForFirstConsumer"));
            }
        });
        return out;
    }
}
