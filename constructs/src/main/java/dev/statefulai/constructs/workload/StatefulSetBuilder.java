package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.imagevolume.ImageVolume;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.AvailabilityProps;
import dev.statefulai.constructs.pod.ContainerRuntime;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.pod.ZoneSpread;
import dev.statefulai.constructs.render.NewerFields;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.runtime.RuntimePlan;
import dev.statefulai.constructs.workload.AppPlan.PlannedClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Capabilities;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubeStatefulSetProps;
import org.cdk8s.plus28.k8s.LabelSelector;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PodSpec;
import org.cdk8s.plus28.k8s.PodTemplateSpec;
import org.cdk8s.plus28.k8s.SecurityContext;
import org.cdk8s.plus28.k8s.StatefulSetPersistentVolumeClaimRetentionPolicy;
import org.cdk8s.plus28.k8s.StatefulSetSpec;
import org.cdk8s.plus28.k8s.Toleration;
import org.cdk8s.plus28.k8s.TopologySpreadConstraint;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeDevice;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * The StatefulSet of an {@link AppPlan}: its claim templates, and a pod of the app's container with a
 * mount or device per claim, {@code /dev/shm}, scratch volumes, the optional chown and cache-fill init
 * containers, and the pod-level security and scheduling. It refuses nothing: the plan was checked.
 */
final class StatefulSetBuilder {
    /** The waiver of the non-root policy that {@code chownVolumes} puts on the StatefulSet. */
    static final String CHOWN_WAIVER = "ai-storage.dev/waive-POL003";

    private final AppPlan plan;
    private final List<KubePersistentVolumeClaimProps> claimTemplates = new ArrayList<>();
    private final List<VolumeMount> mounts = new ArrayList<>();
    private final List<VolumeDevice> devices = new ArrayList<>();
    private final List<Volume> volumes = new ArrayList<>();
    /** The writable file-system mounts by template, without {@code readOnly}: what chown and the fill write. */
    private final Map<String, VolumeMount> writable = new LinkedHashMap<>();

    private StatefulSetBuilder(AppPlan plan) {
        this.plan = plan;
    }

    /** The StatefulSet's props. */
    static KubeStatefulSetProps of(AppPlan plan) {
        return new StatefulSetBuilder(plan).build();
    }

    /**
     * The fields newer than cdk8s-plus-28's structs, at their place in the StatefulSet {@code built} of {@code plan}:
     * the claim templates' volume attributes classes and the image volumes' sources.
     */
    static NewerFields newerFields(AppPlan plan, KubeStatefulSetProps built) {
        List<Volume> podVolumes = built.getSpec().getTemplate().getSpec().getVolumes();
        return ImageVolume.newerFields(newerFields(plan), "/spec/template/spec/volumes", podVolumes == null ? List.of() : podVolumes,
                plan.props().storage().imageVolumes());
    }

    /** The claim templates' fields newer than cdk8s-plus-28's structs, at their place in the StatefulSet. */
    private static NewerFields newerFields(AppPlan plan) {
        NewerFields fields = NewerFields.none();
        int index = 0;
        for (PlannedClaim c : plan.claims()) {
            if (c.sharedClaim() == null) {
                String at = "/spec/volumeClaimTemplates/" + index++ + "/spec/volumeAttributesClassName";
                fields = fields.with(at, c.template().claim().volumeAttributesClassName());
            }
        }
        return fields;
    }

