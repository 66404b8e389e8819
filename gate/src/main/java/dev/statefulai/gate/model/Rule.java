package dev.statefulai.gate.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every rule of the gate, named by its stable id: ids appear in reports, waivers and policy configs, so they
 * are never renumbered; a retired rule keeps its id unused.
 */
public enum Rule {
    DIST001(Severity.ERROR, "dist", "An object (kind/namespace/name) appears more than once in one environment (kustomize rejects it)"),
    DIST002(Severity.ERROR, "dist", "A dist file is not readable YAML or a document lacks apiVersion/kind/metadata.name"),
    DIST003(Severity.ERROR, "dist", "A manifest file at the git ref compared with cannot be read or parsed: the immutable-change guard cannot compare its objects"),
    SCHEMA001(Severity.ERROR, "schema", "A manifest does not validate strictly against the schema of the environment's Kubernetes release (1.28 to 1.34)"),
    SCHEMA002(Severity.WARNING, "schema", "No Kubernetes schema covers the apiVersion/kind (custom resource): not validated"),

    BIND001(Severity.ERROR, "binding", "A claim can bind no PersistentVolume and its class cannot provision one"),
    BIND002(Severity.WARNING, "binding", "A StorageClass is referenced but not defined in dist/<env>: assumed to be cluster-provided"),
    BIND003(Severity.ERROR, "binding", "Pre-binding (PVC volumeName / PV claimRef) is broken: missing, reserved for another claim, or does not fit"),
    BIND004(Severity.ERROR, "binding", "Two claims pre-bind the same PersistentVolume"),
    BIND005(Severity.ERROR, "binding", "An access mode the storage backend cannot give (ReadWriteMany/ReadOnlyMany on a block disk)"),
    BIND006(Severity.WARNING, "binding", "A StorageClass uses a retired in-tree provisioner: use the CSI driver"),
    BIND007(Severity.WARNING, "binding", "A PersistentVolume uses a retired in-tree volume source: use the CSI driver"),
    BIND008(Severity.ERROR, "binding", "A local PersistentVolume has no required nodeAffinity"),
    BIND009(Severity.ERROR, "binding", "A local PersistentVolume's class does not use volumeBindingMode WaitForFirstConsumer"),
    BIND010(Severity.WARNING, "binding", "A PersistentVolume no claim in dist binds (it stays Available)"),
    BIND011(Severity.ERROR, "binding", "A StatefulSet's serviceName names no headless Service (clusterIP: None) in its namespace"),
    BIND012(Severity.ERROR, "binding", "A ReadWriteOnce claim is mounted by a workload with more than one replica (Multi-Attach)"),

    IMM001(Severity.ERROR, "immutable", "A StatefulSet spec field other than replicas, template, updateStrategy, minReadySeconds, ordinals or persistentVolumeClaimRetentionPolicy changed"),
    IMM002(Severity.ERROR, "immutable", "A StorageClass's provisioner, parameters, reclaimPolicy or volumeBindingMode changed"),
    IMM003(Severity.ERROR, "immutable", "A PersistentVolume's volume source changed"),
    IMM004(Severity.ERROR, "immutable", "A PVC's storageClassName, accessModes, volumeMode or volumeName changed, or its request shrank"),
    IMM005(Severity.WARNING, "immutable", "A PVC request grew but its class does not allow volume expansion"),
    IMM006(Severity.WARNING, "immutable", "A StatefulSet or PVC disappeared while another of the same kind appeared in its namespace (a rename orphans data)"),
    IMM007(Severity.ERROR, "immutable", "A StorageClass is removed while claims in dist/ still use it"),
    IMM008(Severity.ERROR, "immutable", "A PVC is removed, or a StatefulSet whose claims are deleted with it (whenDeleted: Delete): the data goes with a pruning sync"),
    IMM009(Severity.ERROR, "immutable", "A PersistentVolume is removed: its claim loses the volume with a pruning sync"),
    IMM010(Severity.ERROR, "immutable", "A StatefulSet scales down while its claims are deleted on scale-down (whenScaled: Delete): the removed replicas' data goes"),
    IMM011(Severity.WARNING, "immutable", "Claims are orphaned: a StatefulSet (whenDeleted: Retain) or a claim template is removed, and its claims stay, mounted by nothing"),
    IMM012(Severity.ERROR, "immutable", "An object that holds data loses its Argo CD (Prune=false) or Flux (prune: disabled) protection"),

