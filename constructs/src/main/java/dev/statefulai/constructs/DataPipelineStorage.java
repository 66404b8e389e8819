package dev.statefulai.constructs;

import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.ObjectReference;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import software.constructs.Construct;

/**
 * Storage for a data pipeline on a volume that already exists: a StorageClass, a PersistentVolume on
 * the existing volume and a claim that binds to exactly that volume. The binding is fixed from both
 * sides (the volume's {@code claimRef} names the claim, the claim's {@code volumeName} names the
 * volume), so no other claim can take the volume and the claim cannot get a fresh, empty one.
 *
 * <p>By default the class is encrypted gp3 on the EBS CSI driver with {@code Retain}: deleting the
 * claim never deletes the data.
 */
public class DataPipelineStorage extends Construct implements HasOutputs {
    private static final String CONSTRUCT = "DataPipelineStorage";

    private final String name;
    private final String namespace;
    private final String persistentVolumeName;
    private final String claimName;
    private final StorageClassSpec classSpec;
    private final KubeStorageClass storageClass;
    private final KubePersistentVolume persistentVolume;
    private final KubePersistentVolumeClaim claim;

    public DataPipelineStorage(Construct scope, String id, DataPipelineStorageProps props) {
        super(scope, id);
        String construct = CONSTRUCT + " '" + (props.name == null ? id : props.name) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name);
        String chartNamespace = Chart.of(this).getNamespace();
        this.namespace = props.namespace != null ? Validate.dnsLabel(construct, "namespace", props.namespace)
                : chartNamespace != null ? chartNamespace : "default";
        String size = Validate.size(construct, "size", props.size);
        List<AccessMode> modes = Validate.nonEmpty(construct, "accessModes", props.accessModes,
                "one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod");
        Validate.required(construct, "volume", props.volume,
                "an existing volume, e.g. AwsEbs.gp3().existingVolume(\"vol-0123456789abcdef0\", \"us-east-1a\")");
        this.classSpec = props.storageClass != null ? props.storageClass
                : StorageClassSpec.builder().name(name).backend(AwsEbs.gp3()).build();
        for (AccessMode mode : modes) {
            if (!classSpec.backend().accessModes().contains(mode)) {
                throw new InvalidPropsException(construct, "accessModes", mode.value(),
                        "what " + classSpec.backend().displayName() + " can give: "
                                + classSpec.backend().accessModes().stream().map(AccessMode::value).sorted().toList());
            }
        }
        if (props.volumeMode == VolumeMode.BLOCK && modes.contains(AccessMode.READ_WRITE_MANY)) {
            throw new InvalidPropsException(construct, "accessModes", "ReadWriteMany",
                    "ReadWriteOnce or ReadWriteOncePod on a Block volume");
        }
        if (!props.volume.provisioner().equals(classSpec.backend().provisioner())) {
            throw new InvalidPropsException(construct, "volume", props.volume.handle(),
                    "a volume of the StorageClass backend " + classSpec.backend().displayName()
                            + " (this one belongs to " + props.volume.provisioner() + ")");
        }
        this.claimName = props.claimName != null ? Validate.dnsSubdomain(construct, "claimName", props.claimName) : name;
        this.persistentVolumeName = props.persistentVolumeName != null
                ? Validate.dnsSubdomain(construct, "persistentVolumeName", props.persistentVolumeName)
                : namespace + "-" + name;
        List<String> modeValues = new ArrayList<>();
        modes.forEach(m -> modeValues.add(m.value()));
        Map<String, String> labels = Labels.of(name, "pipeline-storage", props.partOf);

        this.storageClass = classSpec.addTo(this, "storage-class");

        PersistentVolumeSpec.Builder pv = PersistentVolumeSpec.builder()
                .capacity(Quantities.map(Map.of("storage", size)))
                .accessModes(modeValues)
                .volumeMode(props.volumeMode.value())
                .persistentVolumeReclaimPolicy(classSpec.reclaimPolicy().value())
                .storageClassName(classSpec.name())
                .claimRef(ObjectReference.builder()
                        .apiVersion("v1").kind("PersistentVolumeClaim").namespace(namespace).name(claimName).build());
        props.volume.applyTo(pv);
        this.persistentVolume = new KubePersistentVolume(this, "pv", KubePersistentVolumeProps.builder()
                .metadata(ObjectMeta.builder().name(persistentVolumeName).labels(labels).build())
                .spec(pv.build())
                .build());

        this.claim = new KubePersistentVolumeClaim(this, "pvc", KubePersistentVolumeClaimProps.builder()
                .metadata(ObjectMeta.builder().name(claimName).namespace(namespace).labels(labels).build())
                .spec(PersistentVolumeClaimSpec.builder()
                        .accessModes(modeValues)
                        .volumeMode(props.volumeMode.value())
                        .storageClassName(classSpec.name())
                        .volumeName(persistentVolumeName)
                        .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", size))).build())
                        .build())
                .build());
    }

    /** The StorageClass (escape hatch). */
    public KubeStorageClass getStorageClass() {
        return storageClass;
    }

    /** The PersistentVolume (escape hatch). */
    public KubePersistentVolume getPersistentVolume() {
        return persistentVolume;
    }

    /** The claim (escape hatch). */
    public KubePersistentVolumeClaim getClaim() {
        return claim;
    }

    /** The claim's name, what pods mount. */
    public String getClaimName() {
        return claimName;
    }

    /** The PersistentVolume's name. */
    public String getPersistentVolumeName() {
        return persistentVolumeName;
    }

    /** The StorageClass's name. */
    public String getStorageClassName() {
        return classSpec.name();
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", CONSTRUCT);
        out.put("namespace", namespace);
        out.put("claim", claimName);
        out.put("persistentVolume", persistentVolumeName);
        out.put("storageClass", classSpec.name());
        return out;
    }
}
