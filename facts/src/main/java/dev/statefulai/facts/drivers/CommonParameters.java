package dev.statefulai.facts.drivers;

import java.util.List;

/**
 * StorageClass parameters that several drivers take with the same meaning, each stated once with the page that
 * documents it; an entry lists them among its own.
 */
final class CommonParameters {
    private CommonParameters() {
    }

    /**
     * The Secret a CSI sidecar hands the driver for one operation ({@code provisioner}, {@code node-stage},
     * {@code controller-expand}, ...): {@code csi.storage.k8s.io/<operation>-secret-name} and {@code -namespace}
     * (kubernetes-csi docs, "StorageClass Secrets": https://kubernetes-csi.github.io/docs/secrets-and-credentials-storage-class.html).
     */
    static List<Parameter> csiSecret(String operation, String secret, boolean required) {
        String need = required ? " (required)" : "";
        return List.of(Parameter.text("csi.storage.k8s.io/" + operation + "-secret-name", secret + need),
                Parameter.text("csi.storage.k8s.io/" + operation + "-secret-namespace", "its namespace" + need));
    }

    /**
     * {@code zone} and {@code zones} of the retired in-tree cloud-disk provisioners (AWS EBS, GCE PD), deprecated
     * for {@code allowedTopologies} (the Kubernetes 1.26 page of StorageClasses, {@link DriverShapes#retired}).
     */
    static List<Parameter> inTreeZones(String volumes) {
        return List.of(Parameter.text("zone", "the zone of new " + volumes + " (deprecated: allowedTopologies)"),
                Parameter.text("zones", "comma-separated zones of new " + volumes + " (deprecated: allowedTopologies)"));
    }

    /**
     * The file system a provisioner makes on a new volume, under the key its documentation spells ({@code fsType} of
     * the in-tree provisioners and Longhorn, {@code fstype} of in-tree GCE PD), ext4 by default; CSI drivers take
     * {@link Parameter#csiFsType} instead.
     */
    static Parameter fsType(String key, String volumes) {
        return Parameter.text(key, "file system of new " + volumes + " (default ext4)");
    }
}
