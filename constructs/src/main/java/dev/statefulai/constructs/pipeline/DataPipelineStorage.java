package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.render.KubeKind;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.ObjectReference;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.Volume;
import software.constructs.Construct;

/**
 * Storage for a data pipeline: one or more volumes (stages such as raw, features and checkpoints, and
 * datasets shared by many pods), each a claim, with the StorageClasses they belong to.
 *
 * <p>A volume that already exists becomes a PersistentVolume and a claim bound to exactly that volume.
 * The binding is fixed from both sides (the volume's {@code claimRef} names the claim, the claim's
 * {@code volumeName} names the volume), so no other claim can take the volume and the claim cannot get
 * a fresh, empty one. The class's mount options are copied into such a volume, because Kubernetes
 * applies a class's mount options only to the volumes it provisions. A volume that does not exist yet
 * is only a claim, and the class's provisioner creates it (dynamic provisioning; shared
 * {@code ReadWriteMany} datasets on EFS access points or NFS sub-directories, or block disks).
 *
 * <p>Read-only access comes two ways. A {@link PipelineVolume#readOnly() read-only volume} is an
 * existing dataset published read-only by the driver to every pod, whatever the pod asks for, with a
 * {@code ReadOnlyMany} claim by default. Pods that should only read a volume others write mount its
 * claim with {@code readOnly: true}: {@link #podVolume(String, boolean)} gives that pod volume.
 *
 * <p>By default the class is encrypted gp3 on the EBS CSI driver with {@code Retain}: deleting a claim
 * never deletes the data.
 */
public class DataPipelineStorage extends RecordableConstruct implements HasOutputs {
    private static final String CONSTRUCT = "DataPipelineStorage";
    private static final String MODES_RULE = "one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod";
    private static final String NOT_WITH_VOLUMES = "none when volumes is given: set it on each PipelineVolume";

    /** One volume, resolved and checked. */
    private record Entry(String volumeName, String size, List<AccessMode> modes, VolumeMode volumeMode,
                         PreProvisionedVolume volume, StorageClassSpec classSpec, String claimName,
                         String persistentVolumeName, boolean readOnly) {
        List<String> modeValues() {
            return modes.stream().map(AccessMode::value).toList();
        }
    }

    private final String name;
    private final String namespace;
    private final boolean singleVolume;
    private final StorageClassSpec defaultClass;
    private final List<Entry> entries = new ArrayList<>();
    private final List<KubeObject<KubeStorageClass, KubeStorageClassProps>> storageClasses = new ArrayList<>();
    private final Map<String, KubeObject<KubePersistentVolume, KubePersistentVolumeProps>> persistentVolumes = new LinkedHashMap<>();
    private final Map<String, KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps>> claims = new LinkedHashMap<>();

    public DataPipelineStorage(Construct scope, String id, DataPipelineStorageProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = CONSTRUCT + " '" + (props.name == null ? id : props.name) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name);
        // Chart.of(this).getNamespace() is two jsii round trips: ask only when no namespace is given.
        String chartNamespace = props.namespace != null ? null : Recording.chartNamespaceOf(this);
        this.namespace = props.namespace != null ? Validate.dnsLabel(construct, "namespace", props.namespace)
                : chartNamespace != null ? chartNamespace : "default";
        this.defaultClass = props.storageClass != null ? props.storageClass
                : StorageClassSpec.builder().name(name).backend(AwsEbs.gp3()).build();
        this.singleVolume = props.volumes == null;
        if (singleVolume) {
            entries.add(resolve(construct, "", name, props.size, props.accessModes, props.volumeMode, props.volume, null,
                    props.claimName, props.persistentVolumeName, false, true));
        } else {
            checkNotSingle(construct, "size", props.size);
            checkNotSingle(construct, "volume", props.volume == null ? null : props.volume.handle());
            checkNotSingle(construct, "accessModes", props.accessModes);
            checkNotSingle(construct, "volumeMode", props.volumeMode == null ? null : props.volumeMode.value());
            checkNotSingle(construct, "claimName", props.claimName);
            checkNotSingle(construct, "persistentVolumeName", props.persistentVolumeName);
            Validate.nonEmpty(construct, "volumes", props.volumes,
                    "one or more PipelineVolume, e.g. the raw, features and checkpoints stages");
            for (int i = 0; i < props.volumes.size(); i++) {
                PipelineVolume v = props.volumes.get(i);
                String prefix = "volumes[" + i + "].";
                String volumeName = Validate.dnsLabel(construct, prefix + "name", v.name());
                entries.add(resolve(construct, prefix, volumeName, v.size(), v.accessModes(), v.volumeMode(), v.volume(),
                        v.storageClass(), v.claimName(), v.persistentVolumeName(), v.readOnly(), false));
            }
            checkUnique(construct);
        }
        Map<String, StorageClassSpec> classes = classes(construct);

