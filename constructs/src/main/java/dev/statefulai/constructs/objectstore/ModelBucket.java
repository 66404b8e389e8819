package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.Namespace;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.PodExtras;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.CsiPersistentVolumeSource;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubeServiceAccount;
import org.cdk8s.plus28.k8s.KubeServiceAccountProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.ObjectReference;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.Volume;
import software.constructs.Construct;

/**
 * A bucket of object storage as a volume for model weights: a pre-provisioned PersistentVolume of the
 * bucket's driver and a claim bound to exactly it, both with {@code storageClassName: ""} (static
 * provisioning, the only kind Mountpoint for Amazon S3 and Cloud Storage FUSE have) and pre-bound from
 * both sides as {@code DataPipelineStorage} binds existing volumes: the volume's {@code claimRef} names the
 * claim, the claim's {@code volumeName} the volume. By default both are {@code ReadOnlyMany} and the volume
 * is published read-only, so every replica on every node reads one copy of the weights and none can change it.
 *
 * <p>Per-pod identity, never keys: when the bucket names a cloud identity (an IAM role, a Google service
 * account, a managed identity), the construct creates the ServiceAccount the pods run as, with the
 * annotation the cloud reads ({@code eks.amazonaws.com/role-arn}, {@code iam.gke.io/gcp-service-account}) and
 * no API token, or names an existing one ({@code createServiceAccount(false)}). The pods take it, and the
 * bucket's pod annotations and cache volume, from {@link #serviceAccountName()}, {@link #podAnnotations()}
 * and {@link #podVolumes()}; {@link #servingClaimTemplate(String)} gives a StatefulAIApp the claim, mounted
 * read-only by every replica.
 *
 * <p>Refused at synth time, by the driver's catalog entry: an access mode or volume mode the driver cannot
 * give (a FUSE mount is never a block device), and a read-write bucket claim for serving.
 */
public class ModelBucket extends RecordableConstruct implements HasOutputs {
    static final String CONSTRUCT = "ModelBucket";

    private final String name;
    private final String namespace;
    private final Bucket bucket;
    private final AccessMode accessMode;
    private final String persistentVolumeName;
    private final String serviceAccountName;
    private final KubeObject<KubePersistentVolume, KubePersistentVolumeProps> persistentVolume;
    private final KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps> claim;
    private final KubeObject<KubeServiceAccount, KubeServiceAccountProps> serviceAccount;

