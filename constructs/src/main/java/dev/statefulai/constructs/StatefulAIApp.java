package dev.statefulai.constructs;

import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.Chart;
import org.cdk8s.plus28.k8s.Capabilities;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.ContainerPort;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.EnvVar;
import org.cdk8s.plus28.k8s.EnvVarSource;
import org.cdk8s.plus28.k8s.IntOrString;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudget;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudgetProps;
import org.cdk8s.plus28.k8s.KubeService;
import org.cdk8s.plus28.k8s.KubeServiceProps;
import org.cdk8s.plus28.k8s.KubeStatefulSet;
import org.cdk8s.plus28.k8s.KubeStatefulSetProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.LabelSelector;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.PodDisruptionBudgetSpec;
import org.cdk8s.plus28.k8s.PodSecurityContext;
import org.cdk8s.plus28.k8s.PodSpec;
import org.cdk8s.plus28.k8s.PodTemplateSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.SeccompProfile;
import org.cdk8s.plus28.k8s.SecretKeySelector;
import org.cdk8s.plus28.k8s.SecurityContext;
import org.cdk8s.plus28.k8s.ServicePort;
import org.cdk8s.plus28.k8s.ServiceSpec;
import org.cdk8s.plus28.k8s.StatefulSetPersistentVolumeClaimRetentionPolicy;
import org.cdk8s.plus28.k8s.StatefulSetSpec;
import org.cdk8s.plus28.k8s.Toleration;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeDevice;
import org.cdk8s.plus28.k8s.VolumeMount;
import software.constructs.Construct;

/**
 * A stateful AI workload: a StatefulSet whose replicas each get their own volumes from claim
 * templates, the headless Service that gives the replicas stable DNS names (and that Kubernetes 1.28
 * requires as {@code serviceName}), and optionally the StorageClass and pre-provisioned
 * PersistentVolumes behind the claims and a PodDisruptionBudget.
 *
 * <p>Pods run as non-root with {@code fsGroup}, no privilege escalation, all capabilities dropped,
 * the {@code RuntimeDefault} seccomp profile and no API token. GPU pods tolerate the GPU taint.
 *
 * <p>Escape hatches: {@link #getStatefulSet()} and the other getters return the L1 objects, which take
 * JSON patches ({@code addJsonPatch}).
 */
public class StatefulAIApp extends Construct implements HasOutputs {
    private static final String CONSTRUCT = "StatefulAIApp";
    private static final String DEFAULT_NAMESPACE_NOTE = "(namespace of kubectl or the GitOps engine)";

    private final String name;
    private final String namespace;
    private final int replicas;
    private final List<ClaimTemplate> claimTemplates;
    private final KubeStatefulSet statefulSet;
    private final KubeService service;
    private final KubeStorageClass storageClass;
    private final String storageClassName;
    private final List<KubePersistentVolume> persistentVolumes = new ArrayList<>();
    private final List<String> persistentVolumeNames = new ArrayList<>();
    private final KubePodDisruptionBudget podDisruptionBudget;

    public StatefulAIApp(Construct scope, String id, StatefulAIAppProps props) {
        super(scope, id);
        String construct = CONSTRUCT + " '" + (props.name == null ? id : props.name) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name);
        if (name.length() > 52) {
            throw new InvalidPropsException(construct, "name", name,
                    "at most 52 characters: Kubernetes adds an 11-character revision hash to the pods' labels");
        }
        this.namespace = props.namespace != null ? Validate.dnsLabel(construct, "namespace", props.namespace)
                : Chart.of(this).getNamespace();
        Validate.required(construct, "image", props.image, "a container image reference, e.g. vllm/vllm-openai:v0.6.3");
        this.replicas = Validate.atLeast(construct, "replicas", props.replicas, 1);
        this.claimTemplates = Validate.nonEmpty(construct, "claimTemplates", props.claimTemplates,
                "one or more ClaimTemplate: a StatefulAIApp exists to give each replica its own volumes");
        checkUniqueNames(construct, props);
        if (props.sharedMemory != null) {
            Validate.size(construct, "sharedMemory", props.sharedMemory);
        }