        int c = 0;
        for (StorageClassSpec spec : classes.values()) {
            storageClasses.add(spec.addTo(this, singleVolume ? "storage-class" : "storage-class-" + c++));
        }
        for (Entry e : entries) {
            addVolume(e, props.partOf);
        }
    }

    private static void checkNotSingle(String construct, String prop, Object value) {
        if (value != null) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, NOT_WITH_VOLUMES));
        }
    }

    private Entry resolve(String construct, String prefix, String volumeName, String sizeIn, List<AccessMode> modesIn,
                          VolumeMode modeIn, PreProvisionedVolume volume, StorageClassSpec ownClass, String claimNameIn,
                          String pvNameIn, boolean readOnly, boolean volumeRequired) {
        String size = Validate.size(construct, prefix + "size", sizeIn);
        List<AccessMode> modes = modesIn == null
                ? List.of(readOnly ? AccessMode.READ_ONLY_MANY : AccessMode.READ_WRITE_ONCE)
                : Validate.nonEmpty(construct, prefix + "accessModes", modesIn, MODES_RULE);
        VolumeMode volumeMode = modeIn == null ? VolumeMode.FILESYSTEM : modeIn;
        if (volumeRequired) {
            Validate.required(construct, "volume", volume,
                    "an existing volume, e.g. AwsEbs.gp3().existingVolume(\"vol-0123456789abcdef0\", \"us-east-1a\")");
        }
        StorageClassSpec classSpec = ownClass != null ? ownClass : defaultClass;
        StorageBackend backend = classSpec.backend();
        for (AccessMode mode : modes) {
            if (!backend.accessModes().contains(mode)) {
                Refusals.refuse(new InvalidPropsException(construct, prefix + "accessModes", mode.value(),
                        "what " + backend.displayName() + " can give: "
                                + backend.accessModes().stream().map(AccessMode::value).sorted().toList()));
            }
        }
        if (volumeMode == VolumeMode.BLOCK && !backend.supportsBlockVolumes()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volumeMode", volumeMode.value(),
                    "Filesystem for " + backend.displayName() + ", a shared file system"));
        }
        if (volumeMode == VolumeMode.BLOCK && modes.contains(AccessMode.READ_WRITE_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "accessModes", "ReadWriteMany",
                    "ReadWriteOnce or ReadWriteOncePod on a Block volume"));
        }
        if (volume != null && !volume.provisioner().equals(backend.provisioner())) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volume", volume.handle(),
                    "a volume of the StorageClass backend " + backend.displayName()
                            + " (this one belongs to " + volume.provisioner() + ")"));
        }
        if (volume == null && !backend.provisionsVolumes()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volume", null,
                    "an existing volume: the StorageClass '" + classSpec.name() + "' on " + backend.displayName()
                            + " creates no volumes"));
        }
        if (readOnly && volume == null) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "readOnly", true,
                    "false for a new volume, which starts empty: give the existing volume to publish read-only"));
        }
        if (volume == null && modes.stream().noneMatch(m -> m != AccessMode.READ_ONLY_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "accessModes", modes.stream().map(AccessMode::value).toList(),
                    "a mode that writes as well (ReadWriteOnce, ReadWriteMany or ReadWriteOncePod): a new volume starts "
                            + "empty; to read existing data, give the existing volume"));
        }
        if (readOnly && !volume.supportsReadOnly()) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "readOnly", true,
                    "false for " + volume.handle() + ", which cannot be published read-only"));
        }
        String claimName = claimNameIn != null ? Validate.dnsSubdomain(construct, prefix + "claimName", claimNameIn) : volumeName;
        if (volume == null && pvNameIn != null) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "persistentVolumeName", pvNameIn,
                    "none for a new volume: its provisioner names it"));
        }
        String pvName = volume == null ? null
                : pvNameIn != null ? Validate.dnsSubdomain(construct, prefix + "persistentVolumeName", pvNameIn)
                : namespace + "-" + volumeName;
        return new Entry(volumeName, size, modes, volumeMode, volume, classSpec, claimName, pvName, readOnly);
    }

    private void checkUnique(String construct) {
        List<String> names = new ArrayList<>();
        List<String> claimNames = new ArrayList<>();
        List<String> pvNames = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (names.contains(e.volumeName())) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].name", e.volumeName(),
                        "a name used by no other volume of the storage"));
            }
            if (claimNames.contains(e.claimName())) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].claimName", e.claimName(),
                        "a claim name used by no other volume of the storage"));
            }
            if (e.persistentVolumeName() != null && pvNames.contains(e.persistentVolumeName())) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].persistentVolumeName", e.persistentVolumeName(),
                        "a PersistentVolume name used by no other volume of the storage"));
            }
            names.add(e.volumeName());
            claimNames.add(e.claimName());
            if (e.persistentVolumeName() != null) {
                pvNames.add(e.persistentVolumeName());
            }
        }
    }

    /** The classes the volumes use, once per name, in the order first used. */
    private Map<String, StorageClassSpec> classes(String construct) {
        Map<String, StorageClassSpec> classes = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            StorageClassSpec spec = entries.get(i).classSpec();
            StorageClassSpec seen = classes.putIfAbsent(spec.name(), spec);
            if (seen != null && seen != spec) {
                Refusals.refuse(new InvalidPropsException(construct, "volumes[" + i + "].storageClass", spec.name(),
                        "a class name that no other StorageClassSpec of the storage has: two different classes named '"
                                + spec.name() + "' would overwrite each other"));
            }
        }
        return classes;
    }

    private void addVolume(Entry e, String partOf) {
        Map<String, String> labels = Labels.of(e.volumeName(), "pipeline-storage", partOf);
        String suffix = singleVolume ? "" : "-" + e.volumeName();
        StorageClassSpec classSpec = e.classSpec();
        if (e.volume() != null) {
            PersistentVolumeSpec.Builder pv = PersistentVolumeSpec.builder()
                    .capacity(Quantities.map(Map.of("storage", e.size())))
                    .accessModes(e.modeValues())
                    .volumeMode(e.volumeMode().value())
                    .persistentVolumeReclaimPolicy(classSpec.reclaimPolicy().value())
                    .storageClassName(classSpec.name())
                    .claimRef(ObjectReference.builder()
                            .apiVersion("v1").kind("PersistentVolumeClaim").namespace(namespace).name(e.claimName()).build());
            if (!classSpec.mountOptions().isEmpty()) {
                pv.mountOptions(classSpec.mountOptions());
            }
            e.volume().applyTo(pv, e.readOnly());
            persistentVolumes.put(e.volumeName(), KubeObject.define(this, "pv" + suffix, KubeKind.PERSISTENT_VOLUME,
                    KubePersistentVolumeProps.builder()
                            .metadata(ObjectMeta.builder().name(e.persistentVolumeName()).labels(labels).build())
                            .spec(pv.build())
                            .build(), KubePersistentVolume::new));
        }
        PersistentVolumeClaimSpec.Builder claim = PersistentVolumeClaimSpec.builder()
                .accessModes(e.modeValues())
                .volumeMode(e.volumeMode().value())
                .storageClassName(classSpec.name())
                .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", e.size()))).build());
        if (e.persistentVolumeName() != null) {
            claim.volumeName(e.persistentVolumeName());
        }
        claims.put(e.volumeName(), KubeObject.define(this, "pvc" + suffix, KubeKind.PERSISTENT_VOLUME_CLAIM,
                KubePersistentVolumeClaimProps.builder()
                        .metadata(ObjectMeta.builder().name(e.claimName()).namespace(namespace).labels(labels).build())
                        .spec(claim.build())
                        .build(), KubePersistentVolumeClaim::new));
    }

    private Entry entry(String volumeName) {
        return entries.stream().filter(e -> e.volumeName().equals(volumeName)).findFirst()
                .orElseThrow(() -> new InvalidPropsException(CONSTRUCT + " '" + name + "'", "volume", volumeName,
                        "one of " + getVolumeNames()));
    }

    /**
     * The pod volume that mounts the claim of {@code volumeName} (named like the volume), for the pods
     * of the pipeline. With {@code readOnly} the pod cannot write to it ({@code persistentVolumeClaim.readOnly});
     * a {@linkplain PipelineVolume#readOnly() read-only volume} is always mounted read-only.
     */
    public Volume podVolume(String volumeName, boolean readOnly) {
        Entry e = entry(volumeName);
        PersistentVolumeClaimVolumeSource.Builder source = PersistentVolumeClaimVolumeSource.builder().claimName(e.claimName());
        if (readOnly || e.readOnly()) {
            source.readOnly(true);
        }
        return Volume.builder().name(e.volumeName()).persistentVolumeClaim(source.build()).build();
    }

    /** The names of the volumes, in the order given. */
    public List<String> getVolumeNames() {
        return entries.stream().map(Entry::volumeName).toList();
    }

    /** The claim name of {@code volumeName}. */
    public String getClaimName(String volumeName) {
        return entry(volumeName).claimName();
    }

    /** The StorageClasses, once per name (escape hatch). */
    public List<KubeStorageClass> getStorageClasses() {
        return storageClasses.stream().map(KubeObject::get).toList();
    }

    /** The PersistentVolumes on existing volumes, by volume name (escape hatch). */
    public Map<String, KubePersistentVolume> getPersistentVolumes() {
        Map<String, KubePersistentVolume> out = new LinkedHashMap<>();
        persistentVolumes.forEach((k, v) -> out.put(k, v.get()));
        return Collections.unmodifiableMap(out);
    }

    /** The claims, by volume name (escape hatch). */
    public Map<String, KubePersistentVolumeClaim> getClaims() {
        Map<String, KubePersistentVolumeClaim> out = new LinkedHashMap<>();
        claims.forEach((k, v) -> out.put(k, v.get()));
        return Collections.unmodifiableMap(out);
    }

    /** The StorageClass of the first volume (escape hatch). */
    public KubeStorageClass getStorageClass() {
        return storageClasses.get(0).get();
    }

    /** The PersistentVolume of the first volume, or {@code null} when it is a new volume (escape hatch). */
    public KubePersistentVolume getPersistentVolume() {
        KubeObject<KubePersistentVolume, KubePersistentVolumeProps> pv = persistentVolumes.get(entries.get(0).volumeName());
        return pv == null ? null : pv.get();
    }

    /** The claim of the first volume (escape hatch). */
    public KubePersistentVolumeClaim getClaim() {
        return claims.get(entries.get(0).volumeName()).get();
    }

    /** The first volume's claim name, what pods mount. */
    public String getClaimName() {
        return entries.get(0).claimName();
    }

    /** The first volume's PersistentVolume name, or {@code null} when it is a new volume. */
    public String getPersistentVolumeName() {
        return entries.get(0).persistentVolumeName();
    }

    /** The first volume's StorageClass name. */
    public String getStorageClassName() {
        return entries.get(0).classSpec().name();
    }

    @Override
    public String outputName() {
        return name;
    }

    /**
     * The single-volume form: {@code kind}, {@code namespace}, {@code claim}, {@code persistentVolume},
     * {@code storageClass}. With {@code volumes}: {@code kind}, {@code namespace}, {@code storageClasses}
     * and {@code volumes}, by volume name: {@code claim}, {@code persistentVolume} (existing volumes),
     * {@code storageClass}, {@code accessModes} and {@code readOnly}.
     */
    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", CONSTRUCT);
        out.put("namespace", namespace);
        if (singleVolume) {
            Entry e = entries.get(0);
            out.put("claim", e.claimName());
            out.put("persistentVolume", e.persistentVolumeName());
            out.put("storageClass", e.classSpec().name());
            return out;
        }
        out.put("storageClasses", entries.stream().map(e -> e.classSpec().name()).distinct().toList());
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (Entry e : entries) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("claim", e.claimName());
            if (e.persistentVolumeName() != null) {
                v.put("persistentVolume", e.persistentVolumeName());
            }
            v.put("storageClass", e.classSpec().name());
            v.put("accessModes", e.modeValues());
            v.put("readOnly", e.readOnly());
            volumes.put(e.volumeName(), v);
        }
        out.put("volumes", volumes);
        return out;
    }
}
