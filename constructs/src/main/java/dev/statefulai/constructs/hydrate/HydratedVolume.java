package dev.statefulai.constructs.hydrate;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.Namespace;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.hydrate.HydratedVolumeProps.Stage;
import dev.statefulai.constructs.pod.ContainerRuntime;
import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.scratch.ScratchSpace;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.storage.snapshot.VolumeSnapshot;
import dev.statefulai.constructs.storage.snapshot.VolumeSnapshotProps;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.JobSpec;
import org.cdk8s.plus28.k8s.KubeJob;
import org.cdk8s.plus28.k8s.KubeJobProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PodSpec;
import org.cdk8s.plus28.k8s.PodTemplateSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.TypedLocalObjectReference;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeMount;
import software.constructs.Construct;

/**
 * Model weights hydrated once and served read-only everywhere, the pattern GKE documents for Hyperdisk ML:
 * a Job ({@code <name>-fill}) writes the weights to a read-write claim ({@code <name>-fill}), a
 * {@code VolumeSnapshot} ({@code <name>-snapshot}) captures it, and the serving claim ({@code <name>}) is
 * {@code ReadOnlyMany}, restored from that snapshot, so every replica in every zone mounts the same disk
 * read-only ({@link #servingClaimTemplate(String)}): no replica downloads, none can change the weights, and
 * a restart loads from a disk made for read throughput.
 *
 * <p>It works for any driver the storage-driver catalog marks as restoring a snapshot as a ReadOnlyMany
 * volume ({@code StorageDriver.readOnlyManyFromSnapshots()}: GCE PD, Ceph RBD); with Hyperdisk ML and
 * {@code enable-multi-zone-provisioning} the serving claim gets one disk per zone. The driver refuses a
 * multi-zone class for the read-write fill claim ({@code validateMultiZoneProvisioning}), so the fill claim
 * then needs a class of its own.
 *
 * <p>The rollout is two commits, {@link Stage#FILL} then {@link Stage#SERVE}: nothing in Kubernetes makes a
 * snapshot wait for a Job, and a snapshot taken while the Job writes holds half the weights. Between them,
 * {@code kubectl wait --for=condition=complete job/<name>-fill}. A Job's pod template cannot change: new
 * weights are a new hydrated volume (a new name), which the app then mounts.
 */
public class HydratedVolume extends RecordableConstruct implements HasOutputs {
    static final String CONSTRUCT = "HydratedVolume";
    /** Where the fill Job's container mounts the fill claim. */
    public static final String FILL_PATH = "/fill";

    private final String name;
    private final String namespace;
    private final Stage stage;
    private final List<String> classNames = new ArrayList<>();
    private final KubeObject<KubeJob, KubeJobProps> job;
    private final List<KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps>> claims = new ArrayList<>();

    public HydratedVolume(Construct scope, String id, HydratedVolumeProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = CONSTRUCT + " '" + (props.name() == null ? id : props.name()) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name());
        String size = Validate.size(construct, "size", props.size());
        this.stage = Validate.required(construct, "stage", props.stage(), "FILL or SERVE");
        StorageClassSpec serving = Validate.required(construct, "servingClass", props.servingClass(),
                "a StorageClassSpec whose driver restores a snapshot as a ReadOnlyMany volume, such as a HyperdiskMl class");
        StorageClassSpec fillClass = props.fillClass() != null ? props.fillClass() : serving;
        checkClasses(construct, serving, fillClass, props.fillClass() == null);
        CacheFill fill = Validate.required(construct, "fill", props.fill(), "a CacheFill into '" + name + "'");
        if (!name.equals(fill.into())) {
            Refusals.refuse(new InvalidPropsException(construct, "fill.into", fill.into(), "'" + name + "', the volume it fills"));
        }
        if (props.serviceAccountName() != null) {
            Validate.dnsSubdomain(construct, "serviceAccountName", props.serviceAccountName());
        }
        props.extras().check(construct, "extras.", List.of(name, CacheFill.SOURCE_VOLUME));
        this.namespace = Namespace.resolve(construct, props.namespace(), () -> Recording.chartNamespaceOf(this), false);
        Map<String, String> labels = Labels.of(name, "model-weights", props.partOf());

