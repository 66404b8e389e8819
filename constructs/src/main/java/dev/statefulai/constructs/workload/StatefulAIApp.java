package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.ContainerEnv;
import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.ZoneSpread;
import dev.statefulai.constructs.render.IntOrStrings;
import dev.statefulai.constructs.render.KubeKind;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Capabilities;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.ContainerPort;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.EnvVar;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudget;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudgetProps;
import org.cdk8s.plus28.k8s.KubeService;
import org.cdk8s.plus28.k8s.KubeServiceProps;
import org.cdk8s.plus28.k8s.KubeStatefulSet;
import org.cdk8s.plus28.k8s.KubeStatefulSetProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.LabelSelector;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.PodDisruptionBudgetSpec;
import org.cdk8s.plus28.k8s.PodSecurityContext;
import org.cdk8s.plus28.k8s.PodSpec;
import org.cdk8s.plus28.k8s.PodTemplateSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.SeccompProfile;
import org.cdk8s.plus28.k8s.SecurityContext;
import org.cdk8s.plus28.k8s.ServicePort;
import org.cdk8s.plus28.k8s.ServiceSpec;
import org.cdk8s.plus28.k8s.StatefulSetPersistentVolumeClaimRetentionPolicy;
import org.cdk8s.plus28.k8s.StatefulSetSpec;
import org.cdk8s.plus28.k8s.Toleration;
import org.cdk8s.plus28.k8s.TopologySpreadConstraint;
import org.cdk8s.plus28.k8s.TypedLocalObjectReference;
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
 * the {@code RuntimeDefault} seccomp profile and no API token. GPU pods tolerate the GPU taint. The
 * one exception, opt-in, is the {@code chownVolumes} init container (see {@link StatefulAIAppProps.Builder#chownVolumes}).
 *
 * <p>Claim templates give each replica its own claim, or one claim that every replica mounts read-only
 * ({@link ClaimTemplate.Builder#shared}, {@link ClaimTemplate.Builder#existingClaim}). A {@link CacheFill}
 * fills a claim before the server starts; {@link ModelProbes} size the startup probe to the model;
 * {@link StatefulAIAppProps.Builder#growClaimsTo} grows the replicas' claims, which the StatefulSet's
 * templates cannot do.
 *
 * <p>Escape hatches: {@link #getStatefulSet()} and the other getters return the L1 objects, which take
 * JSON patches ({@code addJsonPatch}).
 */
public class StatefulAIApp extends RecordableConstruct implements HasOutputs {
    private static final String CONSTRUCT = "StatefulAIApp";
    private static final String DEFAULT_NAMESPACE_NOTE = "(namespace of kubectl or the GitOps engine)";
    /** The largest automatic {@code /dev/shm}: NCCL and data loaders rarely need more, and it counts against memory. */
    public static final String DEFAULT_SHARED_MEMORY_CAP = "16Gi";
    /** The topology key replicas spread over with {@link ZoneSpread}. */
    public static final String ZONE_KEY = "topology.kubernetes.io/zone";
    /** The waiver of the non-root policy that {@code chownVolumes} puts on the StatefulSet. */
    static final String CHOWN_WAIVER = "ai-storage.dev/waive-POL003";

    private final String name;
    private final String namespace;
    private final int replicas;
    private final List<ClaimTemplate> claimTemplates;
    private final KubeObject<KubeStatefulSet, KubeStatefulSetProps> statefulSet;
    private final KubeObject<KubeService, KubeServiceProps> service;
    private final KubeObject<KubeStorageClass, KubeStorageClassProps> storageClass;
    private final String storageClassName;
    private final List<KubeObject<KubePersistentVolume, KubePersistentVolumeProps>> persistentVolumes = new ArrayList<>();
    private final List<String> persistentVolumeNames = new ArrayList<>();
    private final KubeObject<KubePodDisruptionBudget, KubePodDisruptionBudgetProps> podDisruptionBudget;
    private final String sharedMemory;
    private final List<KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps>> claims = new ArrayList<>();
    private final Map<String, String> grownClaims = new TreeMap<>();

    public StatefulAIApp(Construct scope, String id, StatefulAIAppProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = CONSTRUCT + " '" + (props.name == null ? id : props.name) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name);
        if (name.length() > 52) {
            Refusals.refuse(new InvalidPropsException(construct, "name", name,
                    "at most 52 characters: Kubernetes adds an 11-character revision hash to the pods' labels"));
        }
        this.namespace = props.namespace != null ? Validate.dnsLabel(construct, "namespace", props.namespace)
                : Recording.chartNamespaceOf(this);
        Validate.required(construct, "image", props.image, "a container image reference, e.g. vllm/vllm-openai:v0.6.3");
        this.replicas = Validate.atLeast(construct, "replicas", props.replicas, 1);
        this.claimTemplates = Validate.nonEmpty(construct, "claimTemplates", props.claimTemplates,
                "one or more ClaimTemplate: a StatefulAIApp exists to give each replica its own volumes");
        checkUniqueNames(construct, props);
        checkSharedClaims(construct);
        this.sharedMemory = sharedMemory(construct, props);
        checkGpu(construct, props);
        checkProbesAndFill(construct, props);

        StorageClassSpec ownClass = props.storageClass;
        this.storageClassName = ownClass == null ? null : ownClass.name();
        checkStorage(construct, props, ownClass);

        Map<String, String> labels = Labels.of(name, props.component, props.partOf);
        this.storageClass = ownClass == null ? null : ownClass.addTo(this, "storage-class");
        addPersistentVolumes(construct, props, ownClass, labels);
        addSharedClaims(labels);
        this.service = addHeadlessService(props, labels);
        this.statefulSet = addStatefulSet(props, labels);
        // With one replica there is no budget (it would block every node drain), so its maxUnavailable is ignored.
        this.podDisruptionBudget = props.podDisruptionBudget && replicas > 1 ? addPodDisruptionBudget(construct, props, labels) : null;
        addGrownClaims(construct, props, ownClass);
    }

    /** A claim every replica mounts must attach to several nodes; a per-replica claim cannot name one volume. */
    private void checkSharedClaims(String construct) {
        for (int i = 0; i < claimTemplates.size(); i++) {
            ClaimTemplate t = claimTemplates.get(i);
            if (t.isShared() && replicas > 1 && t.isSingleNode()) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "].accessModes", t.accessModeValues().toString(),
                        "ReadWriteMany or ReadOnlyMany for a claim that " + replicas + " replicas share: a ReadWriteOnce volume "
                                + "attaches to one node, and replicas on other nodes fail with a Multi-Attach error; or give each "
                                + "replica its own claim (neither shared nor existingClaim)"));
            }
            if (!t.isShared() && t.volumeName() != null && replicas > 1) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "].volumeName", t.volumeName(),
                        "none on a per-replica template of " + replicas + " replicas: one PersistentVolume binds one claim, so "
                                + "the other replicas stay Pending; use selector, or a shared claim"));
            }
        }
    }

    /** The {@code /dev/shm} size: the one given (at most the memory limit), else half the memory request up to 16Gi with 2+ GPUs. */
    private static String sharedMemory(String construct, StatefulAIAppProps props) {
        Resources res = props.resources;
        if (props.sharedMemory != null) {
            Validate.size(construct, "sharedMemory", props.sharedMemory);
            if (Validate.bytes(props.sharedMemory).compareTo(Validate.bytes(res.memoryLimit())) > 0) {
                Refusals.refuse(new InvalidPropsException(construct, "sharedMemory", props.sharedMemory,
                        "at most the memory limit " + res.memoryLimit() + ": the pages of /dev/shm count against it, and a "
                                + "full /dev/shm above it gets the pod OOM-killed"));
            }
            return props.sharedMemory;
        }
        if (!props.autoSharedMemory || res.gpuCount() < 2) {
            return null;
        }
        BigDecimal mi = BigDecimal.valueOf(1L << 20);
        BigDecimal half = Validate.bytes(res.memoryRequest()).divide(BigDecimal.valueOf(2));
        BigDecimal size = half.min(Validate.bytes(DEFAULT_SHARED_MEMORY_CAP));
        long mebibytes = size.divideToIntegralValue(mi).longValue();
        if (mebibytes < 1) {
            return null;
        }
        return mebibytes % 1024 == 0 ? (mebibytes / 1024) + "Gi" : mebibytes + "Mi";
    }

    private static void checkGpu(String construct, StatefulAIAppProps props) {
        if (props.runtimeClassName != null) {
            Validate.dnsSubdomain(construct, "runtimeClassName", props.runtimeClassName);
        }
        if (props.gpuProduct == null) {
            return;
        }
        Resources res = props.resources;
        if (res.gpuCount() == 0) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", props.gpuProduct, "none without GPUs (resources.gpus is 0)"));
        }
        if (props.gpuProduct.length() > 63 || !props.gpuProduct.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", props.gpuProduct,
                    "a node label value such as NVIDIA-A10G or NVIDIA-H100-80GB-HBM3: at most 63 letters, digits, '-', '_' and '.'"));
        }
        String key = gpuProductLabel(res);
        if (key == null) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", props.gpuProduct,
                    "none for " + res.gpuResource() + ", whose product label is not known: select nodes with nodeSelector"));
        }
        String other = props.nodeSelector.get(key);
        if (other != null && !other.equals(props.gpuProduct)) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", props.gpuProduct,
                    "the value nodeSelector gives " + key + " ('" + other + "'), or no such nodeSelector entry"));
        }
    }

    /** The node label GPU feature discovery puts the GPU model in, by vendor; {@code null} when unknown. */
    private static String gpuProductLabel(Resources res) {
        if (res.gpuResource().startsWith("nvidia.com/")) {
            return "nvidia.com/gpu.product";
        }
        if (res.gpuResource().startsWith("amd.com/")) {
            return "amd.com/gpu.product-name";
        }
        return null;
    }

    private void checkProbesAndFill(String construct, StatefulAIAppProps props) {
        if (props.modelProbes != null && (props.startupProbe != null || props.readinessProbe != null || props.livenessProbe != null)) {
            Refusals.refuse(new InvalidPropsException(construct, "modelProbes", "set",
                    "not together with startupProbe, readinessProbe or livenessProbe: modelProbes writes all three"));
        }
        CacheFill fill = props.cacheFill;
        if (fill == null) {
            return;
        }
        ClaimTemplate target = template(fill.into());
        if (target == null) {
            Refusals.refuse(new InvalidPropsException(construct, "cacheFill.into", fill.into(), "the name of a claim template: " + templateNames()));
        }
        if (target.volumeMode() == VolumeMode.BLOCK) {
            Refusals.refuse(new InvalidPropsException(construct, "cacheFill.into", fill.into(),
                    "a Filesystem claim template: a Block volume has no files to fill"));
        }
        if (target.accessModes().stream().allMatch(m -> m == AccessMode.READ_ONLY_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, "cacheFill.into", fill.into(),
                    "a claim template the pods can write (ReadWriteMany, or ReadWriteOnce per replica), not ReadOnlyMany only; "
                            + "to share a read-only copy, fill a ReadWriteMany claim or clone one (cloneFromClaim)"));
        }
        if (fill.kind() == CacheFill.Kind.CLAIM && template(CacheFill.SOURCE_VOLUME) != null) {
            Refusals.refuse(new InvalidPropsException(construct, "claimTemplates", CacheFill.SOURCE_VOLUME,
                    "no template named '" + CacheFill.SOURCE_VOLUME + "' with a cacheFill from a claim, which mounts its source under that name"));
        }
    }

    private ClaimTemplate template(String templateName) {
        return claimTemplates.stream().filter(t -> t.name().equals(templateName)).findFirst().orElse(null);
    }

    private List<String> templateNames() {
        return claimTemplates.stream().map(ClaimTemplate::name).toList();
    }

    /** The claim a shared template mounts: the existing one, or {@code <template>-<name>} that the app creates. */
    private String sharedClaimName(ClaimTemplate t) {
        return t.existingClaim() != null ? t.existingClaim() : t.name() + "-" + name;
    }

    /** A claim's spec from a template, asking for {@code size}. */
    private PersistentVolumeClaimSpec claimSpec(ClaimTemplate t, String size) {
        PersistentVolumeClaimSpec.Builder claim = PersistentVolumeClaimSpec.builder()
                .accessModes(t.accessModeValues())
                .volumeMode(t.volumeMode().value())
                .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", size))).build());
        if (classOf(t) != null) {
            claim.storageClassName(classOf(t));
        }
        if (t.volumeName() != null) {
            claim.volumeName(t.volumeName());
        }
        if (!t.selector().isEmpty()) {
            claim.selector(LabelSelector.builder().matchLabels(t.selector()).build());
        }
        if (t.dataSource() != null) {
            TypedLocalObjectReference.Builder ref = TypedLocalObjectReference.builder()
                    .kind(t.dataSource().kind()).name(t.dataSource().name());
            if (t.dataSource().apiGroup() != null) {
                ref.apiGroup(t.dataSource().apiGroup());
            }
            claim.dataSource(ref.build());
        }
        return claim.build();
    }

    /** Metadata of a claim from a template: {@code labels} plus the template's labels, and its annotations. */
    private ObjectMeta claimMeta(ClaimTemplate t, String claimName, Map<String, String> labels, boolean namespaced) {
        Map<String, String> all = new TreeMap<>(labels);
        all.putAll(t.labels());
        ObjectMeta.Builder m = ObjectMeta.builder().name(claimName).labels(all);
        if (!t.annotations().isEmpty()) {
            m.annotations(t.annotations());
        }
        if (namespaced && namespace != null) {
            m.namespace(namespace);
        }
        return m.build();
    }

    /** The one claim of each shared template the app creates (not existing claims). */
    private void addSharedClaims(Map<String, String> labels) {
        for (ClaimTemplate t : claimTemplates) {
            if (t.isShared() && t.existingClaim() == null) {
                claims.add(KubeObject.define(this, "claim-" + t.name(), KubeKind.PERSISTENT_VOLUME_CLAIM,
                        KubePersistentVolumeClaimProps.builder()
                                .metadata(claimMeta(t, sharedClaimName(t), labels, true))
                                .spec(claimSpec(t, t.size()))
                                .build(), KubePersistentVolumeClaim::new));
            }
        }
    }

    /** The replicas' claims of each template in {@code growClaimsTo}, asking for the larger size. */
    private void addGrownClaims(String construct, StatefulAIAppProps props, StorageClassSpec ownClass) {
        for (Map.Entry<String, String> grow : props.growClaims.entrySet()) {
            String prop = "growClaimsTo['" + grow.getKey() + "']";
            ClaimTemplate t = template(grow.getKey());
            if (t == null) {
                Refusals.refuse(new InvalidPropsException(construct, prop, grow.getValue(), "the name of a per-replica claim template: " + templateNames()));
            }
            if (t.isShared()) {
                Refusals.refuse(new InvalidPropsException(construct, prop, grow.getValue(),
                        "a per-replica claim template; '" + t.name() + "' is one shared claim: raise its size (or the existing claim's) instead"));
            }
            String size = Validate.size(construct, prop, grow.getValue());
            if (Validate.bytes(size).compareTo(Validate.bytes(t.size())) <= 0) {
                Refusals.refuse(new InvalidPropsException(construct, prop, size,
                        "more than the template's " + t.size() + ": claims never shrink, and the same size changes nothing"));
            }
            String cls = classOf(t);
            if ("".equals(cls)) {
                Refusals.refuse(new InvalidPropsException(construct, prop, size,
                        "a claim template with a StorageClass that allows volume expansion; '" + t.name()
                                + "' has no class (\"\"), and pre-provisioned volumes without a class never grow"));
            }
            if (ownClass != null && ownClass.name().equals(cls) && !Boolean.TRUE.equals(ownClassExpands())) {
                Refusals.refuse(new InvalidPropsException(construct, prop, size,
                        "a claim template on a StorageClass that allows volume expansion; the app's StorageClass '" + cls
                                + "' (" + ownClass.backend().displayName() + ") does not"));
            }
            for (int i = 0; i < replicas; i++) {
                claims.add(KubeObject.define(this, "grow-" + t.name() + "-" + i, KubeKind.PERSISTENT_VOLUME_CLAIM,
                        KubePersistentVolumeClaimProps.builder()
                                .metadata(claimMeta(t, t.name() + "-" + name + "-" + i, Labels.selector(name), true))
                                .spec(claimSpec(t, size))
                                .build(), KubePersistentVolumeClaim::new));
            }
            grownClaims.put(t.name(), size);
        }
    }

    /** The app's StorageClass's {@code allowVolumeExpansion}, as synthesized. */
    private Object ownClassExpands() {
        return storageClass.props().getAllowVolumeExpansion();
    }

    private static void checkUniqueNames(String construct, StatefulAIAppProps props) {
        List<String> seen = new ArrayList<>();
        for (ClaimTemplate t : props.claimTemplates) {
            if (seen.contains(t.name()) || "dshm".equals(t.name())) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + seen.size() + "].name", t.name(),
                        "a name used by no other claim template and not 'dshm' (taken by /dev/shm)"));
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
                        Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "].accessModes", mode.value(),
                                "what " + ownClass.backend().displayName() + " can give: "
                                        + ownClass.backend().accessModes().stream().map(AccessMode::value).sorted().toList()));
                    }
                }
            }
        }
        if (props.persistentVolumes.isEmpty()) {
            if (ownClass != null && ownClass.backend().isNodeLocal()) {
                Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes", "empty",
                        "one pre-provisioned volume per replica (" + replicas + " or more) for "
                                + ownClass.backend().displayName() + ", which creates no volumes itself"));
            }
            return;
        }
        if (ownClass == null) {
            Refusals.refuse(new InvalidPropsException(construct, "storageClass", null,
                    "a StorageClass for the pre-provisioned persistentVolumes to belong to"));
        }
        for (int i = 0; i < props.persistentVolumes.size(); i++) {
            PreProvisionedVolume v = props.persistentVolumes.get(i);
            if (!v.provisioner().equals(ownClass.backend().provisioner())) {
                Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes[" + i + "]", v.handle(),
                        "a volume of the app's StorageClass backend " + ownClass.backend().displayName()));
            }
        }
        long users = claimTemplates.stream().filter(t -> ownClass.name().equals(classOf(t))).count();
        if (users == 0) {
            Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes", props.persistentVolumes.size() + " volumes",
                    "none, unless a claim template uses the app's StorageClass '" + ownClass.name() + "'"));
        }
        // The volumes are made alike, and a claim binds only a volume with its volume mode and (a superset of) its access modes.
        ClaimTemplate first = null;
        for (int i = 0; i < claimTemplates.size(); i++) {
            ClaimTemplate t = claimTemplates.get(i);
            if (!ownClass.name().equals(classOf(t))) {
                continue;
            }
            if (first == null) {
                first = t;
            } else if (!Set.copyOf(t.accessModes()).equals(Set.copyOf(first.accessModes())) || t.volumeMode() != first.volumeMode()) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "]", t.name(),
                        "the access modes and volume mode of '" + first.name() + "' (" + first.accessModeValues() + ", "
                                + first.volumeMode().value() + "), like every claim template on the app's StorageClass '"
                                + ownClass.name() + "': its pre-provisioned volumes are made alike, and a claim binds only a "
                                + "volume with its modes; put templates with other modes on another class"));
            }
        }
        long shared = claimTemplates.stream().filter(t -> ownClass.name().equals(classOf(t)) && t.isShared()).count();
        long needed = replicas * (users - shared) + shared;
        if (ownClass.backend().isNodeLocal()
                && props.persistentVolumes.size() < needed) {
            Refusals.refuse(new InvalidPropsException(construct, "persistentVolumes", props.persistentVolumes.size() + " volumes",
                    (shared == 0 ? "at least replicas x claim templates on the class = "
                            : "at least replicas x per-replica claim templates on the class + shared claims on it = ") + needed
                            + ": " + ownClass.backend().displayName() + " creates no volumes, so a replica without one stays Pending"));
        }
    }

    /** The class a template's claims ask for: its own, else the app's, else none (the cluster default); none for an existing claim. */
    private String classOf(ClaimTemplate t) {
        if (t.existingClaim() != null) {
            return null;
        }
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
            Refusals.refuse(new InvalidPropsException(construct, "persistentVolumeCapacity", capacity,
                    "at least the largest claim on the class (" + largest.size() + "), or no claim could bind"));
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
            persistentVolumes.add(KubeObject.define(this, "pv-" + i, KubeKind.PERSISTENT_VOLUME, KubePersistentVolumeProps.builder()
                    .metadata(ObjectMeta.builder().name(pvName).labels(labels).build())
                    .spec(spec.build())
                    .build(), KubePersistentVolume::new));
            persistentVolumeNames.add(pvName);
        }
    }

    private KubeObject<KubeService, KubeServiceProps> addHeadlessService(StatefulAIAppProps props, Map<String, String> labels) {
        ServiceSpec.Builder spec = ServiceSpec.builder()
                .clusterIp("None")
                .selector(Labels.selector(name))
                // Peers must find each other while they start (replica sets, raft): publish before ready.
                .publishNotReadyAddresses(true);
        if (!props.ports.isEmpty()) {
            spec.ports(props.ports.stream().map(p -> ServicePort.builder()
                    .name(p.name()).port(p.port()).targetPort(IntOrStrings.of(p.name())).protocol("TCP").build()).toList());
        }
        return KubeObject.define(this, "service", KubeKind.SERVICE, KubeServiceProps.builder()
                .metadata(meta(name, labels))
                .spec(spec.build())
                .build(), KubeService::new);
    }

    private KubeObject<KubeStatefulSet, KubeStatefulSetProps> addStatefulSet(StatefulAIAppProps props, Map<String, String> labels) {
        List<KubePersistentVolumeClaimProps> templates = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        List<VolumeDevice> devices = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        Map<String, VolumeMount> writable = new LinkedHashMap<>();
        String filled = props.cacheFill == null ? null : props.cacheFill.into();
        for (ClaimTemplate t : claimTemplates) {
            if (t.isShared()) {
                // Every replica mounts one claim; only a fill writes it (a ReadOnlyMany claim is never written).
                PersistentVolumeClaimVolumeSource.Builder source = PersistentVolumeClaimVolumeSource.builder().claimName(sharedClaimName(t));
                if (!t.name().equals(filled)) {
                    source.readOnly(true);
                }
                volumes.add(Volume.builder().name(t.name()).persistentVolumeClaim(source.build()).build());
            } else {
                templates.add(KubePersistentVolumeClaimProps.builder()
                        .metadata(claimMeta(t, t.name(), Labels.selector(name), false))
                        .spec(claimSpec(t, t.size()))
                        .build());
            }
            if (t.volumeMode() == VolumeMode.BLOCK) {
                devices.add(VolumeDevice.builder().name(t.name()).devicePath(t.mountPath()).build());
            } else {
                VolumeMount.Builder mount = VolumeMount.builder().name(t.name()).mountPath(t.mountPath());
                VolumeMount.Builder rw = VolumeMount.builder().name(t.name()).mountPath(t.mountPath());
                if (t.readOnly() || t.isShared()) {
                    mount.readOnly(true);
                }
                if (t.subPath() != null) {
                    mount.subPath(t.subPath());
                    rw.subPath(t.subPath());
                }
                mounts.add(mount.build());
                if ((!t.isShared() && !t.readOnly()) || t.name().equals(filled)) {
                    writable.put(t.name(), rw.build());
                }
            }
        }
        if (sharedMemory != null) {
            volumes.add(Volume.builder().name("dshm").emptyDir(EmptyDirVolumeSource.builder()
                    .medium("Memory").sizeLimit(Quantities.of(sharedMemory)).build()).build());
            mounts.add(VolumeMount.builder().name("dshm").mountPath("/dev/shm").build());
        }
        List<Container> initContainers = new ArrayList<>();
        if (props.chownVolumes) {
            initContainers.add(chownContainer(props, writable));
        }
        if (props.cacheFill != null) {
            ClaimTemplate target = template(filled);
            writable.putIfAbsent(filled, VolumeMount.builder().name(filled).mountPath(target.mountPath()).build());
            initContainers.add(props.cacheFill.toContainer(target, writable.get(filled), target.isShared(), containerSecurity()));
            if (props.cacheFill.kind() == CacheFill.Kind.CLAIM) {
                volumes.add(Volume.builder().name(CacheFill.SOURCE_VOLUME).persistentVolumeClaim(PersistentVolumeClaimVolumeSource.builder()
                        .claimName(props.cacheFill.source()).readOnly(true).build()).build());
            }
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
                        .spec(podSpec(props, mounts, devices, volumes, initContainers))
                        .build());
        if (!templates.isEmpty()) {
            spec.volumeClaimTemplates(templates);
        }
        ObjectMeta.Builder metadata = ObjectMeta.builder().name(name).labels(labels);
        if (namespace != null) {
            metadata.namespace(namespace);
        }
        if (props.chownVolumes) {
            metadata.annotations(Map.of(CHOWN_WAIVER, "init container chown-volumes runs as root with only CAP_CHOWN to give "
                    + "volumes whose backend ignores fsGroup to the app's user (chownVolumes)"));
        }
        return KubeObject.define(this, "statefulset", KubeKind.STATEFUL_SET, KubeStatefulSetProps.builder()
                .metadata(metadata.build())
                .spec(spec.build())
                .build(), KubeStatefulSet::new);
    }

    /** The security context of the main and fill containers. */
    private static SecurityContext containerSecurity() {
        return SecurityContext.builder()
                .allowPrivilegeEscalation(false)
                .runAsNonRoot(true)
                .capabilities(Capabilities.builder().drop(List.of("ALL")).build())
                .build();
    }

    /** The opt-in root init container that chowns the writable claim volumes whose root is not the app's user's. */
    private Container chownContainer(StatefulAIAppProps props, Map<String, VolumeMount> writable) {
        if (writable.isEmpty()) {
            Refusals.refuse(new InvalidPropsException(CONSTRUCT + " '" + name + "'", "chownVolumes", true,
                    "false when no claim volume is writable by the pods (all are read-only, shared or Block)"));
        }
        String owner = props.security.runAsUser() + ":" + props.security.fsGroup();
        String script = "set -eu\n"
                + "for d in \"$@\"; do\n"
                + "  if [ \"$(stat -c %u:%g \"$d\")\" != " + owner + " ]; then echo \"chown -R " + owner + " $d\"; chown -R " + owner + " \"$d\"; fi\n"
                + "done\n";
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "chown-volumes"));
        writable.values().forEach(m -> command.add(m.getMountPath()));
        return Container.builder()
                .name("chown-volumes")
                .image(Validate.required(CONSTRUCT + " '" + name + "'", "chownImage", props.chownImage, "a container image with sh, stat and chown"))
                .command(command)
                .resources(ResourceRequirements.builder()
                        .requests(Quantities.map(Map.of("cpu", "100m", "memory", "64Mi")))
                        .limits(Quantities.map(Map.of("memory", "64Mi")))
                        .build())
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

    private PodSpec podSpec(StatefulAIAppProps props, List<VolumeMount> mounts, List<VolumeDevice> devices, List<Volume> volumes,
                            List<Container> initContainers) {
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
        if (!initContainers.isEmpty()) {
            pod.initContainers(initContainers);
        }
        if (!volumes.isEmpty()) {
            pod.volumes(volumes);
        }
        Map<String, String> nodeSelector = new TreeMap<>(props.nodeSelector);
        if (props.gpuProduct != null) {
            nodeSelector.put(gpuProductLabel(props.resources), props.gpuProduct);
        }
        if (!nodeSelector.isEmpty()) {
            pod.nodeSelector(nodeSelector);
        }
        if (props.resources.gpuCount() > 0) {
            // GPU node pools are tainted with the GPU resource name (nvidia.com/gpu for MIG slices too) so that only GPU pods land there.
            pod.tolerations(List.of(Toleration.builder().key(props.resources.gpuTaintKey()).operator("Exists").effect("NoSchedule").build()));
        }
        if (props.zoneSpread != null && props.zoneSpread != ZoneSpread.NONE && replicas > 1) {
            pod.topologySpreadConstraints(List.of(TopologySpreadConstraint.builder()
                    .maxSkew(1)
                    .topologyKey(ZONE_KEY)
                    .whenUnsatisfiable(props.zoneSpread.whenUnsatisfiable())
                    .labelSelector(LabelSelector.builder().matchLabels(Labels.selector(name)).build())
                    .build()));
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
                .securityContext(containerSecurity());
        if (!props.command.isEmpty()) {
            c.command(props.command);
        }
        if (!props.args.isEmpty()) {
            c.args(props.args);
        }
        List<EnvVar> env = new ContainerEnv(CONSTRUCT + " '" + name + "'", "container '" + name + "'", "secretEnv")
                .plain("env", props.env).fromSecrets("secretEnv", props.secretEnv).vars();
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
        if (props.modelProbes != null) {
            c.startupProbe(props.modelProbes.startup(props.cacheFill != null).toProbe());
            c.readinessProbe(props.modelProbes.readiness().toProbe());
            c.livenessProbe(props.modelProbes.liveness().toProbe());
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

    private KubeObject<KubePodDisruptionBudget, KubePodDisruptionBudgetProps> addPodDisruptionBudget(String construct, StatefulAIAppProps props, Map<String, String> labels) {
        int maxUnavailable = props.pdbMaxUnavailable == null ? 1 : props.pdbMaxUnavailable;
        if (maxUnavailable < 1 || maxUnavailable >= replicas) {
            Refusals.refuse(new InvalidPropsException(construct, "podDisruptionBudgetMaxUnavailable", maxUnavailable,
                    "from 1 to replicas - 1 (" + (replicas - 1) + "): 0 blocks every node drain, replicas allows losing all"));
        }
        return KubeObject.define(this, "pdb", KubeKind.POD_DISRUPTION_BUDGET, KubePodDisruptionBudgetProps.builder()
                .metadata(meta(name, labels))
                .spec(PodDisruptionBudgetSpec.builder()
                        .maxUnavailable(IntOrStrings.of(maxUnavailable))
                        .selector(LabelSelector.builder().matchLabels(Labels.selector(name)).build())
                        // Lets a drain evict a pod that is crash-looping instead of waiting on it forever.
                        .unhealthyPodEvictionPolicy("AlwaysAllow")
                        .build())
                .build(), KubePodDisruptionBudget::new);
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
        return statefulSet.get();
    }

    /** The headless Service (escape hatch). */
    public KubeService getService() {
        return service.get();
    }

    /** The app's own StorageClass, or {@code null}. */
    public KubeStorageClass getStorageClass() {
        return storageClass == null ? null : storageClass.get();
    }

    /** The pre-provisioned PersistentVolumes, in the order given. */
    public List<KubePersistentVolume> getPersistentVolumes() {
        return persistentVolumes.stream().map(KubeObject::get).toList();
    }

    /** The PodDisruptionBudget, or {@code null} when there is none. */
    public KubePodDisruptionBudget getPodDisruptionBudget() {
        return podDisruptionBudget == null ? null : podDisruptionBudget.get();
    }

    /** The claims the app writes itself: shared claims it creates, then the grown claims of {@code growClaimsTo}. */
    public List<KubePersistentVolumeClaim> getClaims() {
        return claims.stream().map(KubeObject::get).toList();
    }

    /** The {@code /dev/shm} size, or {@code null} when there is none. */
    public String getSharedMemory() {
        return sharedMemory;
    }

    /** The StatefulSet's name. */
    public String getName() {
        return name;
    }

    /**
     * The names of the claims the pods mount, per template: {@code <template>-<name>-<ordinal>} for a
     * per-replica template, the one claim of a shared template.
     */
    public Map<String, List<String>> getClaimNames() {
        Map<String, List<String>> claims = new TreeMap<>();
        for (ClaimTemplate t : claimTemplates) {
            if (t.isShared()) {
                claims.put(t.name(), List.of(sharedClaimName(t)));
                continue;
            }
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
        if (!grownClaims.isEmpty()) {
            out.put("grownClaims", new TreeMap<>(grownClaims));
        }
        return out;
    }
}