        StorageClassSpec ownClass = props.storageClass;
        this.storageClassName = ownClass == null ? null : ownClass.name();
        checkStorage(construct, props, ownClass);

        Map<String, String> labels = Labels.of(name, props.component, props.partOf);
        this.storageClass = ownClass == null ? null : ownClass.addTo(this, "storage-class");
        addPersistentVolumes(construct, props, ownClass, labels);
        this.service = addHeadlessService(props, labels);
        this.statefulSet = addStatefulSet(props, labels);
        this.podDisruptionBudget = props.podDisruptionBudget && replicas > 1 ? addPodDisruptionBudget(construct, props, labels) : null;
    }

    private static void checkUniqueNames(String construct, StatefulAIAppProps props) {
        List<String> seen = new ArrayList<>();
        for (ClaimTemplate t : props.claimTemplates) {
            if (seen.contains(t.name()) || "dshm".equals(t.name())) {
                throw new InvalidPropsException(construct, "claimTemplates[" + seen.size() + "].name", t.name(),
                        "a name used by no other claim template and not 'dshm' (taken by /dev/shm)");
            }
            seen.add(t.name());
        }
    }

    private void checkStorage(String construct, StatefulAIAppProps props, StorageClassSpec ownClass) {
        for (int i = 0; i < claimTemplates.size(); i++) {
            ClaimTemplate t = claimTemplates.get(i);
            if (ownClass != null && classOf(t) != null && classOf(t).equals(ownClass.name())) {
                for (AccessMode mode : t.accessModes()) {
                    if (!ownClass.backend().accessModes().contains(mode)) {
                        throw new InvalidPropsException(construct, "claimTemplates[" + i + "].accessModes", mode.value(),
                                "what " + ownClass.backend().displayName() + " can give: "
                                        + ownClass.backend().accessModes().stream().map(AccessMode::value).sorted().toList());
                    }
                }
            }
        }
        if (props.persistentVolumes.isEmpty()) {
            if (ownClass != null && ownClass.backend().isNodeLocal()) {
                throw new InvalidPropsException(construct, "persistentVolumes", "empty",
                        "one pre-provisioned volume per replica (" + replicas + " or more) for "
                                + ownClass.backend().displayName() + ", which creates no volumes itself");
            }
            return;
        }
        if (ownClass == null) {
            throw new InvalidPropsException(construct, "storageClass", null,
                    "a StorageClass for the pre-provisioned persistentVolumes to belong to");
        }
        for (int i = 0; i < props.persistentVolumes.size(); i++) {
            PreProvisionedVolume v = props.persistentVolumes.get(i);
            if (!v.provisioner().equals(ownClass.backend().provisioner())) {
                throw new InvalidPropsException(construct, "persistentVolumes[" + i + "]", v.handle(),
                        "a volume of the app's StorageClass backend " + ownClass.backend().displayName());
            }
        }
        long users = claimTemplates.stream().filter(t -> ownClass.name().equals(classOf(t))).count();
        if (users == 0) {
            throw new InvalidPropsException(construct, "persistentVolumes", props.persistentVolumes.size() + " volumes",
                    "none, unless a claim template uses the app's StorageClass '" + ownClass.name() + "'");
        }
        if (ownClass.backend().isNodeLocal()
                && props.persistentVolumes.size() < replicas * users) {
            throw new InvalidPropsException(construct, "persistentVolumes", props.persistentVolumes.size() + " volumes",
                    "at least replicas x claim templates on the class = " + (replicas * users)
                            + ": " + ownClass.backend().displayName() + " creates no volumes, so a replica without one stays Pending");
        }
    }

    /** The class a template's claims ask for: its own, else the app's, else none (the cluster default). */
    private String classOf(ClaimTemplate t) {
        return t.storageClassName() != null ? t.storageClassName() : storageClassName;
    }

    private void addPersistentVolumes(String construct, StatefulAIAppProps props, StorageClassSpec ownClass,
                                      Map<String, String> labels) {
        if (props.persistentVolumes.isEmpty()) {
            return;
        }
        ClaimTemplate user = claimTemplates.stream().filter(t -> ownClass.name().equals(classOf(t))).findFirst().orElseThrow();
        ClaimTemplate largest = claimTemplates.stream().filter(t -> ownClass.name().equals(classOf(t)))
                .max(Comparator.comparing((ClaimTemplate t) -> Validate.bytes(t.size()))).orElseThrow();
        String capacity = props.persistentVolumeCapacity == null ? largest.size()
                : Validate.size(construct, "persistentVolumeCapacity", props.persistentVolumeCapacity);
        if (Validate.bytes(capacity).compareTo(Validate.bytes(largest.size())) < 0) {
            throw new InvalidPropsException(construct, "persistentVolumeCapacity", capacity,
                    "at least the largest claim on the class (" + largest.size() + "), or no claim could bind");
        }
        for (int i = 0; i < props.persistentVolumes.size(); i++) {
            PreProvisionedVolume volume = props.persistentVolumes.get(i);
            String pvName = name + "-pv-" + i;
            PersistentVolumeSpec.Builder spec = PersistentVolumeSpec.builder()
                    .capacity(Quantities.map(Map.of("storage", capacity)))
                    .accessModes(user.accessModeValues())
                    .volumeMode(user.volumeMode().value())
                    .persistentVolumeReclaimPolicy(ownClass.reclaimPolicy().value())
                    .storageClassName(ownClass.name());
            volume.applyTo(spec);
            persistentVolumes.add(new KubePersistentVolume(this, "pv-" + i, KubePersistentVolumeProps.builder()
                    .metadata(ObjectMeta.builder().name(pvName).labels(labels).build())
                    .spec(spec.build())
                    .build()));
            persistentVolumeNames.add(pvName);
        }
    }

    private KubeService addHeadlessService(StatefulAIAppProps props, Map<String, String> labels) {
        ServiceSpec.Builder spec = ServiceSpec.builder()
                .clusterIp("None")
                .selector(Labels.selector(name))
                // Peers must find each other while they start (replica sets, raft): publish before ready.
                .publishNotReadyAddresses(true);
        if (!props.ports.isEmpty()) {
            spec.ports(props.ports.stream().map(p -> ServicePort.builder()
                    .name(p.name()).port(p.port()).targetPort(IntOrString.fromString(p.name())).protocol("TCP").build()).toList());
        }
        return new KubeService(this, "service", KubeServiceProps.builder()
                .metadata(meta(name, labels))
                .spec(spec.build())
                .build());
    }

    private KubeStatefulSet addStatefulSet(StatefulAIAppProps props, Map<String, String> labels) {
        List<KubePersistentVolumeClaimProps> templates = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        List<VolumeDevice> devices = new ArrayList<>();
        for (ClaimTemplate t : claimTemplates) {
            PersistentVolumeClaimSpec.Builder claim = PersistentVolumeClaimSpec.builder()
                    .accessModes(t.accessModeValues())
                    .volumeMode(t.volumeMode().value())
                    .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", t.size()))).build());
            if (classOf(t) != null) {
                claim.storageClassName(classOf(t));
            }
            templates.add(KubePersistentVolumeClaimProps.builder()
                    .metadata(ObjectMeta.builder().name(t.name()).labels(Labels.selector(name)).build())
                    .spec(claim.build())
                    .build());
            if (t.volumeMode() == VolumeMode.BLOCK) {
                devices.add(VolumeDevice.builder().name(t.name()).devicePath(t.mountPath()).build());
            } else {
                VolumeMount.Builder mount = VolumeMount.builder().name(t.name()).mountPath(t.mountPath());
                if (t.readOnly()) {
                    mount.readOnly(true);
                }
                if (t.subPath() != null) {
                    mount.subPath(t.subPath());
                }
                mounts.add(mount.build());
            }
        }
        List<Volume> volumes = new ArrayList<>();
        if (props.sharedMemory != null) {
            volumes.add(Volume.builder().name("dshm").emptyDir(EmptyDirVolumeSource.builder()
                    .medium("Memory").sizeLimit(Quantities.of(props.sharedMemory)).build()).build());
            mounts.add(VolumeMount.builder().name("dshm").mountPath("/dev/shm").build());
        }

        StatefulSetSpec.Builder spec = StatefulSetSpec.builder()
                .serviceName(name)
                .replicas(replicas)
                .selector(LabelSelector.builder().matchLabels(Labels.selector(name)).build())
                .podManagementPolicy(props.podManagementPolicy.value())
                .updateStrategy(props.updateStrategy.toSpec())
                .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicy.builder()
                        .whenDeleted(props.claimRetentionWhenDeleted.value())
                        .whenScaled(props.claimRetentionWhenScaled.value())
                        .build())
                .template(PodTemplateSpec.builder()
                        .metadata(ObjectMeta.builder().labels(labels).build())
                        .spec(podSpec(props, mounts, devices, volumes))
                        .build())
                .volumeClaimTemplates(templates);
        return new KubeStatefulSet(this, "statefulset", KubeStatefulSetProps.builder()
                .metadata(meta(name, labels))
                .spec(spec.build())
                .build());
    }

    private PodSpec podSpec(StatefulAIAppProps props, List<VolumeMount> mounts, List<VolumeDevice> devices, List<Volume> volumes) {
        PodSecurity sec = props.security;
        PodSpec.Builder pod = PodSpec.builder()
                .containers(List.of(container(props, mounts, devices)))
                .securityContext(PodSecurityContext.builder()
                        .runAsNonRoot(true)
                        .runAsUser(sec.runAsUser())
                        .runAsGroup(sec.runAsGroup())
                        .fsGroup(sec.fsGroup())
                        .fsGroupChangePolicy(sec.fsGroupChangePolicy())
                        .seccompProfile(SeccompProfile.builder().type("RuntimeDefault").build())
                        .build())
                .enableServiceLinks(false);
        if (props.serviceAccountName != null) {
            pod.serviceAccountName(Validate.dnsSubdomain(CONSTRUCT + " '" + name + "'", "serviceAccountName", props.serviceAccountName));
        } else {
            pod.automountServiceAccountToken(false);
        }
        if (!volumes.isEmpty()) {
            pod.volumes(volumes);
        }
        if (!props.nodeSelector.isEmpty()) {
            pod.nodeSelector(props.nodeSelector);
        }
        if (props.resources.gpuCount() > 0) {
            // GPU node pools are tainted with the GPU resource name so that only GPU pods land there.
            pod.tolerations(List.of(Toleration.builder().key(props.resources.gpuResource()).operator("Exists").effect("NoSchedule").build()));
        }
        if (props.runtimeClassName != null) {
            pod.runtimeClassName(props.runtimeClassName);
        }
        if (props.priorityClassName != null) {
            pod.priorityClassName(props.priorityClassName);
        }
        if (props.terminationGracePeriodSeconds != null) {
            pod.terminationGracePeriodSeconds(props.terminationGracePeriodSeconds);
        }
        return pod.build();
    }

    private Container container(StatefulAIAppProps props, List<VolumeMount> mounts, List<VolumeDevice> devices) {
        Resources res = props.resources;
        Container.Builder c = Container.builder()
                .name(name)
                .image(props.image)
                .resources(ResourceRequirements.builder()
                        .requests(Quantities.map(res.requests()))
                        .limits(Quantities.map(res.limits()))
                        .build())
                .securityContext(SecurityContext.builder()
                        .allowPrivilegeEscalation(false)
                        .runAsNonRoot(true)
                        .capabilities(Capabilities.builder().drop(List.of("ALL")).build())
                        .build());
        if (!props.command.isEmpty()) {
            c.command(props.command);
        }
        if (!props.args.isEmpty()) {
            c.args(props.args);
        }
        List<EnvVar> env = new ArrayList<>();
        props.env.forEach((k, v) -> env.add(EnvVar.builder().name(k).value(v).build()));
        for (SecretEnv s : props.secretEnv) {
            env.add(EnvVar.builder().name(s.name()).valueFrom(EnvVarSource.builder()
                    .secretKeyRef(SecretKeySelector.builder().name(s.secret()).key(s.key()).build()).build()).build());
        }
        if (!env.isEmpty()) {
            c.env(env);
        }
        if (!props.ports.isEmpty()) {
            c.ports(props.ports.stream().map(p -> ContainerPort.builder().name(p.name()).containerPort(p.port()).protocol("TCP").build()).toList());
        }
        if (!mounts.isEmpty()) {
            c.volumeMounts(mounts);
        }
        if (!devices.isEmpty()) {
            c.volumeDevices(devices);
        }
        if (props.startupProbe != null) {
            c.startupProbe(props.startupProbe.toProbe());
        }
        if (props.readinessProbe != null) {
            c.readinessProbe(props.readinessProbe.toProbe());
        }
        if (props.livenessProbe != null) {
            c.livenessProbe(props.livenessProbe.toProbe());
        }
        return c.build();
    }

    private KubePodDisruptionBudget addPodDisruptionBudget(String construct, StatefulAIAppProps props, Map<String, String> labels) {
        int maxUnavailable = props.pdbMaxUnavailable == null ? 1 : props.pdbMaxUnavailable;
        if (maxUnavailable < 1 || maxUnavailable >= replicas) {
            throw new InvalidPropsException(construct, "podDisruptionBudgetMaxUnavailable", maxUnavailable,
                    "from 1 to replicas - 1 (" + (replicas - 1) + "): 0 blocks every node drain, replicas allows losing all");
        }
        return new KubePodDisruptionBudget(this, "pdb", KubePodDisruptionBudgetProps.builder()
                .metadata(meta(name, labels))
                .spec(PodDisruptionBudgetSpec.builder()
                        .maxUnavailable(IntOrString.fromNumber(maxUnavailable))
                        .selector(LabelSelector.builder().matchLabels(Labels.selector(name)).build())
                        // Lets a drain evict a pod that is crash-looping instead of waiting on it forever.
                        .unhealthyPodEvictionPolicy("AlwaysAllow")
                        .build())
                .build());
    }

    private ObjectMeta meta(String objectName, Map<String, String> labels) {
        ObjectMeta.Builder m = ObjectMeta.builder().name(objectName).labels(labels);
        if (namespace != null) {
            m.namespace(namespace);
        }
        return m.build();
    }

    /** The StatefulSet (escape hatch). */
    public KubeStatefulSet getStatefulSet() {
        return statefulSet;
    }

    /** The headless Service (escape hatch). */
    public KubeService getService() {
        return service;
    }

    /** The app's own StorageClass, or {@code null}. */
    public KubeStorageClass getStorageClass() {
        return storageClass;
    }

    /** The pre-provisioned PersistentVolumes, in the order given. */
    public List<KubePersistentVolume> getPersistentVolumes() {
        return Collections.unmodifiableList(persistentVolumes);
    }

    /** The PodDisruptionBudget, or {@code null} when there is none. */
    public KubePodDisruptionBudget getPodDisruptionBudget() {
        return podDisruptionBudget;
    }

    /** The StatefulSet's name. */
    public String getName() {
        return name;
    }

    /** The names of the claims Kubernetes creates, per template: {@code <template>-<name>-<ordinal>}. */
    public Map<String, List<String>> getClaimNames() {
        Map<String, List<String>> claims = new TreeMap<>();
        for (ClaimTemplate t : claimTemplates) {
            List<String> perReplica = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                perReplica.add(t.name() + "-" + name + "-" + i);
            }
            claims.put(t.name(), perReplica);
        }
        return claims;
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", CONSTRUCT);
        out.put("namespace", namespace == null ? DEFAULT_NAMESPACE_NOTE : namespace);
        out.put("statefulSet", name);
        out.put("service", name);
        out.put("replicas", replicas);
        out.put("claims", getClaimNames());
        if (storageClassName != null) {
            out.put("storageClass", storageClassName);
        }
        if (!persistentVolumeNames.isEmpty()) {
            out.put("persistentVolumes", List.copyOf(persistentVolumeNames));
        }
        if (podDisruptionBudget != null) {
            out.put("podDisruptionBudget", name);
        }
        return out;
    }
}
