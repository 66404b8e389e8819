package dev.statefulai.gate.drivers;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Claim;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.facts.drivers.Attachment;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.Modes;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The access and volume modes of drivers that are not disks attached to one node (BIND005 judges those):
 * file systems and buckets give what their catalog entry says, e.g. FSx for Lustre no ReadOnlyMany, Mountpoint
 * for Amazon S3 no ReadWriteOnce (DRV001), and none of them a raw block device (DRV002). PersistentVolumes are
 * judged by their CSI driver, claims that a class provisions by the class's provisioner.
 */
public final class DriverModeRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            String driver = pv.spec().path("csi").path("driver").asText("");
            judged(driver).ifPresent(d -> modes(d, Json.strings(pv.spec().path("accessModes")), Json.text(pv.spec(), "volumeMode", Modes.FILESYSTEM))
                    .forEach(problem -> out.add(Finding.of(problem.rule(), pv, "offers " + problem.text()))));
        }
        for (Claim c : Claim.of(env)) {
            String className = c.storageClassName();
            if (className == null || className.isEmpty() || !c.volumeName().isEmpty()) {
                continue;
            }
            Optional<String> provisioner = env.storageClass(className).map(sc -> Json.text(sc.body(), "provisioner", ""));
            provisioner.flatMap(DriverModeRules::judged).ifPresent(d -> modes(d, c.accessModes(), c.volumeMode())
                    .forEach(problem -> out.add(Finding.of(problem.rule(), c, "asks class " + className + " for "
                            + problem.text() + ": the volume never provisions"))));
        }
        return out;
    }

    private record Problem(Rule rule, String text) {
    }

    /** Drivers of the catalog this stage judges: all but disks that attach to one node at a time. */
    private static Optional<StorageDriver> judged(String provisioner) {
        return DriverCatalog.byProvisioner(provisioner).filter(d -> d.attachment() != Attachment.ONE_NODE_AT_A_TIME && !d.isRetired());
    }

    private static List<Problem> modes(StorageDriver d, List<String> accessModes, String volumeMode) {
        List<Problem> out = new ArrayList<>();
        List<String> cannot = accessModes.stream().filter(m -> Modes.ACCESS_MODES.contains(m) && !d.gives(m)).toList();
        if (!cannot.isEmpty()) {
            out.add(new Problem(Rule.DRV001, String.join(", ", cannot) + " on " + d.provisioner() + " (" + d.name() + "), which gives "
                    + d.accessModes()));
        }
        if (Modes.BLOCK.equals(volumeMode) && !d.givesBlockVolumes()) {
            out.add(new Problem(Rule.DRV002, "volumeMode Block on " + d.provisioner() + " (" + d.name() + "), which gives file systems only"
                    + (d.attachment() == Attachment.OBJECT_STORAGE ? ": a FUSE mount of a bucket is never a block device" : "")));
        }
        return out;
    }
}
