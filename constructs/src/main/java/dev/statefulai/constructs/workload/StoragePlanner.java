package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.tier.TierChanges;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The storage rules of a {@link StatefulAIApp}, for {@link AppPlanner}: the app's own class can give
 * what its templates ask for, its pre-provisioned volumes fit and suffice, and claims grow only where
 * they can.
 */
final class StoragePlanner {
    private final String construct;
    private final StatefulAIAppProps props;
    private final List<ClaimTemplate> templates;
    private final StorageClassSpec ownClass;
    private final List<PreProvisionedVolume> volumes;

    StoragePlanner(String construct, StatefulAIAppProps props) {
        this.construct = construct;
        this.props = props;
        this.templates = props.claimTemplates();
        this.ownClass = props.storage().storageClass();
        this.volumes = props.storage().persistentVolumes();
    }

    /** The class a template's claims ask for: its own, else the app's, else none (the cluster default); none for an existing claim. */
    String classOf(ClaimTemplate t) {
        if (t.existingClaim() != null) {
            return null;
        }
        return t.claim().storageClassName() != null ? t.claim().storageClassName() : ownClass == null ? null : ownClass.name();
    }

    private boolean onOwnClass(ClaimTemplate t) {
        return ownClass != null && ownClass.name().equals(classOf(t));
    }

