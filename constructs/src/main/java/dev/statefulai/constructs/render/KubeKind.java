package dev.statefulai.constructs.render;

/**
 * The kinds this library defines with cdk8s-plus-28's L1 classes, by API version and kind: the same
 * as the classes' {@code GVK}, which reading would start the jsii kernel (checked by a test).
 */
public enum KubeKind {
    STORAGE_CLASS("storage.k8s.io/v1", "StorageClass"),
    PERSISTENT_VOLUME("v1", "PersistentVolume"),
    PERSISTENT_VOLUME_CLAIM("v1", "PersistentVolumeClaim"),
    SERVICE("v1", "Service"),
    STATEFUL_SET("apps/v1", "StatefulSet"),
    POD_DISRUPTION_BUDGET("policy/v1", "PodDisruptionBudget");

    private final String apiVersion;
    private final String kind;

    KubeKind(String apiVersion, String kind) {
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }
}
