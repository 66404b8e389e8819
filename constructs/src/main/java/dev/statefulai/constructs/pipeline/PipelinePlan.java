package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Namespace;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.Claim;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a {@link DataPipelineStorage} builds, resolved from its props by {@link #of}: every check is
 * made here, so building from a plan refuses nothing.
 *
 * @param name      the storage's name
 * @param namespace the claims' namespace, or {@code null} for none
 * @param volumes   the volumes, in the order given
 * @param classes   the StorageClasses the volumes use, once per name, in the order first used
 */
record PipelinePlan(String name, String namespace, List<PlannedVolume> volumes, List<StorageClassSpec> classes) {
    static final String CONSTRUCT = "DataPipelineStorage";

    /**
     * One volume, resolved and checked.
     *
     * @param claim                the claim, checked
     * @param existing             the existing volume, or {@code null} for a new one
     * @param storageClass         the volume's class
     * @param claimName            the claim's object name
     * @param persistentVolumeName the PersistentVolume's name on an existing volume, else {@code null}
     * @param readOnly             whether the existing volume is published read-only
     */
    record PlannedVolume(Claim claim, PreProvisionedVolume existing, StorageClassSpec storageClass, String claimName,
                  String persistentVolumeName, boolean readOnly) {
        String name() {
            return claim.name();
        }
    }

    /** The plan of the storage {@code id}; {@code chartNamespace} is asked only when the props name no namespace. */
    static PipelinePlan of(DataPipelineStorageProps props, String id, Supplier<String> chartNamespace) {
        String construct = CONSTRUCT + " '" + (props.name() == null ? id : props.name()) + "'";
        String name = Validate.dnsLabel(construct, "name", props.name());
        // A pre-bound volume's claimRef names the claim's namespace.
        boolean preBound = props.volumes().stream().anyMatch(v -> v.volume() != null);
        String namespace = Namespace.resolve(construct, props.namespace(), chartNamespace, preBound);
        StorageClassSpec defaultClass = props.storageClass() != null ? props.storageClass()
                : StorageClassSpec.builder().name(name).backend(AwsEbs.gp3()).build();
        Validate.nonEmpty(construct, "volumes", props.volumes(), "one or more PipelineVolume, e.g. the raw, features and checkpoints stages");
        List<PlannedVolume> volumes = new ArrayList<>();
        for (int i = 0; i < props.volumes().size(); i++) {
            PipelineVolume v = props.volumes().get(i);
            volumes.add(volume(construct, "volumes[" + i + "].", v, v.storageClass() != null ? v.storageClass() : defaultClass, namespace));
        }
        checkUnique(construct, volumes);
        return new PipelinePlan(name, namespace, volumes, classes(construct, volumes));
    }

    private static PlannedVolume volume(String construct, String prefix, PipelineVolume v, StorageClassSpec classSpec, String namespace) {
        Claim claim = v.claim(construct, prefix);
        PreProvisionedVolume existing = v.volume();
        StorageBackend backend = classSpec.backend();
        for (AccessMode mode : claim.accessModes()) {
            if (!backend.accessModes().contains(mode)) {
                Refusals.refuse(new InvalidPropsException(construct, prefix + "accessModes", mode.value(),
                        "what " + backend.displayName() + " can give: " + backend.accessModes().stream().map(AccessMode::value).sorted().toList()));
            }
        }
        if (claim.volumeMode() == VolumeMode.BLOCK && !backend.supportsBlockVolumes()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volumeMode", claim.volumeMode().value(),
                    "Filesystem for " + backend.displayName() + ", a shared file system"));
        }
        if (existing != null) {
            checkExisting(construct, prefix, v, claim, backend);
        } else {
            checkNew(construct, prefix, v, claim, classSpec);
        }
        String claimName = v.claimName() != null ? Validate.dnsSubdomain(construct, prefix + "claimName", v.claimName()) : claim.name();
        String pvName = existing == null ? null
                : v.persistentVolumeName() != null ? Validate.dnsSubdomain(construct, prefix + "persistentVolumeName", v.persistentVolumeName())
                : namespace + "-" + claim.name();
        return new PlannedVolume(claim, existing, classSpec, claimName, pvName, v.readOnly());
    }

    /** An existing volume: of the class's backend, published read-only only if it can be, and already holding its data. */
    private static void checkExisting(String construct, String prefix, PipelineVolume v, Claim claim, StorageBackend backend) {
        PreProvisionedVolume existing = v.volume();
        if (!existing.provisioner().equals(backend.provisioner())) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volume", existing.handle(),
                    "a volume of the StorageClass backend " + backend.displayName() + " (this one belongs to " + existing.provisioner() + ")"));
        }
        if (v.readOnly() && !existing.supportsReadOnly()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "readOnly", true,
                    "false for " + existing.handle() + ", which cannot be published read-only"));
        }
        if (claim.dataSource() != null) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "dataSource", claim.dataSource().name(),
                    "none for an existing volume, which holds its data already: restore or clone into a new volume (no volume given)"));
        }
    }

    /** A new volume: its class must create volumes, and it starts empty, so it must be writable. */
    private static void checkNew(String construct, String prefix, PipelineVolume v, Claim claim, StorageClassSpec classSpec) {
        StorageBackend backend = classSpec.backend();
        if (!backend.provisionsVolumes()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volume", null,
                    "an existing volume: the StorageClass '" + classSpec.name() + "' on " + backend.displayName() + " creates no volumes"));
        }
        if (v.readOnly()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "readOnly", true,
                    "false for a new volume, which starts empty: give the existing volume to publish read-only"));
        }
        if (claim.accessModes().stream().noneMatch(m -> m != AccessMode.READ_ONLY_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "accessModes", claim.accessModeValues(),
                    "a mode that writes as well (ReadWriteOnce, ReadWriteMany or ReadWriteOncePod): a new volume starts "
                            + "empty; to read existing data, give the existing volume"));
        }
        if (v.persistentVolumeName() != null) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "persistentVolumeName", v.persistentVolumeName(),
                    "none for a new volume: its provisioner names it"));
        }
    }

    private static void checkUnique(String construct, List<PlannedVolume> volumes) {
        List<String> names = new ArrayList<>();
        List<String> claimNames = new ArrayList<>();
        List<String> pvNames = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            PlannedVolume v = volumes.get(i);
            if (names.contains(v.name())) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].name", v.name(),
                        "a name used by no other volume of the storage"));
            }
            if (claimNames.contains(v.claimName())) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].claimName", v.claimName(),
                        "a claim name used by no other volume of the storage"));
            }
            if (v.persistentVolumeName() != null && pvNames.contains(v.persistentVolumeName())) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].persistentVolumeName", v.persistentVolumeName(),
                        "a PersistentVolume name used by no other volume of the storage"));
            }
            names.add(v.name());
            claimNames.add(v.claimName());
            if (v.persistentVolumeName() != null) {
                pvNames.add(v.persistentVolumeName());
            }
        }
    }

    /** The classes the volumes use, once per name, in the order first used. */
    private static List<StorageClassSpec> classes(String construct, List<PlannedVolume> volumes) {
        Map<String, StorageClassSpec> classes = new LinkedHashMap<>();
        for (int i = 0; i < volumes.size(); i++) {
            StorageClassSpec spec = volumes.get(i).storageClass();
            StorageClassSpec seen = classes.putIfAbsent(spec.name(), spec);
            if (seen != null && seen != spec) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].storageClass", spec.name(),
                        "a class name that no other StorageClassSpec of the storage has: two different classes named '"
                                + spec.name() + "' would overwrite each other"));
            }
        }
        return List.copyOf(classes.values());
    }

    /** The volume named {@code volumeName}, or {@code null}. */
    PlannedVolume volume(String volumeName) {
        return volumes.stream().filter(v -> v.name().equals(volumeName)).findFirst().orElse(null);
    }

    /** The volumes' names, in the order given. */
    List<String> volumeNames() {
        return volumes.stream().map(PlannedVolume::name).toList();
    }
}
