package dev.statefulai.gate.history;

import dev.statefulai.facts.ClaimNames;

import dev.statefulai.gate.model.Claim;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IMM007-IMM009: objects that provision or hold data and are gone from dist/ (present at the compared
 * ref). A deletion is not an update, so no update validation refuses it: a GitOps sync that prunes
 * (Argo CD prune, Flux prune, kubectl apply --prune) deletes the object. Each finding is reported on
 * the removed object as it was at the ref; a waiver is that object's annotation at the ref.
 */
public final class RemovalRules {

    public List<Finding> check(Environment before, Environment after) {
        Set<String> present = after.all().stream().map(m -> m.ref().toString()).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        for (Manifest gone : before.all()) {
            if (present.contains(gone.ref().toString())) {
                continue;
            }
            switch (gone.kind()) {
                case "StorageClass" -> storageClass(before, after, gone).ifPresent(out::add);
                case "PersistentVolumeClaim" -> out.add(claim(before, after, gone));
                case "StatefulSet" -> statefulSet(before, after, gone).ifPresent(out::add);
                case "PersistentVolume" -> out.add(volume(before, gone));
                default -> {
                }
            }
        }
        return out;
    }

    /**
     * A class that claims still name: bound volumes keep working, but a claim made later (a replica
     * added, a claim re-created) stays Pending, and expanding a claim needs its class (the
     * PersistentVolumeClaimResize admission plugin's allowResize, plugin/pkg/admission/storage/
     * persistentvolume/resize/admission.go, refuses a resize when it cannot find the claim's class).
     */
    private static Optional<Finding> storageClass(Environment before, Environment after, Manifest cls) {
        boolean wasDefault = "true".equals(cls.annotations().get(Environment.DEFAULT_CLASS_ANNOTATION));
        boolean defaultRemains = after.defaultStorageClass().isPresent();
        List<String> users = Claim.of(after).stream()
                .filter(c -> cls.name().equals(c.storageClassName()) || (c.storageClassName() == null && wasDefault && !defaultRemains))
                .map(c -> c.ref().namespace() + "/" + c.ref().name()).toList();
        if (users.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Rule.IMM007, cls, "StorageClass " + cls.name() + " is gone from dist/" + after.name() + " but "
                        + users.size() + " claim(s) still use it (" + sample(users) + "): once it is deleted, bound volumes keep working,"
                        + " but a claim made later (a replica added, a claim re-created) stays Pending and no claim of it can be expanded")
                .withMigration("keep the class in dist/" + after.name() + " while any claim uses it; to retire it, move each claim to"
                        + " another class first (a new claim on the new class and a copy of the data, see IMM001/IMM004), then remove it"));
    }

    private static Finding claim(Environment before, Environment after, Manifest pvc) {
        String ns = pvc.namespace();
        String volume = Json.text(pvc.spec(), "volumeName", "");
        String reclaim = reclaimPolicy(before, after, pvc, volume);
        String fate = switch (reclaim) {
            case "Delete" -> "its volume is deleted with the data (reclaimPolicy Delete)";
            case "Retain" -> "its volume is released and keeps the data (reclaimPolicy Retain), but no claim binds it again until"
                    + " its claimRef is cleared";
            default -> "its volume is released, then kept or deleted per its reclaimPolicy";
        };
        String pv = volume.isEmpty() ? "$(kubectl -n " + ns + " get pvc " + pvc.name() + " -o jsonpath='{.spec.volumeName}')" : volume;
        return Finding.of(Rule.IMM008, pvc, "PersistentVolumeClaim " + ns + "/" + pvc.name() + " is gone from dist/" + after.name()
                        + ": a sync that prunes deletes it, and " + fate)
                .withMigration("keep the claim in dist/" + after.name() + " until its data is copied or snapshotted; then make sure the"
                        + " volume is kept (kubectl patch pv " + pv + " -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Retain\"}}'),"
                        + " delete the claim yourself (kubectl -n " + ns + " delete pvc " + pvc.name() + ") and remove it from dist");
    }

    /**
     * A StatefulSet that deletes its claims with it (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete) loses data
     * (IMM008); one that keeps them (Retain, the default) leaves them orphaned (IMM011), unless another StatefulSet appeared
     * in its namespace: a rename, which IMM006 reports.
     */
    private static Optional<Finding> statefulSet(Environment before, Environment after, Manifest sts) {
        List<String> claims = new ArrayList<>();
        sts.spec().path("volumeClaimTemplates").forEach(t -> claims.add(ClaimNames.ofAnyReplica(t.path("metadata").path("name").asText(), sts.name())));
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        if (!"Delete".equals(sts.spec().path("persistentVolumeClaimRetentionPolicy").path("whenDeleted").asText())) {
            boolean renamed = after.ofKind("StatefulSet").stream().anyMatch(s -> s.namespace().equals(sts.namespace())
                    && before.find("StatefulSet", s.namespace(), s.name()).isEmpty());
            return renamed ? Optional.empty() : Optional.of(Finding.of(Rule.IMM011, sts, "StatefulSet " + sts.namespace() + "/" + sts.name() + " is gone from dist/"
                            + sts.environment() + ": its claims (" + String.join(", ", claims) + ") stay with their data (whenDeleted:"
                            + " Retain), mounted by nothing, and are billed until deleted")
                    .withMigration("if the data is still needed, keep the StatefulSet (or move the claims to its successor under the same"
                            + " names); else copy what matters and delete the claims yourself"));
        }
        return Optional.of(Finding.of(Rule.IMM008, sts, "StatefulSet " + sts.namespace() + "/" + sts.name() + " is gone from dist/"
                        + sts.environment() + " and its persistentVolumeClaimRetentionPolicy.whenDeleted is Delete: a sync that prunes"
                        + " deletes it and its claims (" + String.join(", ", claims) + ") with their data")
                .withMigration("first set persistentVolumeClaimRetentionPolicy.whenDeleted: Retain and apply it, then remove the"
                        + " StatefulSet: its claims stay; delete them yourself once their data is copied"));
    }

    private static Finding volume(Environment before, Manifest pv) {
        JsonNode claimRef = pv.spec().path("claimRef");
        String claim = claimRef.isObject() ? " (claimed by " + Json.text(claimRef, "namespace", "default") + "/"
                + claimRef.path("name").asText() + ")" : "";
        String reclaim = Json.text(pv.spec(), "persistentVolumeReclaimPolicy", "Retain");
        return Finding.of(Rule.IMM009, pv, "PersistentVolume " + pv.name() + claim + " is gone from dist/" + before.name()
                        + ": a sync that prunes deletes it (the deletion waits until no claim is bound to it), and no claim can bind"
                        + " that disk again" + ("Delete".equals(reclaim) ? "; with reclaimPolicy Delete the disk can go with its data" : ""))
                .withMigration("keep the PersistentVolume in dist/" + before.name() + " while its data matters; to retire it, copy"
                        + " or snapshot the data, set persistentVolumeReclaimPolicy: Retain to keep the disk, delete its claim and the PV"
                        + " yourself, then remove it from dist");
    }

    /** The reclaim policy of the claim's volume: its PV's, else its class's (default Delete); "" when unknown. */
    private static String reclaimPolicy(Environment before, Environment after, Manifest pvc, String volume) {
        for (Environment env : List.of(after, before)) {
            Optional<Manifest> pv = volume.isEmpty() ? Optional.empty() : env.find("PersistentVolume", "", volume);
            if (pv.isPresent()) {
                return Json.text(pv.get().spec(), "persistentVolumeReclaimPolicy", "Retain");
            }
        }
        if (!volume.isEmpty()) {
            return "";
        }
        JsonNode name = pvc.spec().path("storageClassName");
        for (Environment env : List.of(after, before)) {
            Optional<Manifest> cls = name.isMissingNode() || name.isNull() ? env.defaultStorageClass() : env.storageClass(name.asText());
            if (cls.isPresent()) {
                return Json.text(cls.get().body(), "reclaimPolicy", "Delete");
            }
        }
        return "";
    }

    private static String sample(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + ", ...";
    }
}
