package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.drivers.Attachment;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.Modes;
import dev.statefulai.facts.drivers.PersistentVolumeSources;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the PV and class definitions themselves promise: access modes their driver can give (BIND005),
 * no retired in-tree drivers (BIND006, BIND007), local volumes pinned to a node and bound only once the
 * scheduler picked that node (BIND008, BIND009). What a driver gives comes from the storage-driver
 * catalog ({@link DriverCatalog}); a driver it does not know is left alone.
 */
public final class VolumeSourceRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest sc : env.ofKind("StorageClass")) {
            String provisioner = Json.text(sc.body(), "provisioner", "");
            DriverCatalog.byProvisioner(provisioner).flatMap(StorageDriver::replacement).ifPresent(csi ->
                    out.add(Finding.of(Rule.BIND006, sc, "provisioner " + provisioner
                            + " is a retired in-tree plugin (it works only through CSI migration to " + csi
                            + "): use provisioner " + csi + " in a new class")));
        }
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            JsonNode spec = pv.spec();
            Optional<String> source = PersistentVolumeSources.FIELDS.stream().filter(spec::has).findFirst();
            source.map(field -> field.equals("csi") ? spec.path("csi").path("driver").asText()
                    : DriverCatalog.byInTreeVolumeSource(field).map(StorageDriver::provisioner).orElse(field)).ifPresent(driver -> {
                List<String> shared = multiAttachModes(driver, Json.strings(spec.path("accessModes")));
                if (!shared.isEmpty()) {
                    out.add(Finding.of(Rule.BIND005, pv, "offers " + String.join(", ", shared) + " on " + driver
                            + ", whose disks attach to one node at a time: pods on a second node fail with Multi-Attach"));
                }
            });
            source.flatMap(DriverCatalog::byInTreeVolumeSource).ifPresent(retired ->
                    out.add(Finding.of(Rule.BIND007, pv, "uses the retired in-tree source spec." + retired.inTreeVolumeSource()
                            + ": use spec.csi with driver " + retired.replacement().orElseThrow() + " (same volume id as volumeHandle)")));
            if (source.filter("local"::equals).isPresent()) {
                out.addAll(local(env, pv));
            }
        }
        return out;
    }

    /**
     * The access modes among {@code modes} that {@code driver} cannot give because its volumes attach to
     * one node at a time (ReadWriteMany on EBS, say): a pod on a second node would fail with Multi-Attach.
     * Empty for drivers of other attachments and for drivers the catalog does not know.
     */
    static List<String> multiAttachModes(String driver, List<String> modes) {
        return DriverCatalog.byProvisioner(driver).filter(d -> d.attachment() == Attachment.ONE_NODE_AT_A_TIME)
                .map(d -> modes.stream().filter(m -> Modes.ACCESS_MODES.contains(m) && !d.gives(m)).toList()).orElse(List.of());
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
