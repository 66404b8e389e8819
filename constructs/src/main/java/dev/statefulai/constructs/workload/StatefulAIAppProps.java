package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ModelProbes;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.PortSpec;
import dev.statefulai.constructs.pod.ProbeSpec;
import dev.statefulai.constructs.pod.ZoneSpread;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link StatefulAIApp}. Only {@code name}, {@code image} and one claim template are
 * required; everything else has a default documented on its builder method.
 */
public final class StatefulAIAppProps {
    final String name;
    final String namespace;
    final String image;
    final List<String> command;
    final List<String> args;
    final Map<String, String> env;
    final List<SecretEnv> secretEnv;
    final List<PortSpec> ports;
    final int replicas;
    final Resources resources;
    final List<ClaimTemplate> claimTemplates;
    final StorageClassSpec storageClass;
    final List<PreProvisionedVolume> persistentVolumes;
    final String persistentVolumeCapacity;
    final ReclaimPolicy claimRetentionWhenDeleted;
    final ReclaimPolicy claimRetentionWhenScaled;
    final PodManagementPolicy podManagementPolicy;
    final UpdateStrategy updateStrategy;
    final ProbeSpec startupProbe;
    final ProbeSpec readinessProbe;
    final ProbeSpec livenessProbe;
    final PodSecurity security;
    final String sharedMemory;
    final Map<String, String> nodeSelector;
    final String runtimeClassName;
    final String priorityClassName;
    final String serviceAccountName;
    final Integer pdbMaxUnavailable;
    final boolean podDisruptionBudget;
    final String partOf;
    final String component;
    final Integer terminationGracePeriodSeconds;
    final CacheFill cacheFill;
    final ModelProbes modelProbes;
    final boolean autoSharedMemory;
    final String gpuProduct;
    final boolean chownVolumes;
    final String chownImage;
    final Map<String, String> growClaims;
    final ZoneSpread zoneSpread;

    private StatefulAIAppProps(Builder b) {
        this.name = b.name;
        this.namespace = b.namespace;
        this.image = b.image;
        this.command = List.copyOf(b.command);
        this.args = List.copyOf(b.args);
        this.env = new TreeMap<>(b.env);
        this.secretEnv = List.copyOf(b.secretEnv);
        this.ports = List.copyOf(b.ports);
        this.replicas = b.replicas;
        this.resources = b.resources;
        this.claimTemplates = List.copyOf(b.claimTemplates);
        this.storageClass = b.storageClass;
        this.persistentVolumes = List.copyOf(b.persistentVolumes);
        this.persistentVolumeCapacity = b.persistentVolumeCapacity;
        this.claimRetentionWhenDeleted = b.claimRetentionWhenDeleted;
        this.claimRetentionWhenScaled = b.claimRetentionWhenScaled;
        this.podManagementPolicy = b.podManagementPolicy;
        this.updateStrategy = b.updateStrategy;
        this.startupProbe = b.startupProbe;
        this.readinessProbe = b.readinessProbe;
        this.livenessProbe = b.livenessProbe;
        this.security = b.security;
        this.sharedMemory = b.sharedMemory;
        this.nodeSelector = new TreeMap<>(b.nodeSelector);
        this.runtimeClassName = b.runtimeClassName;
        this.priorityClassName = b.priorityClassName;
        this.serviceAccountName = b.serviceAccountName;
        this.pdbMaxUnavailable = b.pdbMaxUnavailable;
        this.podDisruptionBudget = b.podDisruptionBudget;
        this.partOf = b.partOf;
        this.component = b.component;
        this.terminationGracePeriodSeconds = b.terminationGracePeriodSeconds;
        this.cacheFill = b.cacheFill;
        this.modelProbes = b.modelProbes;
        this.autoSharedMemory = b.autoSharedMemory;
        this.gpuProduct = b.gpuProduct;
        this.chownVolumes = b.chownVolumes;
        this.chownImage = b.chownImage;
        this.growClaims = new java.util.LinkedHashMap<>(b.growClaims);
        this.zoneSpread = b.zoneSpread;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link StatefulAIAppProps}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private String image;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private List<SecretEnv> secretEnv = List.of();
        private List<PortSpec> ports = List.of();
        private int replicas = 1;
        private Resources resources = Resources.defaults();
        private List<ClaimTemplate> claimTemplates = List.of();
        private StorageClassSpec storageClass;
        private List<PreProvisionedVolume> persistentVolumes = List.of();
        private String persistentVolumeCapacity;
        private ReclaimPolicy claimRetentionWhenDeleted = ReclaimPolicy.RETAIN;
        private ReclaimPolicy claimRetentionWhenScaled = ReclaimPolicy.RETAIN;
        private PodManagementPolicy podManagementPolicy = PodManagementPolicy.ORDERED_READY;
        private UpdateStrategy updateStrategy = UpdateStrategy.rollingUpdate();
        private ProbeSpec startupProbe;
        private ProbeSpec readinessProbe;
        private ProbeSpec livenessProbe;
        private PodSecurity security = PodSecurity.defaults();
        private String sharedMemory;
        private Map<String, String> nodeSelector = Map.of();
        private String runtimeClassName;
        private String priorityClassName;
        private String serviceAccountName;
        private Integer pdbMaxUnavailable;
        private boolean podDisruptionBudget = true;
        private String partOf;
        private String component;
        private Integer terminationGracePeriodSeconds;
        private CacheFill cacheFill;
        private ModelProbes modelProbes;
        private boolean autoSharedMemory = true;
        private String gpuProduct;
        private boolean chownVolumes;
        private String chownImage = CacheFill.BUSYBOX_IMAGE;
        private final Map<String, String> growClaims = new java.util.LinkedHashMap<>();
        private ZoneSpread zoneSpread = ZoneSpread.NONE;