        fillClass.addTo(this, "fill-class");
        classNames.add(fillClass.name());
        if (!serving.name().equals(fillClass.name())) {
            serving.addTo(this, "serving-class");
            classNames.add(serving.name());
        }
        String fillClaim = name + "-fill";
        claims.add(claim("fill-claim", fillClaim, labels, AccessMode.READ_WRITE_ONCE, fillClass.name(), size, null));
        this.job = KubeObject.define(this, "fill-job", KubeJobProps.builder()
                .metadata(meta(fillClaim, labels, props.extras().annotations()))
                .spec(JobSpec.builder()
                        .backoffLimit(4)
                        .template(PodTemplateSpec.builder()
                                .metadata(ObjectMeta.builder().labels(labels).annotations(props.extras().podAnnotationsOrNull()).build())
                                .spec(fillPod(props, fill, fillClaim))
                                .build())
                        .build())
                .build(), KubeJob::new);
        if (stage == Stage.SERVE) {
            VolumeSnapshotProps.Builder snapshot = VolumeSnapshotProps.builder().name(snapshotName()).claimName(fillClaim).labels(labels)
                    .snapshotClassName(props.snapshotClassName());
            if (namespace != null) {
                snapshot.namespace(namespace);
            }
            new VolumeSnapshot(this, "snapshot", snapshot.build());
            claims.add(claim("serving-claim", name, labels, AccessMode.READ_ONLY_MANY, serving.name(), size,
                    TypedLocalObjectReference.builder().apiGroup("snapshot.storage.k8s.io").kind("VolumeSnapshot").name(snapshotName()).build()));
        }
    }

    /** The serving class restores read-only many; the fill class writes, on the same driver, one disk. */
    private static void checkClasses(String construct, StorageClassSpec serving, StorageClassSpec fill, boolean fillDefaulted) {
        StorageDriver driver = serving.backend().driver();
        if (!driver.readOnlyManyFromSnapshots()) {
            Refusals.refuse(new InvalidPropsException(construct, "servingClass", serving.backend().displayName(),
                    "a class whose driver restores a snapshot as a ReadOnlyMany volume (the catalog's: " + DriverCatalog.all().stream()
                            .filter(StorageDriver::readOnlyManyFromSnapshots).map(StorageDriver::name).toList() + ")"));
        }
        StorageBackend fillBackend = fill.backend();
        if (fillBackend.driver() != driver) {
            Refusals.refuse(new InvalidPropsException(construct, "fillClass", fillBackend.displayName(),
                    "a class of " + driver.name() + " (" + driver.provisioner() + "), whose snapshots the serving class restores"));
        }
        if ("true".equals(fillBackend.parameters().get(GcpDrivers.MULTI_ZONE_PARAMETER))) {
            Refusals.refuse(new InvalidPropsException(construct, fillDefaulted ? "fillClass" : "fillClass.backend",
                    fillDefaulted ? null : fillBackend.displayName(), "a class without " + GcpDrivers.MULTI_ZONE_PARAMETER
                            + " for the read-write fill claim: the driver makes multi-zone disks only read-only from a snapshot"));
        }
        if (!fillBackend.provisionsVolumes() || !fillBackend.accessModes().contains(AccessMode.READ_WRITE_ONCE)) {
            Refusals.refuse(new InvalidPropsException(construct, "fillClass", fillBackend.displayName(),
                    "a class that creates ReadWriteOnce volumes for the fill claim"));
        }
    }

    private PodSpec fillPod(HydratedVolumeProps props, CacheFill fill, String fillClaim) {
        VolumeMount target = VolumeMount.builder().name(name).mountPath(FILL_PATH).build();
        List<Volume> volumes = new ArrayList<>(List.of(Volume.builder().name(name)
                .persistentVolumeClaim(PersistentVolumeClaimVolumeSource.builder().claimName(fillClaim).build()).build()));
        volumes.addAll(fill.podVolumes());
        volumes.addAll(props.extras().volumes());
        // A read-only root file system with the same bounded /tmp a StatefulSet's fill init container gets.
        ScratchVolume tmp = ScratchSpace.DEFAULT_TMP;
        volumes.add(tmp.toVolume(Map.of()));
        ContainerRuntime runtime = new ContainerRuntime(true, ImagePullPolicy.forImage(fill.image()),
                ScratchSpace.ephemeralStorage(List.of(tmp)), List.of(tmp.toMount()));
        PodSecurity security = props.security();
        PodSpec.Builder pod = PodSpec.builder()
                .restartPolicy("Never")
                .containers(List.of(fill.toContainer(name, FILL_PATH, target, false, runtime)))
                .securityContext(security.toPodContext())
                .volumes(volumes)
                .enableServiceLinks(false);
        if (props.serviceAccountName() != null) {
            pod.serviceAccountName(props.serviceAccountName());
        } else {
            pod.automountServiceAccountToken(false);
        }
        return pod.build();
    }

    private KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps> claim(String id, String claimName,
            Map<String, String> labels, AccessMode mode, String className, String size, TypedLocalObjectReference dataSource) {
        PersistentVolumeClaimSpec.Builder spec = PersistentVolumeClaimSpec.builder()
                .accessModes(List.of(mode.value()))
                .volumeMode(VolumeMode.FILESYSTEM.value())
                .storageClassName(className)
                .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", size))).build());
        if (dataSource != null) {
            spec.dataSource(dataSource);
        }
        return KubeObject.define(this, id, KubePersistentVolumeClaimProps.builder().metadata(meta(claimName, labels, Map.of())).spec(spec.build()).build(),
                KubePersistentVolumeClaim::new);
    }

    private ObjectMeta meta(String objectName, Map<String, String> labels, Map<String, String> annotations) {
        ObjectMeta.Builder meta = ObjectMeta.builder().name(objectName).labels(labels).annotations(annotations.isEmpty() ? null : annotations);
        if (namespace != null) {
            meta.namespace(namespace);
        }
        return meta.build();
    }

    /**
     * The serving claim as a StatefulAIApp's shared claim template: {@code ReadOnlyMany}, mounted read-only at
     * {@code mountPath} by every replica. In stage {@link Stage#FILL} the claim does not exist yet, and the replicas
     * wait for it.
     */
    public ClaimTemplate servingClaimTemplate(String mountPath) {
        return ClaimTemplate.builder().name(name).mountPath(mountPath).existingClaim(name).accessModes(AccessMode.READ_ONLY_MANY)
                .readOnly(true).build();
    }

    /** The serving claim's name. */
    public String claimName() {
        return name;
    }

    /** The snapshot's name, {@code <name>-snapshot}. */
    public String snapshotName() {
        return name + "-snapshot";
    }

    /** The stage of the rollout. */
    public Stage stage() {
        return stage;
    }

    /** The fill Job (escape hatch). */
    public KubeJob getJob() {
        return job.get();
    }

    /** The claims: the fill claim, then (stage SERVE) the serving claim (escape hatch). */
    public List<KubePersistentVolumeClaim> getClaims() {
        return claims.stream().map(KubeObject::get).toList();
    }

    @Override
    public String outputName() {
        return name;
    }

    /** {@code kind}, {@code namespace}, {@code stage}, {@code storageClasses}, {@code claims} (the fill claim, with SERVE the serving claim), {@code fillJob}, and with SERVE {@code snapshot}. */
    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>(HasOutputs.outputs(CONSTRUCT, namespace));
        out.put("stage", stage.name());
        out.put("storageClasses", List.copyOf(classNames));
        out.put("claims", stage == Stage.SERVE ? List.of(name + "-fill", name) : List.of(name + "-fill"));
        out.put("fillJob", name + "-fill");
        if (stage == Stage.SERVE) {
            out.put("snapshot", snapshotName());
        }
        return out;
    }
}
