package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.render.IntOrStrings;
import dev.statefulai.constructs.render.KubeKind;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.tier.VolumeTier;
import dev.statefulai.constructs.workload.AppPlan.PlannedClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.cdk8s.plus28.k8s.PodDisruptionBudgetSpec;
import org.cdk8s.plus28.k8s.ServicePort;
import org.cdk8s.plus28.k8s.ServiceSpec;
import software.constructs.Construct;

/**
 * A stateful AI workload: a StatefulSet whose replicas each get their own volumes from claim
 * templates, the headless Service that gives the replicas stable DNS names (and that Kubernetes 1.28
 * requires as {@code serviceName}), and optionally the StorageClass and pre-provisioned
 * PersistentVolumes behind the claims and a PodDisruptionBudget.
 *
 * <p>Pods run as non-root with {@code fsGroup}, no privilege escalation, all capabilities dropped,
 * the {@code RuntimeDefault} seccomp profile and no API token. GPU pods tolerate the GPU taint. The
 * one exception, opt-in, is the {@code chownVolumes} init container (see {@link StorageProps.Builder#chownVolumes}).
 *
 * <p>Claim templates give each replica its own claim, or one claim that every replica mounts read-only
 * ({@link ClaimTemplate.Builder#shared}, {@link ClaimTemplate.Builder#existingClaim}). A cache fill
 * fills a claim before the server starts; model probes size the startup probe to the model;
 * {@link StorageProps.Builder#growClaimsTo} grows the replicas' claims, which the StatefulSet's
 * templates cannot do.
 *
 * <p>The props are checked and resolved into a plan first ({@link AppPlanner}); the objects are built
 * from the plan. Escape hatches: {@link #getStatefulSet()} and the other getters return the L1 objects,
 * which take JSON patches ({@code addJsonPatch}).
 */
public class StatefulAIApp extends RecordableConstruct implements HasOutputs {
    /** The largest automatic {@code /dev/shm}: NCCL and data loaders rarely need more, and it counts against memory. */
    public static final String DEFAULT_SHARED_MEMORY_CAP = "16Gi";

    private final AppPlan plan;
    private final KubeObject<KubeStatefulSet, KubeStatefulSetProps> statefulSet;
    private final KubeObject<KubeService, KubeServiceProps> service;
    private final KubeObject<KubeStorageClass, KubeStorageClassProps> storageClass;
    private final List<KubeObject<KubePersistentVolume, KubePersistentVolumeProps>> persistentVolumes = new ArrayList<>();
    private final KubeObject<KubePodDisruptionBudget, KubePodDisruptionBudgetProps> podDisruptionBudget;
    private final List<KubeObject<KubePersistentVolumeClaim, KubePersistentVolumeClaimProps>> claims = new ArrayList<>();

    public StatefulAIApp(Construct scope, String id, StatefulAIAppProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        this.plan = AppPlanner.plan(props, id, () -> Recording.chartNamespaceOf(this));
        StorageClassSpec ownClass = plan.storageClass();
        this.storageClass = ownClass == null ? null : ownClass.addTo(this, "storage-class");
        addPersistentVolumes();
        for (PlannedClaim c : plan.claims()) {
            if (c.created()) {
                addClaim("claim-" + c.template().name(), c, c.sharedClaim(), plan.labels(), c.template().claim().size(), Map.of());
            }
        }
        this.service = addHeadlessService();
        KubeStatefulSetProps statefulSetProps = StatefulSetBuilder.of(plan);
        this.statefulSet = KubeObject.define(this, "statefulset", statefulSetProps, KubeStatefulSet::new,
                StatefulSetBuilder.newerFields(plan, statefulSetProps));
        this.podDisruptionBudget = plan.maxUnavailable() == null ? null : addPodDisruptionBudget();
        // The replicas' own claims, for templates whose claims grow or change tier (their templates cannot change).
        Map<String, VolumeTier> tiers = plan.props().storage().tiers();
        for (PlannedClaim c : plan.claims()) {
            String template = c.template().name();
            if (!plan.grownClaims().containsKey(template) && !tiers.containsKey(template)) {
                continue;
            }
            String size = plan.grownClaims().getOrDefault(template, c.template().claim().size());
            Map<String, String> annotations = tiers.containsKey(template) ? tiers.get(template).annotations() : Map.of();
            for (int i = 0; i < plan.replicas(); i++) {
                addClaim("grow-" + template + "-" + i, c, c.replicaClaim(plan.name(), i), Labels.selector(plan.name()), size, annotations);
            }
        }
    }