    /** The access modes of templates on the app's class, and its pre-provisioned volumes. */
    void check() {
        if (ownClass != null) {
            StorageBackend backend = ownClass.backend();
            for (int i = 0; i < templates.size(); i++) {
                for (AccessMode mode : onOwnClass(templates.get(i)) ? templates.get(i).claim().accessModes() : List.<AccessMode>of()) {
                    if (!backend.accessModes().contains(mode)) {
                        Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "].accessModes", mode.value(),
                                "what " + backend.displayName() + " can give: "
                                        + backend.accessModes().stream().map(AccessMode::value).sorted().toList()));
                    }
                }
            }
        }
        if (volumes.isEmpty()) {
            if (ownClass != null && ownClass.backend().isNodeLocal()) {
                Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes", "empty",
                        "one pre-provisioned volume per replica (" + props.replicas() + " or more) for "
                                + ownClass.backend().displayName() + ", which creates no volumes itself"));
            }
            return;
        }
        if (ownClass == null) {
            Refusals.refuse(new InvalidPropsException(construct, "storageClass", null,
                    "a StorageClass for the pre-provisioned persistentVolumes to belong to"));
            return;
        }
        checkVolumes();
    }

    private void checkVolumes() {
        StorageBackend backend = ownClass.backend();
        for (int i = 0; i < volumes.size(); i++) {
            if (!volumes.get(i).provisioner().equals(backend.provisioner())) {
                Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes[" + i + "]", volumes.get(i).handle(),
                        "a volume of the app's StorageClass backend " + backend.displayName()));
            }
        }
        long users = templates.stream().filter(this::onOwnClass).count();
        if (users == 0) {
            Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes", volumes.size() + " volumes",
                    "none, unless a claim template uses the app's StorageClass '" + ownClass.name() + "'"));
        }
        // The volumes are made alike, and a claim binds only a volume with its volume mode and (a superset of) its access modes.
        ClaimTemplate first = null;
        for (int i = 0; i < templates.size(); i++) {
            ClaimTemplate t = templates.get(i);
            if (!onOwnClass(t)) {
                continue;
            }
            if (first == null) {
                first = t;
            } else if (!Set.copyOf(t.claim().accessModes()).equals(Set.copyOf(first.claim().accessModes()))
                    || t.claim().volumeMode() != first.claim().volumeMode()) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "]", t.name(),
                        "the access modes and volume mode of '" + first.name() + "' (" + first.claim().accessModeValues() + ", "
                                + first.claim().volumeMode().value() + "), like every claim template on the app's StorageClass '"
                                + ownClass.name() + "': its pre-provisioned volumes are made alike, and a claim binds only a "
                                + "volume with its modes; put templates with other modes on another class"));
            }
        }
        long shared = templates.stream().filter(t -> onOwnClass(t) && t.isShared()).count();
        long needed = props.replicas() * (users - shared) + shared;
        if (backend.isNodeLocal() && volumes.size() < needed) {
            Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes", volumes.size() + " volumes",
                    (shared == 0 ? "at least replicas x claim templates on the class = "
                            : "at least replicas x per-replica claim templates on the class + shared claims on it = ") + needed
                            + ": " + backend.displayName() + " creates no volumes, so a replica without one stays Pending"));
        }
    }

    /**
     * The capacity of each pre-provisioned volume: the one given, at least the largest claim on the class,
     * or that claim's size; {@code null} without pre-provisioned volumes.
     */
    String capacity() {
        if (volumes.isEmpty() || ownClass == null) {
            return null;
        }
        ClaimTemplate largest = templates.stream().filter(this::onOwnClass)
                .max(Comparator.comparing((ClaimTemplate t) -> Validate.bytes(t.claim().size()))).orElse(null);
        if (largest == null) {
            return null;
        }
        String given = props.storage().persistentVolumeCapacity();
        String capacity = given == null ? largest.claim().size() : Validate.size(construct, "persistentVolumeCapacity", given);
        if (Validate.bytes(capacity).compareTo(Validate.bytes(largest.claim().size())) < 0) {
            Refusals.refuse(new InvalidPropsException(construct, "persistentVolumeCapacity", capacity,
                    "at least the largest claim on the class (" + largest.claim().size() + "), or no claim could bind"));
        }
        return capacity;
    }

    /** The tier changes, checked (see {@link TierChanges}). */
    void checkTiers() {
        TierChanges.check(construct, props.storage().tiers(), templates, ownClass, this::onOwnClass);
    }

    /** The sizes to grow each template's replica claims to, checked: only per-replica templates, only larger, only where claims can grow. */
    Map<String, String> grownClaims() {
        Map<String, String> grown = new LinkedHashMap<>();
        List<String> names = templates.stream().map(ClaimTemplate::name).toList();
        for (Map.Entry<String, String> grow : props.storage().growClaims().entrySet()) {
            String prop = "growClaimsTo['" + grow.getKey() + "']";
            ClaimTemplate t = templates.stream().filter(c -> c.name().equals(grow.getKey())).findFirst().orElse(null);
            if (t == null) {
                Refusals.refuse(new InvalidPropsException(construct, prop, grow.getValue(), "the name of a per-replica claim template: " + names));
                continue;
            }
            if (t.isShared()) {
                Refusals.refuse(new InvalidPropsException(construct, prop, grow.getValue(),
                        "a per-replica claim template; '" + t.name() + "' is one shared claim: raise its size (or the existing claim's) instead"));
                continue;
            }
            String size = Validate.size(construct, prop, grow.getValue());
            if (Validate.bytes(size).compareTo(Validate.bytes(t.claim().size())) <= 0) {
                Refusals.refuse(new InvalidPropsException(construct, prop, size,
                        "more than the template's " + t.claim().size() + ": claims never shrink, and the same size changes nothing"));
            }
            String cls = classOf(t);
            if ("".equals(cls)) {
                Refusals.refuse(new InvalidPropsException(construct, prop, size,
                        "a claim template with a StorageClass that allows volume expansion; '" + t.name()
                                + "' has no class (\"\"), and pre-provisioned volumes without a class never grow"));
            }
            if (onOwnClass(t) && !ownClass.allowsVolumeExpansion()) {
                Refusals.refuse(new InvalidPropsException(construct, prop, size,
                        "a claim template on a StorageClass that allows volume expansion; the app's StorageClass '" + cls
                                + "' (" + ownClass.backend().displayName() + ") does not"));
            }
            grown.put(t.name(), size);
        }
        return grown;
    }
}
