package dev.statefulai.constructs.pipeline;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.pipeline.PipelinePlan.PlannedVolume;
import dev.statefulai.constructs.render.KubeKind;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.ObjectReference;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.Volume;
import software.constructs.Construct;

/**
 * Storage for a data pipeline: one or more volumes ({@link PipelineVolume}: stages such as raw,
 * features and checkpoints, and datasets shared by many pods), each a claim, with the StorageClasses
 * they belong to.
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
 * never deletes the data. The props are checked and resolved into a plan first ({@link PipelinePlan});
 * the objects are built from it.
 */
public class DataPipelineStorage extends RecordableConstruct implements HasOutputs {
    private final PipelinePlan plan;
    private final List<KubeObject<KubeStorageClass, KubeStorageClassProps>> storageClasses = new ArrayList<>();
    private final Map<String, KubeObject<KubePersistentVolume, KubePersistentVolumeProps>> persistentVolumes = new LinkedHashMap<>();
    private final Map<String, KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps>> claims = new LinkedHashMap<>();

    public DataPipelineStorage(Construct scope, String id, DataPipelineStorageProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        // Chart.of(this).getNamespace() is two jsii round trips: asked only when no namespace is given.
        this.plan = PipelinePlan.of(props, id, () -> Recording.chartNamespaceOf(this));
        for (int i = 0; i < plan.classes().size(); i++) {
            storageClasses.add(plan.classes().get(i).addTo(this, "storage-class-" + i));
        }
        for (PlannedVolume v : plan.volumes()) {
            addVolume(v, props.partOf());
        }
    }

    private void addVolume(PlannedVolume v, String partOf) {
        Map<String, String> labels = Labels.of(v.name(), "pipeline-storage", partOf);
        StorageClassSpec classSpec = v.storageClass();
        if (v.existing() != null) {
            PersistentVolumeSpec.Builder pv = v.claim().persistentVolume(v.claim().size(), classSpec)
                    .claimRef(ObjectReference.builder()
                            .apiVersion("v1").kind("PersistentVolumeClaim").namespace(plan.namespace()).name(v.claimName()).build());
            if (!classSpec.mountOptions().isEmpty()) {
                pv.mountOptions(classSpec.mountOptions());
            }
            v.existing().applyTo(pv, v.readOnly());
            persistentVolumes.put(v.name(), KubeObject.define(this, "pv-" + v.name(), KubeKind.PERSISTENT_VOLUME,
                    KubePersistentVolumeProps.builder()
                            .metadata(ObjectMeta.builder().name(v.persistentVolumeName()).labels(labels).build())
                            .spec(pv.build())
                            .build(), KubePersistentVolume::new));
        }
        PersistentVolumeClaimSpec.Builder claim = v.claim().toSpec(v.claim().size(), classSpec.name());
        if (v.persistentVolumeName() != null) {
            claim.volumeName(v.persistentVolumeName());
        }
        claims.put(v.name(), KubeObject.define(this, "pvc-" + v.name(),
                KubePersistentVolumeClaimProps.builder()
                        .metadata(v.claim().metadata(v.claimName(), labels, plan.namespace()))
                        .spec(claim.build())
                        .build(), KubePersistentVolumeClaim::new, v.claim().newerFields("/spec")));
    }

    private PlannedVolume volume(String volumeName) {
        PlannedVolume v = plan.volume(volumeName);
        if (v == null) {
            throw new InvalidPropsException(PipelinePlan.CONSTRUCT + " '" + plan.name() + "'", "volume", volumeName, "one of " + getVolumeNames());
        }
        return v;
    }

    /**
     * The pod volume that mounts the claim of {@code volumeName} (named like the volume), for the pods
     * of the pipeline. With {@code readOnly} the pod cannot write to it ({@code persistentVolumeClaim.readOnly});
     * a {@linkplain PipelineVolume#readOnly() read-only volume} is always mounted read-only.
     */
    public Volume podVolume(String volumeName, boolean readOnly) {
        PlannedVolume v = volume(volumeName);
        PersistentVolumeClaimVolumeSource.Builder source = PersistentVolumeClaimVolumeSource.builder().claimName(v.claimName());
        if (readOnly || v.readOnly()) {
            source.readOnly(true);
        }
        return Volume.builder().name(v.name()).persistentVolumeClaim(source.build()).build();
    }

    /** The names of the volumes, in the order given. */
    public List<String> getVolumeNames() {
        return plan.volumeNames();
    }

    /** The claim name of {@code volumeName}: what pods mount. */
    public String getClaimName(String volumeName) {
        return volume(volumeName).claimName();
    }

    /** The PersistentVolume name of {@code volumeName}, or {@code null} when it is a new volume. */
    public String getPersistentVolumeName(String volumeName) {
        return volume(volumeName).persistentVolumeName();
    }

    /** The StorageClass name of {@code volumeName}. */
    public String getStorageClassName(String volumeName) {
        return volume(volumeName).storageClass().name();
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

    @Override
    public String outputName() {
        return plan.name();
    }

    /**
     * {@code kind}, {@code namespace}, {@code storageClasses} and {@code volumes}, by volume name:
     * {@code claim}, {@code persistentVolume} (existing volumes), {@code storageClass}, {@code accessModes}
     * and {@code readOnly}.
     */
    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = HasOutputs.outputs(PipelinePlan.CONSTRUCT, plan.namespace());
        out.put("storageClasses", plan.classes().stream().map(StorageClassSpec::name).toList());
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (PlannedVolume v : plan.volumes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("claim", v.claimName());
            if (v.persistentVolumeName() != null) {
                entry.put("persistentVolume", v.persistentVolumeName());
            }
            entry.put("storageClass", v.storageClass().name());
            entry.put("accessModes", v.claim().accessModeValues());
            entry.put("readOnly", v.readOnly());
            volumes.put(v.name(), entry);
        }
        out.put("volumes", volumes);
        return out;
    }
}