    private void addPersistentVolumes() {
        List<PreProvisionedVolume> volumes = plan.props().storage().persistentVolumes();
        List<String> names = plan.persistentVolumeNames();
        for (int i = 0; i < volumes.size(); i++) {
            var spec = plan.volumeTemplate().claim().persistentVolume(plan.capacity(), plan.storageClass());
            volumes.get(i).applyTo(spec);
            persistentVolumes.add(KubeObject.define(this, "pv-" + i, KubeKind.PERSISTENT_VOLUME, KubePersistentVolumeProps.builder()
                    .metadata(ObjectMeta.builder().name(names.get(i)).labels(plan.labels()).build())
                    .spec(spec.build())
                    .build(), KubePersistentVolume::new));
        }
    }

    /** A claim the app writes itself: a shared claim it creates, or a replica's claim grown to {@code size} or moved to a tier. */
    private void addClaim(String id, PlannedClaim c, String claimName, Map<String, String> labels, String size, Map<String, String> annotations) {
        claims.add(KubeObject.define(this, id, KubePersistentVolumeClaimProps.builder()
                .metadata(c.template().claim().metadata(claimName, labels, plan.namespace(), annotations))
                .spec(c.template().claim().toSpec(size, c.storageClassName()).build())
                .build(), KubePersistentVolumeClaim::new, c.template().claim().newerFields("/spec")));
    }

    private KubeObject<KubeService, KubeServiceProps> addHeadlessService() {
        ServiceSpec.Builder spec = ServiceSpec.builder()
                .clusterIp("None")
                .selector(Labels.selector(plan.name()))
                // Peers must find each other while they start (replica sets, raft): publish before ready.
                .publishNotReadyAddresses(true);
        var ports = plan.props().container().ports();
        if (!ports.isEmpty()) {
            spec.ports(ports.stream().map(p -> ServicePort.builder()
                    .name(p.name()).port(p.port()).targetPort(IntOrStrings.of(p.name())).protocol("TCP").build()).toList());
        }
        return KubeObject.define(this, "service", KubeKind.SERVICE, KubeServiceProps.builder()
                .metadata(meta())
                .spec(spec.build())
                .build(), KubeService::new);
    }

    private KubeObject<KubePodDisruptionBudget, KubePodDisruptionBudgetProps> addPodDisruptionBudget() {
        return KubeObject.define(this, "pdb", KubeKind.POD_DISRUPTION_BUDGET, KubePodDisruptionBudgetProps.builder()
                .metadata(meta())
                .spec(PodDisruptionBudgetSpec.builder()
                        .maxUnavailable(IntOrStrings.of(plan.maxUnavailable()))
                        .selector(LabelSelector.builder().matchLabels(Labels.selector(plan.name())).build())
                        // Lets a drain evict a pod that is crash-looping instead of waiting on it forever.
                        .unhealthyPodEvictionPolicy("AlwaysAllow")
                        .build())
                .build(), KubePodDisruptionBudget::new);
    }

    private ObjectMeta meta() {
        ObjectMeta.Builder m = ObjectMeta.builder().name(plan.name()).labels(plan.labels());
        if (plan.namespace() != null) {
            m.namespace(plan.namespace());
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

    /** The claims the app writes itself: shared claims it creates, then the replicas' claims of {@code growClaimsTo} and {@code changeTier}. */
    public List<KubePersistentVolumeClaim> getClaims() {
        return claims.stream().map(KubeObject::get).toList();
    }

    /** The {@code /dev/shm} size, or {@code null} when there is none. */
    public String getSharedMemory() {
        return plan.sharedMemory();
    }

    /** The StatefulSet's name. */
    public String getName() {
        return plan.name();
    }

    /**
     * The names of the claims the pods mount, per template: {@code <template>-<name>-<ordinal>} for a
     * per-replica template, the one claim of a shared template.
     */
    public Map<String, List<String>> getClaimNames() {
        return plan.claimNames();
    }

    @Override
    public String outputName() {
        return plan.name();
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = HasOutputs.outputs(AppPlanner.CONSTRUCT, plan.namespace());
        out.put("statefulSet", plan.name());
        out.put("service", plan.name());
        out.put("replicas", plan.replicas());
        out.put("claims", getClaimNames());
        if (plan.storageClass() != null) {
            out.put("storageClass", plan.storageClass().name());
        }
        if (!persistentVolumes.isEmpty()) {
            out.put("persistentVolumes", plan.persistentVolumeNames());
        }
        if (podDisruptionBudget != null) {
            out.put("podDisruptionBudget", plan.name());
        }
        if (!plan.grownClaims().isEmpty()) {
            out.put("grownClaims", new TreeMap<>(plan.grownClaims()));
        }
        if (!plan.props().storage().tiers().isEmpty()) {
            Map<String, Object> tiers = new TreeMap<>();
            plan.props().storage().tiers().forEach((template, tier) -> tiers.put(template, tier.annotations()));
            out.put("tierChanges", tiers);
        }
        return out;
    }
}
