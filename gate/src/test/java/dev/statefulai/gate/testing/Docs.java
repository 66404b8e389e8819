package dev.statefulai.gate.testing;

/**
 * Small manifests in YAML flow style (YAML is a superset of JSON), so a test can build a broken set
 * from a clean one with a string replace. The clean set in namespace "data" binds, passes the policy and
 * has no findings.
 */
public final class Docs {
    /** The clean set's image: pinned by digest (POD005), so pulled IfNotPresent (POD004). */
    public static final String IMAGE = "'busybox@sha256:" + "0123456789abcdef".repeat(4) + "'";
    /** The clean set's container: the image, a read-only root file system (POD002), requests (POL005). */
    public static final String MAIN = "{name: main, image: " + IMAGE + ", imagePullPolicy: IfNotPresent,"
            + " securityContext: {readOnlyRootFilesystem: true}, resources: {requests: {cpu: 100m, memory: 64Mi}}}";

    private Docs() {
    }

    public static String storageClass(String name, String provisioner, String reclaim, String binding) {
        return "{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: " + name + "}, provisioner: " + provisioner
                + ", parameters: {type: gp3, encrypted: \"true\"}, reclaimPolicy: " + reclaim
                + ", volumeBindingMode: " + binding + ", allowVolumeExpansion: true}";
    }

    public static String gp3() {
        return storageClass("gp3", "ebs.csi.aws.com", "Retain", "WaitForFirstConsumer");
    }

    public static String headless(String name) {
        return "{apiVersion: v1, kind: Service, metadata: {name: " + name + ", namespace: data}, spec: {clusterIP: None,"
                + " selector: {app: " + name + "}, ports: [{port: 80}]}}";
    }

    public static String statefulSet(String name, int replicas, String cls, String size) {
        return "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: " + name + ", namespace: data}, spec: {replicas: " + replicas
                + ", serviceName: " + name + ", podManagementPolicy: OrderedReady, selector: {matchLabels: {app: " + name + "}},"
                + " template: {metadata: {labels: {app: " + name + "}}, spec: {securityContext: {runAsNonRoot: true, fsGroup: 1000},"
                + " affinity: " + antiAffinity(name) + ", containers: [" + MAIN + "]}},"
                + " volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], storageClassName: " + cls
                + ", resources: {requests: {storage: " + size + "}}}}]}}";
    }

    /** Preferred anti-affinity on kubernetes.io/hostname for pods labelled {@code app: <app>} (POD003). */
    public static String antiAffinity(String app) {
        return "{podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, podAffinityTerm:"
                + " {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: " + app + "}}}}]}}";
    }

    public static String pdb(String name) {
        return "{apiVersion: policy/v1, kind: PodDisruptionBudget, metadata: {name: " + name + ", namespace: data},"
                + " spec: {maxUnavailable: 1, selector: {matchLabels: {app: " + name + "}}}}";
    }

    public static String pv(String name, String cls, String size, String modes, String extra) {
        return "{apiVersion: v1, kind: PersistentVolume, metadata: {name: " + name + ", labels: {tier: archive}}, spec: {storageClassName: " + cls
                + ", capacity: {storage: " + size + "}, accessModes: [" + modes + "], persistentVolumeReclaimPolicy: Retain,"
                + " csi: {driver: ebs.csi.aws.com, volumeHandle: vol-" + name + "}" + extra + "}}";
    }

    public static String pvc(String name, String cls, String size, String modes, String extra) {
        return "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: " + name + ", namespace: data}, spec: {storageClassName: " + cls
                + ", accessModes: [" + modes + "], resources: {requests: {storage: " + size + "}}" + extra + "}}";
    }

    public static String claimRef(String claim) {
        return ", claimRef: {kind: PersistentVolumeClaim, namespace: data, name: " + claim + "}";
    }

    /** A Velero schedule of every claim: file-system backup of every namespace. */
    public static String backupOfEverything() {
        return "{apiVersion: velero.io/v1, kind: Schedule, metadata: {name: everything, namespace: velero},"
                + " spec: {schedule: \"0 3 * * *\", template: {includedNamespaces: [\"*\"], defaultVolumesToFsBackup: true}}}";
    }

    /** A clean app: class, headless Service, 3-replica StatefulSet with a PDB, and a pre-bound archive PV + claim. */
    public static String[] cleanSet() {
        return new String[] {gp3(), headless("db"), statefulSet("db", 3, "gp3", "10Gi"), pdb("db"),
                pv("archive-pv", "gp3", "100Gi", "ReadWriteOnce", claimRef("archive")),
                pvc("archive", "gp3", "100Gi", "ReadWriteOnce", ", volumeName: archive-pv")};
    }
}