        /**
         * Required. Name of the StatefulSet, its headless Service and its container: a DNS-1123 label
         * of at most 52 characters (Kubernetes appends an 11-character revision hash to pod labels).
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Namespace of the namespaced objects. Default: the chart's namespace, else none (kubectl's). */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Required. Container image; pin a tag or digest. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Entrypoint override. Default: the image's. */
        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        /** Arguments. Default none. */
        public Builder args(List<String> args) {
            this.args = args;
            return this;
        }

        /** Plain environment variables, written sorted by name. Default none. Never put secrets here. */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /** Environment variables read from Secrets at run time. Default none. */
        public Builder secretEnv(List<SecretEnv> secretEnv) {
            this.secretEnv = secretEnv;
            return this;
        }

        /** Container ports, published by the headless Service. Default none. */
        public Builder ports(List<PortSpec> ports) {
            this.ports = ports;
            return this;
        }

        /** Number of pods. Default 1; must be 1 or more. */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** CPU, memory and GPUs. Default {@link Resources#defaults()}. */
        public Builder resources(Resources resources) {
            this.resources = resources;
            return this;
        }

        /** Required, one or more. The volumes each replica gets. */
        public Builder claimTemplates(List<ClaimTemplate> claimTemplates) {
            this.claimTemplates = claimTemplates;
            return this;
        }

        /** Convenience for {@link #claimTemplates(List)}. */
        public Builder claimTemplates(ClaimTemplate... claimTemplates) {
            return claimTemplates(List.of(claimTemplates));
        }

        /**
         * A StorageClass to create for this app; claim templates without an explicit class use it.
         * Default none: claims use the class they name, or the cluster's default class.
         */
        public Builder storageClass(StorageClassSpec storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /**
         * Volumes that already exist (local disks on given nodes, existing cloud disks), each made into a
         * PersistentVolume of the app's own StorageClass. Requires {@link #storageClass}. Default none.
         */
        public Builder persistentVolumes(List<PreProvisionedVolume> persistentVolumes) {
            this.persistentVolumes = persistentVolumes;
            return this;
        }

        /**
         * Capacity of each pre-provisioned PersistentVolume. Default: the size of the largest claim template
         * that uses the app's StorageClass, so that every claim on the class fits.
         */
        public Builder persistentVolumeCapacity(String capacity) {
            this.persistentVolumeCapacity = capacity;
            return this;
        }

        /**
         * What happens to the replicas' claims when the StatefulSet is deleted and when it is scaled down.
         * Default {@code Retain} for both: data outlives the pods.
         */
        public Builder claimRetention(ReclaimPolicy whenDeleted, ReclaimPolicy whenScaled) {
            this.claimRetentionWhenDeleted = whenDeleted;
            this.claimRetentionWhenScaled = whenScaled;
            return this;
        }

        /** Default {@link PodManagementPolicy#ORDERED_READY}. */
        public Builder podManagementPolicy(PodManagementPolicy policy) {
            this.podManagementPolicy = policy;
            return this;
        }

        /** Default {@link UpdateStrategy#rollingUpdate()}. */
        public Builder updateStrategy(UpdateStrategy strategy) {
            this.updateStrategy = strategy;
            return this;
        }

        /**
         * An init container that fills a claim's volume (a model cache) from S3, HTTP(S), Hugging Face or
         * another claim before the server starts, and skips when the volume already holds that source.
         * Default none. See {@link CacheFill}.
         */
        public Builder cacheFill(CacheFill fill) {
            this.cacheFill = fill;
            return this;
        }

        /**
         * Startup, readiness and liveness probes of a model server at once, with a startup budget derived
         * from the model size (see {@link ModelProbes}). Not together with the three single probes. Default none.
         */
        public Builder modelProbes(ModelProbes probes) {
            this.modelProbes = probes;
            return this;
        }

        /** Startup probe: holds off the other probes while a model loads. Default none. */
        public Builder startupProbe(ProbeSpec probe) {
            this.startupProbe = probe;
            return this;
        }

        /** Readiness probe. Default none. */
        public Builder readinessProbe(ProbeSpec probe) {
            this.readinessProbe = probe;
            return this;
        }

        /** Liveness probe. Default none. */
        public Builder livenessProbe(ProbeSpec probe) {
            this.livenessProbe = probe;
            return this;
        }

        /** User, group and fsGroup. Default {@link PodSecurity#defaults()}. */
        public Builder security(PodSecurity security) {
            this.security = security;
            return this;
        }

        /**
         * Size of a memory-backed {@code /dev/shm}; the container runtime's default of 64Mi is far too
         * small for multi-GPU inference (NCCL) and data loaders. At most the memory limit: its pages count
         * against it. Default: with more than one GPU, half the memory request but at most 16Gi
         * ({@link StatefulAIApp#DEFAULT_SHARED_MEMORY_CAP}); otherwise none (see {@link #autoSharedMemory}).
         */
        public Builder sharedMemory(String size) {
            this.sharedMemory = size;
            return this;
        }

        /**
         * Whether to add {@code /dev/shm} by itself when more than one GPU is requested and
         * {@link #sharedMemory} is not given. Default {@code true}.
         */
        public Builder autoSharedMemory(boolean enabled) {
            this.autoSharedMemory = enabled;
            return this;
        }

        /**
         * The GPU model to run on, as a node selector on the label GPU feature discovery sets:
         * {@code nvidia.com/gpu.product} (e.g. {@code NVIDIA-A10G}, {@code NVIDIA-L40S}) for NVIDIA resources
         * including MIG slices, {@code amd.com/gpu.product-name} for AMD. Needs GPUs. Default: any.
         */
        public Builder gpuProduct(String product) {
            this.gpuProduct = product;
            return this;
        }

        /**
         * Opt-in: an init container {@code chown-volumes} that gives the writable claim volumes to
         * {@code runAsUser:fsGroup} when their root is owned by someone else, for backends that ignore
         * {@code fsGroup} (NFS, hostPath, some CSI drivers). The one exception to "nothing runs as root": it
         * runs as user 0 with every capability dropped but {@code CHOWN}, no privilege escalation, and a
         * read-only root file system; the StatefulSet carries a reasoned waiver of the non-root policy
         * (ai-storage.dev/waive-POL003). Namespaces enforcing the {@code restricted} Pod Security
         * Standard refuse it; {@code baseline} allows it. Default {@code false}.
         */
        public Builder chownVolumes(boolean enabled) {
            this.chownVolumes = enabled;
            return this;
        }

        /** Image of {@link #chownVolumes}: needs {@code sh}, {@code stat} and {@code chown}. Default {@value CacheFill#BUSYBOX_IMAGE}. */
        public Builder chownImage(String image) {
            this.chownImage = image;
            return this;
        }

        /**
         * Grows the existing claims of per-replica template {@code template} to {@code size}. A StatefulSet's
         * claim templates cannot change after creation, so the template stays as it is and the app also
         * writes the replicas' claims {@code <template>-<statefulset>-<n>} (n below replicas, in the
         * StatefulSet's namespace, with the template's labels, class, access and volume modes) asking for
         * {@code size}; applying them expands the volumes in place. Refused when the class is known not to
         * grow volumes (no class {@code ""}, or the app's own class without volume expansion); a class the
         * app does not create is the cluster's to judge. Replicas added later start at the template's size:
         * raise the template too when the StatefulSet is next re-created. Repeatable, one size per template.
         */
        public Builder growClaimsTo(String template, String size) {
            this.growClaims.put(template, size);
            return this;
        }

        /** Spreading replicas over zones. Default {@link ZoneSpread#NONE}; written only with more than one replica. */
        public Builder zoneSpread(ZoneSpread spread) {
            this.zoneSpread = spread;
            return this;
        }

        /** Node labels the pods must run on, e.g. a GPU product. Default none. */
        public Builder nodeSelector(Map<String, String> nodeSelector) {
            this.nodeSelector = nodeSelector;
            return this;
        }

        /** Runtime class, e.g. {@code nvidia}. Default: the cluster's default runtime. */
        public Builder runtimeClassName(String runtimeClassName) {
            this.runtimeClassName = runtimeClassName;
            return this;
        }

        /** Priority class. Default none. */
        public Builder priorityClassName(String priorityClassName) {
            this.priorityClassName = priorityClassName;
            return this;
        }

        /**
         * Service account. Default none, and then the pod gets no API token: a model server or database
         * seldom needs to talk to the Kubernetes API.
         */
        public Builder serviceAccountName(String serviceAccountName) {
            this.serviceAccountName = serviceAccountName;
            return this;
        }

        /**
         * Whether to create a PodDisruptionBudget. Default {@code true}, which creates one only when there
         * is more than one replica (a budget on one replica blocks node drains).
         */
        public Builder podDisruptionBudget(boolean enabled) {
            this.podDisruptionBudget = enabled;
            return this;
        }

        /**
         * The budget's {@code maxUnavailable}: from 1 to replicas - 1. Default 1. Ignored with one replica,
         * which gets no budget (see {@link #podDisruptionBudget}); it is neither checked nor written then.
         */
        public Builder podDisruptionBudgetMaxUnavailable(int maxUnavailable) {
            this.pdbMaxUnavailable = maxUnavailable;
            return this;
        }

        /** The {@code app.kubernetes.io/part-of} label. Default none. */
        public Builder partOf(String partOf) {
            this.partOf = partOf;
            return this;
        }

        /** The {@code app.kubernetes.io/component} label, e.g. {@code model-server}. Default none. */
        public Builder component(String component) {
            this.component = component;
            return this;
        }

        /** Seconds a pod gets to flush and stop. Default: Kubernetes' 30. */
        public Builder terminationGracePeriodSeconds(Integer seconds) {
            this.terminationGracePeriodSeconds = seconds;
            return this;
        }

        public StatefulAIAppProps build() {
            return new StatefulAIAppProps(this);
        }
    }
}