    POL001(Severity.ERROR, "policy", "StorageClasses and PersistentVolumes use reclaimPolicy Retain"),
    POL002(Severity.ERROR, "policy", "StorageClasses of drivers that support it request encryption at rest (e.g. EBS encrypted: \"true\")"),
    POL003(Severity.ERROR, "policy", "StatefulSet pods run as non-root (runAsNonRoot: true)"),
    POL004(Severity.ERROR, "policy", "StatefulSet pods set securityContext.fsGroup (volumes writable by the non-root user)"),
    POL005(Severity.ERROR, "policy", "Every container of a StatefulSet or Deployment requests cpu and memory"),
    POL006(Severity.ERROR, "policy", "A StatefulSet with more than one replica has a PodDisruptionBudget selecting its pods"),
    POL007(Severity.ERROR, "policy", "Every claim that is not a cache (cache.ai-storage.dev/<claim>: <why>) is backed up by a Velero or snapscheduler schedule"),

    BAK001(Severity.ERROR, "backup", "A backup schedule its tool refuses: a cron it cannot read, resource policies that are not one YAML entry of version v1 with known actions"),
    BAK002(Severity.WARNING, "backup", "A Velero Schedule's resource policies ConfigMap is not in dist/<env>: assumed to exist in Velero's namespace"),
    BAK003(Severity.WARNING, "backup", "Velero snapshots claims of a driver whose VolumeSnapshotClasses in dist/<env> carry neither Velero's label nor the default annotation"),
    BAK004(Severity.WARNING, "backup", "A snapscheduler schedule keeps its snapshots without bound (no retention.expires or maxCount)"),

    RST001(Severity.ERROR, "restore", "A claim restored from a snapshot or cloned from a claim asks for less than its source (or than its StatefulSet's template)"),
    RST002(Severity.ERROR, "restore", "A restored claim's class cannot restore its source: another CSI driver than the snapshot's, or one that takes no snapshots"),
    RST003(Severity.WARNING, "restore", "A restored claim's source is not in dist/<env> and no schedule there names it: that it fits is not proven"),
    RST004(Severity.ERROR, "restore", "A Velero Restore names no backup (backupName or scheduleName)"),

    POD001(Severity.ERROR, "pod", "An emptyDir has no sizeLimit, or a container that mounts a disk-backed one requests no ephemeral-storage: an unbounded cache (kube-score container-ephemeral-storage-request-and-limit)"),
    POD002(Severity.ERROR, "pod", "A container's root file system is writable: readOnlyRootFilesystem is not true (kube-linter no-read-only-root-fs, kube-score container-security-context-readonlyrootfilesystem, Checkov CKV_K8S_22)"),
    POD003(Severity.ERROR, "pod", "A workload with more than one replica has no pod anti-affinity or spread on kubernetes.io/hostname selecting its pods (kube-linter no-anti-affinity, kube-score statefulset-has-host-podantiaffinity)"),
    POD004(Severity.ERROR, "pod", "A container sets no imagePullPolicy, or IfNotPresent or Never for an image not pinned by digest (kube-score container-image-pull-policy, Checkov CKV_K8S_15)"),
    POD005(Severity.WARNING, "pod", "A container's image is not pinned by digest (Checkov CKV_K8S_43)"),

