package dev.statefulai.gate.protection;

import dev.statefulai.facts.KubeQuantity;
import dev.statefulai.facts.drivers.StorageDriver;
import dev.statefulai.facts.protection.BackupCoverage;
import dev.statefulai.facts.protection.BackupSchedule;
import dev.statefulai.facts.protection.ClaimView;
import dev.statefulai.facts.protection.Snapscheduler;
import dev.statefulai.facts.protection.Tree;
import dev.statefulai.facts.protection.Velero;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.ManifestTrees;
import dev.statefulai.gate.model.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Restores, tried before they are needed: a claim restored from a VolumeSnapshot or cloned from a claim
 * ({@code spec.dataSource} or {@code dataSourceRef}) binds only through the CSI driver that holds its source, and must ask
 * for at least its source's size (the API server's {@code ValidatePersistentVolumeClaim} does not know it; the CSI
 * external-provisioner refuses a restore smaller than the snapshot's restoreSize and a clone smaller than its source). The
 * source is known when it is in the environment: a VolumeSnapshot and the claim it was taken of, a snapscheduler schedule
 * whose snapshots are named {@code <claim>-<schedule>-<time>}, the claim a clone copies. A replica's claim is also at least
 * its StatefulSet's template. A Velero {@code Restore} names its backup.
 */