    private KubeStatefulSetProps build() {
        plan.claims().forEach(this::addClaim);
        if (plan.sharedMemory() != null) {
            volumes.add(Volume.builder().name("dshm").emptyDir(EmptyDirVolumeSource.builder()
                    .medium("Memory").sizeLimit(Quantities.of(plan.sharedMemory())).build()).build());
            mounts.add(VolumeMount.builder().name("dshm").mountPath("/dev/shm").build());
        }
        RuntimePlan runtime = plan.runtime();
        volumes.addAll(runtime.scratch().podVolumes(plan.labels()));
        List<Container> initContainers = new ArrayList<>();
        StorageProps storage = plan.props().storage();
        if (storage.chownVolumes()) {
            initContainers.add(chownContainer());
        }
        CacheFill fill = storage.cacheFill();
        if (fill != null) {
            PlannedClaim target = plan.claim(fill.into());
            String path = target.template().mountPath();
            writable.putIfAbsent(fill.into(), VolumeMount.builder().name(fill.into()).mountPath(path).build());
            initContainers.add(fill.toContainer(fill.into(), path, writable.get(fill.into()), target.sharedClaim() != null, runtime.init(fill.image())));
            volumes.addAll(fill.podVolumes());
        }
        volumes.addAll(plan.props().extras().volumes());
        for (ImageVolume image : storage.imageVolumes()) {
            volumes.add(image.volume());
            mounts.add(image.mount());
        }
        AvailabilityProps availability = plan.props().availability();
        StatefulSetSpec.Builder spec = StatefulSetSpec.builder()
                .serviceName(plan.name())
                .replicas(plan.replicas())
                .selector(LabelSelector.builder().matchLabels(Labels.selector(plan.name())).build())
                .podManagementPolicy(availability.podManagementPolicy().value())
                .updateStrategy(availability.updateStrategy().toSpec())
                .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicy.builder()
                        .whenDeleted(storage.claimRetentionWhenDeleted().value())
                        .whenScaled(storage.claimRetentionWhenScaled().value())
                        .build())
                .template(PodTemplateSpec.builder()
                        .metadata(ObjectMeta.builder().labels(plan.labels()).annotations(plan.props().extras().podAnnotationsOrNull()).build())
                        .spec(podSpec(initContainers))
                        .build());
        if (!claimTemplates.isEmpty()) {
            spec.volumeClaimTemplates(claimTemplates);
        }
        ObjectMeta.Builder metadata = ObjectMeta.builder().name(plan.name()).labels(plan.labels());
        if (plan.namespace() != null) {
            metadata.namespace(plan.namespace());
        }
        Map<String, String> annotations = new TreeMap<>(runtime.waivers());
        annotations.putAll(plan.props().extras().annotations());
        if (storage.chownVolumes()) {
            annotations.put(CHOWN_WAIVER, "init container chown-volumes runs as root with only CAP_CHOWN to give "
                    + "volumes whose backend ignores fsGroup to the app's user (chownVolumes)");
        }
        if (!annotations.isEmpty()) {
            metadata.annotations(annotations);
        }
        return KubeStatefulSetProps.builder().metadata(metadata.build()).spec(spec.build()).build();
    }

    /** A claim template, or the pod volume of a shared claim, and the container's mount or device. */
    private void addClaim(PlannedClaim c) {
        ClaimTemplate t = c.template();
        if (c.sharedClaim() != null) {
            // Every replica mounts one claim; only a fill writes it (a ReadOnlyMany claim is never written).
            PersistentVolumeClaimVolumeSource.Builder source = PersistentVolumeClaimVolumeSource.builder().claimName(c.sharedClaim());
            if (!t.name().equals(plan.filled())) {
                source.readOnly(true);
            }
            volumes.add(Volume.builder().name(t.name()).persistentVolumeClaim(source.build()).build());
        } else {
            claimTemplates.add(KubePersistentVolumeClaimProps.builder()
                    .metadata(t.claim().metadata(t.name(), Labels.selector(plan.name()), null))
                    .spec(t.claim().toSpec(t.claim().size(), c.storageClassName()).build())
                    .build());
        }
        if (t.claim().volumeMode() == VolumeMode.BLOCK) {
            devices.add(VolumeDevice.builder().name(t.name()).devicePath(t.mountPath()).build());
            return;
        }
        VolumeMount.Builder mount = VolumeMount.builder().name(t.name()).mountPath(t.mountPath()).subPath(t.subPath());
        if (t.readOnly() || t.isShared()) {
            mount.readOnly(true);
        }
        mounts.add(mount.build());
        if (plan.writable(t)) {
            writable.put(t.name(), VolumeMount.builder().name(t.name()).mountPath(t.mountPath()).subPath(t.subPath()).build());
        }
    }

    /** The opt-in root init container that chowns the writable claim volumes whose root is not the app's user's. */
    private Container chownContainer() {
        PodSecurity security = plan.props().security();
        String owner = security.runAsUser() + ":" + security.fsGroup();
        String script = "set -eu\n"
                + "for d in \"$@\"; do\n"
                + "  if [ \"$(stat -c %u:%g \"$d\")\" != " + owner + " ]; then echo \"chown -R " + owner + " $d\"; chown -R " + owner + " \"$d\"; fi\n"
                + "done\n";
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "chown-volumes"));
        writable.values().forEach(m -> command.add(m.getMountPath()));
        String image = plan.props().storage().chownImage();
        ContainerRuntime runtime = plan.runtime().initWithoutScratch(image);
        return Container.builder()
                .name("chown-volumes")
                .image(image)
                .imagePullPolicy(runtime.imagePullPolicy().value())
                .command(command)
                .resources(runtime.resources(Map.of("cpu", "100m", "memory", "64Mi"), Map.of("memory", "64Mi")))
                .securityContext(SecurityContext.builder()
                        .runAsUser(0)
                        .runAsGroup(0)
                        .runAsNonRoot(false)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .capabilities(Capabilities.builder().drop(List.of("ALL")).add(List.of("CHOWN")).build())
                        .build())
                .volumeMounts(List.copyOf(writable.values()))
                .build();
    }

    private PodSpec podSpec(List<Container> initContainers) {
        StatefulAIAppProps props = plan.props();
        PodSpec.Builder pod = PodSpec.builder()
                .containers(List.of(container()))
                .securityContext(props.security().toPodContext())
                .enableServiceLinks(false);
        if (props.serviceAccountName() != null) {
            pod.serviceAccountName(props.serviceAccountName());
        } else {
            pod.automountServiceAccountToken(false);
        }
        if (!initContainers.isEmpty()) {
            pod.initContainers(initContainers);
        }
        if (!volumes.isEmpty()) {
            pod.volumes(volumes);
        }
        if (!plan.nodeSelector().isEmpty()) {
            pod.nodeSelector(plan.nodeSelector());
        }
        Resources resources = props.container().resources();
        if (resources.gpus() > 0) {
            // GPU node pools are tainted with the GPU resource name (nvidia.com/gpu for MIG slices too) so that only GPU pods land there.
            pod.tolerations(List.of(Toleration.builder().key(resources.gpuTaintKey()).operator("Exists").effect("NoSchedule").build()));
        }
        SchedulingProps scheduling = props.scheduling();
        if (plan.replicas() > 1) {
            pod.affinity(scheduling.nodeSpread().affinity(Labels.selector(plan.name())));
        }
        if (scheduling.zoneSpread() != null && scheduling.zoneSpread() != ZoneSpread.NONE && plan.replicas() > 1) {
            pod.topologySpreadConstraints(List.of(TopologySpreadConstraint.builder()
                    .maxSkew(1)
                    .topologyKey(ZoneSpread.ZONE_KEY)
                    .whenUnsatisfiable(scheduling.zoneSpread().whenUnsatisfiable())
                    .labelSelector(LabelSelector.builder().matchLabels(Labels.selector(plan.name())).build())
                    .build()));
        }
        pod.runtimeClassName(scheduling.runtimeClassName())
                .priorityClassName(scheduling.priorityClassName())
                .terminationGracePeriodSeconds(props.availability().terminationGracePeriodSeconds());
        return pod.build();
    }

    private Container container() {
        StatefulAIAppProps props = plan.props();
        return props.container().toContainer(plan.name(), props.image(), plan.env(), mounts, devices, props.storage().cacheFill() != null,
                plan.runtime().main(props.image()));
    }
}