    public ModelBucket(Construct scope, String id, ModelBucketProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = CONSTRUCT + " '" + (props.name() == null ? id : props.name()) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name());
        this.bucket = Validate.required(construct, "bucket", props.bucket(), "an S3Bucket, GcsBucket or AzureBlobContainer");
        StorageDriver driver = bucket.driver();
        this.accessMode = Validate.required(construct, "accessMode", props.accessMode(), "ReadOnlyMany or ReadWriteMany");
        if (!driver.gives(accessMode.value()) || !accessMode.isShared()) {
            Refusals.refuse(new InvalidPropsException(construct, "accessMode", accessMode.value(), "ReadOnlyMany, or ReadWriteMany for a"
                    + " bucket pods write: a bucket is read by many nodes (" + driver.provisioner() + " gives " + driver.accessModes() + ")"));
        }
        if (props.volumeMode() != VolumeMode.FILESYSTEM) {
            Refusals.refuse(new InvalidPropsException(construct, "volumeMode", props.volumeMode(), "Filesystem: " + driver.provisioner()
                    + " mounts the bucket through FUSE as a file system and gives no block devices (the catalog's " + driver.volumeModes() + ")"));
        }
        Validate.size(construct, "capacity", props.capacity());
        this.namespace = Namespace.resolve(construct, props.namespace(), () -> Recording.chartNamespaceOf(this), true);
        this.persistentVolumeName = props.persistentVolumeName() != null
                ? Validate.dnsSubdomain(construct, "persistentVolumeName", props.persistentVolumeName()) : namespace + "-" + name;
        this.serviceAccountName = !bucket.podIdentity() ? null : props.serviceAccountName() != null
                ? Validate.dnsSubdomain(construct, "serviceAccountName", props.serviceAccountName()) : name;
        Map<String, String> labels = Labels.of(name, "model-weights", props.partOf());
        this.serviceAccount = serviceAccountName == null || !props.createServiceAccount() ? null
                : KubeObject.define(this, "service-account", KubeServiceAccountProps.builder()
                        .metadata(meta(serviceAccountName, labels, bucket.serviceAccountAnnotations()))
                        // The cloud identity comes from a projected token the driver or webhook asks for, not the API token.
                        .automountServiceAccountToken(false)
                        .build(), KubeServiceAccount::new);
        this.persistentVolume = KubeObject.define(this, "pv", KubePersistentVolumeProps.builder()
                .metadata(ObjectMeta.builder().name(persistentVolumeName).labels(labels).build())
                .spec(volumeSpec(driver, props.capacity()))
                .build(), KubePersistentVolume::new);
        this.claim = KubeObject.define(this, "pvc", KubePersistentVolumeClaimProps.builder()
                .metadata(meta(name, labels, Map.of()))
                .spec(PersistentVolumeClaimSpec.builder()
                        .accessModes(List.of(accessMode.value()))
                        .volumeMode(VolumeMode.FILESYSTEM.value())
                        .storageClassName("")
                        .volumeName(persistentVolumeName)
                        .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", props.capacity()))).build())
                        .build())
                .build(), KubePersistentVolumeClaim::new);
    }

    private PersistentVolumeSpec volumeSpec(StorageDriver driver, String capacity) {
        CsiPersistentVolumeSource.Builder csi = CsiPersistentVolumeSource.builder().driver(driver.csiDriver())
                .volumeHandle(bucket.volumeHandle(persistentVolumeName));
        Map<String, String> attributes = bucket.volumeAttributes();
        if (!attributes.isEmpty()) {
            csi.volumeAttributes(new TreeMap<>(attributes));
        }
        if (accessMode == AccessMode.READ_ONLY_MANY) {
            csi.readOnly(true);
        }
        PersistentVolumeSpec.Builder spec = PersistentVolumeSpec.builder()
                .capacity(Quantities.map(Map.of("storage", capacity)))
                .accessModes(List.of(accessMode.value()))
                .volumeMode(VolumeMode.FILESYSTEM.value())
                .persistentVolumeReclaimPolicy("Retain")
                .storageClassName("")
                .claimRef(ObjectReference.builder().apiVersion("v1").kind("PersistentVolumeClaim").namespace(namespace).name(name).build())
                .csi(csi.build());
        List<String> mountOptions = bucket.mountOptions();
        if (!mountOptions.isEmpty()) {
            spec.mountOptions(mountOptions);
        }
        return spec.build();
    }

    private ObjectMeta meta(String objectName, Map<String, String> labels, Map<String, String> annotations) {
        ObjectMeta.Builder meta = ObjectMeta.builder().name(objectName).namespace(namespace).labels(labels);
        if (!annotations.isEmpty()) {
            meta.annotations(new TreeMap<>(annotations));
        }
        return meta.build();
    }

    /**
     * The claim as a StatefulAIApp's shared claim template, mounted read-only at {@code mountPath} by every
     * replica. Refused for a {@code ReadWriteMany} bucket: a server never writes its weights.
     */
    public ClaimTemplate servingClaimTemplate(String mountPath) {
        if (accessMode != AccessMode.READ_ONLY_MANY) {
            Refusals.refuse(new InvalidPropsException(CONSTRUCT + " '" + name + "'", "accessMode", accessMode.value(),
                    "ReadOnlyMany for serving: replicas mount the weights read-only, and a read-write bucket claim lets any of them change them"));
        }
        return ClaimTemplate.builder().name(name).mountPath(mountPath).existingClaim(name).accessModes(accessMode).readOnly(true).build();
    }

    /** The pod volume {@code volumeName} of the claim, read-only: for a Job or Pod outside a StatefulAIApp. */
    public Volume podVolume(String volumeName) {
        return Volume.builder().name(volumeName)
                .persistentVolumeClaim(PersistentVolumeClaimVolumeSource.builder().claimName(name).readOnly(true).build()).build();
    }

    /** Annotations every pod that mounts the bucket needs (GKE's FUSE sidecar). */
    public Map<String, String> podAnnotations() {
        return bucket.podAnnotations();
    }

    /** Volumes every pod that mounts the bucket needs besides the claim (the file cache). */
    public List<Volume> podVolumes() {
        return bucket.podVolumes();
    }

    /** What the bucket asks of the pods that mount it: {@link #podAnnotations()} and {@link #podVolumes()}. */
    public PodExtras podExtras() {
        return PodExtras.of(podAnnotations(), podVolumes());
    }

    /** The ServiceAccount the pods run as for their identity, or {@code null} when the driver's identity reads the bucket. */
    public String serviceAccountName() {
        return serviceAccountName;
    }

    /** The claim's name. */
    public String claimName() {
        return name;
    }

    /** The PersistentVolume's name. */
    public String persistentVolumeName() {
        return persistentVolumeName;
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    /** The PersistentVolume (escape hatch). */
    public KubePersistentVolume getPersistentVolume() {
        return persistentVolume.get();
    }

    /** The claim (escape hatch). */
    public KubePersistentVolumeClaim getClaim() {
        return claim.get();
    }

    /** The ServiceAccount, or {@code null} when none is created (escape hatch). */
    public KubeServiceAccount getServiceAccount() {
        return serviceAccount == null ? null : serviceAccount.get();
    }

    @Override
    public String outputName() {
        return name;
    }

    /** {@code kind}, {@code namespace}, {@code bucket}, {@code driver}, {@code claim}, {@code persistentVolume}, {@code accessModes}, {@code serviceAccount}. */
    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = HasOutputs.outputs(CONSTRUCT, namespace);
        out.put("bucket", bucket.displayName());
        out.put("driver", bucket.driver().provisioner());
        out.put("claim", name);
        out.put("persistentVolume", persistentVolumeName);
        out.put("accessModes", List.of(accessMode.value()));
        if (serviceAccountName != null) {
            out.put("serviceAccount", serviceAccountName);
        }
        return new LinkedHashMap<>(out);
    }
}