public final class RestoreRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        ManifestTrees trees = new ManifestTrees(env);
        List<ClaimView> claims = ClaimView.of(trees.all());
        BackupCoverage drivers = BackupCoverage.over(trees.all(), ManifestTrees::yaml);
        List<Finding> out = new ArrayList<>();
        for (ClaimView claim : claims) {
            Map<String, Object> source = Tree.map(claim.spec(), "dataSourceRef").isEmpty() ? Tree.map(claim.spec(), "dataSource")
                    : Tree.map(claim.spec(), "dataSourceRef");
            if (source.isEmpty() || claim.fromTemplate()) {
                continue;
            }
            Manifest subject = trees.manifestOf(claim.owner());
            String kind = Tree.text(source, "", "kind");
            String name = Tree.text(source, "", "name");
            Optional<ClaimView> origin = Optional.empty();
            Optional<String> sourceDriver = Optional.empty();
            if ("VolumeSnapshot".equals(kind)) {
                Optional<Map<String, Object>> snapshot = find(trees.all(), "VolumeSnapshot", claim.namespace(), name);
                String sourceClaim = snapshot.map(s -> Tree.text(s, null, "spec", "source", "persistentVolumeClaimName"))
                        .orElseGet(() -> scheduledClaim(trees.all(), claim.namespace(), name));
                origin = claims.stream().filter(c -> c.namespace().equals(claim.namespace()) && c.name().equals(sourceClaim)
                        && c != claim).findFirst();
                sourceDriver = snapshot.flatMap(s -> find(trees.all(), "VolumeSnapshotClass", "", Tree.text(s, "", "spec", "volumeSnapshotClassName")))
                        .map(c -> Tree.text(c, "", "driver"));
            } else if ("PersistentVolumeClaim".equals(kind)) {
                origin = claims.stream().filter(c -> c.namespace().equals(claim.namespace()) && c.name().equals(name)).findFirst();
            } else {
                continue;
            }
            Optional<StorageDriver> own = drivers.driver(claim);
            if (sourceDriver.isEmpty() && origin.isPresent()) {
                sourceDriver = drivers.driver(origin.get()).map(StorageDriver::csiDriver);
            }
            driver(claim, kind, name, own, sourceDriver, subject).ifPresent(out::add);
            if (origin.isEmpty()) {
                out.add(Finding.of(Rule.RST003, subject, claim.name() + " is restored from " + kind + " " + name + ", which is not in dist/"
                        + env.name() + " (nor named like the snapshots of a schedule there): that it fits is not proven; check it asks at"
                        + " least the snapshot's size: kubectl -n " + claim.namespace() + " get volumesnapshot " + name
                        + " -o jsonpath='{.status.restoreSize}'"));
            } else {
                smaller(claim, origin.get(), kind + " " + name + " of " + origin.get().name(), subject).ifPresent(out::add);
            }
            claims.stream().filter(c -> c.fromTemplate() && c.namespace().equals(claim.namespace()) && c.name().equals(claim.name()))
                    .findFirst().flatMap(t -> smaller(claim, t, "the template " + t.source() + " of " + t.ownerRef(), subject))
                    .ifPresent(out::add);
        }
        for (Manifest restore : env.ofKind(Velero.RESTORE)) {
            if (Velero.API_VERSION.equals(restore.apiVersion()) && restore.spec().path("backupName").asText("").isEmpty()
                    && restore.spec().path("scheduleName").asText("").isEmpty()) {
                out.add(Finding.of(Rule.RST004, restore, "names neither spec.backupName nor spec.scheduleName: Velero fails it"
                        + " (velero backup get lists the backups)"));
            }
        }
        return out;
    }

    /** RST001: the claim asks for less than {@code source}. */
    private static Optional<Finding> smaller(ClaimView claim, ClaimView source, String what, Manifest subject) {
        Optional<BigDecimal> own = KubeQuantity.tryParse(claim.request());
        Optional<BigDecimal> theirs = KubeQuantity.tryParse(source.request());
        if (own.isEmpty() || theirs.isEmpty() || own.get().compareTo(theirs.get()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Rule.RST001, subject, claim.name() + " asks for " + claim.request() + ", less than " + what + " ("
                + source.request() + "): the restore fails or the volume is smaller than its data; ask for at least " + source.request()));
    }

    /** RST002: the claim's class is not the source's CSI driver, or takes no snapshots. */
    private static Optional<Finding> driver(ClaimView claim, String kind, String name, Optional<StorageDriver> own,
                                            Optional<String> sourceDriver, Manifest subject) {
        if (own.isEmpty()) {
            return Optional.empty();
        }
        StorageDriver driver = own.get();
        boolean capable = "VolumeSnapshot".equals(kind) ? driver.snapshots() : driver.clones();
        if (!capable) {
            return Optional.of(Finding.of(Rule.RST002, subject, claim.name() + " is restored from " + kind + " " + name + " on "
                    + driver.name() + ", which " + ("VolumeSnapshot".equals(kind) ? "takes no snapshots" : "makes no clones")
                    + ": the claim stays Pending; restore onto a class of the source's driver"));
        }
        if (sourceDriver.isPresent() && !Objects.equals(sourceDriver.get(), driver.csiDriver())) {
            String source = DriverCatalog.byProvisioner(sourceDriver.get()).map(StorageDriver::name).orElse(sourceDriver.get());
            return Optional.of(Finding.of(Rule.RST002, subject, claim.name() + " is restored from " + kind + " " + name + " of " + source
                    + " onto " + driver.name() + ": a CSI driver restores only its own snapshots, so the claim stays Pending; restore onto"
                    + " a class of " + sourceDriver.get()));
        }
        return Optional.empty();
    }

    /** The claim a snapscheduler schedule of the namespace took {@code snapshot} of, by its name; null when none did. */
    private static String scheduledClaim(List<Map<String, Object>> manifests, String namespace, String snapshot) {
        for (Map<String, Object> m : manifests) {
            BackupSchedule schedule = BackupSchedule.of(m);
            if (schedule != null && !schedule.isVelero() && schedule.namespace().equals(namespace)) {
                String claim = Snapscheduler.claimOf(snapshot, schedule.name());
                if (claim != null) {
                    return claim;
                }
            }
        }
        return null;
    }

    private static Optional<Map<String, Object>> find(List<Map<String, Object>> manifests, String kind, String namespace, String name) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind")) && name.equals(Tree.text(m, "", "metadata", "name"))
                && (namespace.isEmpty() || namespace.equals(ClaimView.namespace(m)))).findFirst();
    }
}