    API001(Severity.ERROR, "api", "An object's name, namespace, labels or annotations are rejected by the Kubernetes 1.28 API server (ValidateObjectMetaAccessor)"),
    API002(Severity.ERROR, "api", "A StorageClass the API server rejects (ValidateStorageClass)"),
    API003(Severity.ERROR, "api", "A PersistentVolume the API server rejects (ValidatePersistentVolume)"),
    API004(Severity.ERROR, "api", "A PersistentVolumeClaim the API server rejects (ValidatePersistentVolumeClaim)"),
    API005(Severity.ERROR, "api", "A StatefulSet the API server rejects (ValidateStatefulSet)"),
    API006(Severity.ERROR, "api", "A StatefulSet whose every Pod the API server rejects when its controller creates it (ValidatePodCreate on the template)"),
    API007(Severity.ERROR, "api", "A StatefulSet whose every claim the API server rejects when its controller creates it (ValidatePersistentVolumeClaim on the claim templates)"),
    API008(Severity.ERROR, "api", "A Service the API server rejects (ValidateService)"),
    API009(Severity.ERROR, "api", "A PodDisruptionBudget the API server rejects (ValidatePodDisruptionBudget)"),
    API010(Severity.ERROR, "api", "A Pod, or the pod template of a Deployment, ReplicaSet, DaemonSet or Job, the API server rejects (ValidatePodCreate, ValidatePodTemplateSpec)"),

    VER001(Severity.ERROR, "version", "An object's apiVersion is not served by the environment's Kubernetes release: removed (names the replacement)"),
    VER002(Severity.WARNING, "version", "An object's apiVersion is deprecated in the environment's Kubernetes release (names the replacement and the removal)"),
    VER003(Severity.ERROR, "version", "An object's kind is not served yet by the environment's Kubernetes release, or only behind a feature gate it leaves off"),
    VER004(Severity.ERROR, "version", "A field kept only behind a feature gate the environment's cluster leaves off (the API server drops it)"),

    SEC001(Severity.ERROR, "secrets", "A container's env holds a credential as a plain value (read it from a Secret)"),
    SEC002(Severity.ERROR, "secrets", "A Secret carries its values in data or stringData (they are in git, base64 is no encryption)"),
    SEC003(Severity.ERROR, "secrets", "A container lists one env name twice (server-side apply refuses the duplicate list key)"),

    DRV001(Severity.ERROR, "drivers", "A volume or claim asks a file-system or object-storage driver for an access mode it cannot give (e.g. ReadOnlyMany on FSx for Lustre)"),
    DRV002(Severity.ERROR, "drivers", "A volume or claim asks for volumeMode Block from a driver that gives file systems only (a FUSE bucket, NFS, EFS, Lustre, Filestore)"),
    OBJ001(Severity.ERROR, "objectstore", "A serving workload mounts a bucket claim read-write (the claim is not ReadOnlyMany, or the mount is not readOnly)"),
    OBJ002(Severity.ERROR, "objectstore", "A bucket's file cache has no volume of a bounded size to live on"),
    OBJ003(Severity.ERROR, "objectstore", "A pod mounts a bucket whose driver needs a pod annotation it lacks (gke-gcsfuse/volumes: \"true\")"),
    OBJ004(Severity.WARNING, "objectstore", "A blobfuse volume has no uid/gid mount options: the driver ignores fsGroup"),
    HYD001(Severity.ERROR, "hydrate", "A claim on a multi-zone class clones a claim or restores a snapshot read-write (validateMultiZoneProvisioning)"),
    HYD002(Severity.ERROR, "hydrate", "A new ReadOnlyMany disk has no data source: it starts empty and nothing can write it"),

    WAIVE001(Severity.ERROR, "waiver", "A waiver annotation ai-storage.dev/waive-<rule-id> has no reason"),
    WAIVE002(Severity.WARNING, "waiver", "A waiver annotation names no known rule id");

    private final Severity severity;
    private final String family;
    private final String description;

    Rule(Severity severity, String family, String description) {
        this.severity = severity;
        this.family = family;
        this.description = description;
    }

    /** The rule's id: its name, e.g. {@code BIND001}. */
    public String id() {
        return name();
    }

    /** The severity unless a policy config says otherwise (only policy rules are configurable). */
    public Severity severity() {
        return severity;
    }

    public String family() {
        return family;
    }

    public String description() {
        return description;
    }

    /** Whether environments set its level ({@code --policy}): the data-safety policy and the pod rules. */
    public boolean isPolicy() {
        return family.equals("policy") || family.equals("pod");
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(id)).findFirst();
    }
}
