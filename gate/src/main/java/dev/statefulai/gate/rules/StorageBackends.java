package dev.statefulai.gate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the gate knows about storage drivers: which access modes they give, what replaced the in-tree ones. */
public final class StorageBackends {
    static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    /**
     * Block disks attach read-write to one node at a time, so they cannot give ReadWriteMany; EBS and
     * Azure Disk cannot give ReadOnlyMany either, while a GCE persistent disk can be attached
     * read-only to many nodes.
     */
    private static final Map<String, Set<String>> UNSUPPORTED_MODES = Map.of(
            "ebs.csi.aws.com", Set.of("ReadWriteMany", "ReadOnlyMany"),
            "kubernetes.io/aws-ebs", Set.of("ReadWriteMany", "ReadOnlyMany"),
            "disk.csi.azure.com", Set.of("ReadWriteMany", "ReadOnlyMany"),
            "kubernetes.io/azure-disk", Set.of("ReadWriteMany", "ReadOnlyMany"),
            "pd.csi.storage.gke.io", Set.of("ReadWriteMany"),
            "kubernetes.io/gce-pd", Set.of("ReadWriteMany"));

    /** Retired in-tree provisioner to the CSI driver that replaced it (CSI migration is GA, the in-tree code is gone). */
    static final Map<String, String> RETIRED_PROVISIONERS = Map.of(
            "kubernetes.io/aws-ebs", "ebs.csi.aws.com",
            "kubernetes.io/gce-pd", "pd.csi.storage.gke.io",
            "kubernetes.io/azure-disk", "disk.csi.azure.com");

    /** In-tree PV source field to the provisioner name it stands for. */
    static final Map<String, String> IN_TREE_SOURCES = Map.of(
            "awsElasticBlockStore", "kubernetes.io/aws-ebs",
            "gcePersistentDisk", "kubernetes.io/gce-pd",
            "azureDisk", "kubernetes.io/azure-disk");

    /** Every PV volume source field of core/v1 PersistentVolumeSpec: the part of a PV that is immutable. */
    public static final List<String> PV_SOURCES = List.of("awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder",
            "csi", "fc", "flexVolume", "flocker", "gcePersistentDisk", "glusterfs", "hostPath", "iscsi", "local", "nfs",
            "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume");

    /** Drivers whose encryption at rest is a class parameter (others encrypt by default or per volume). */
    private static final Set<String> ENCRYPTED_PARAMETER = Set.of("ebs.csi.aws.com", "kubernetes.io/aws-ebs",
            "rbd.csi.ceph.com", "driver.longhorn.io");

    private StorageBackends() {
    }

    /** The access modes among {@code modes} that {@code driver} cannot give; empty for drivers we know nothing of. */
    static List<String> unsupportedModes(String driver, List<String> modes) {
        Set<String> unsupported = UNSUPPORTED_MODES.getOrDefault(driver, Set.of());
        return modes.stream().filter(unsupported::contains).toList();
    }

    static boolean needsEncryptedParameter(String provisioner) {
        return ENCRYPTED_PARAMETER.contains(provisioner);
    }

    /** The source field a PV spec uses ({@code csi}, {@code local}, ...). */
    static Optional<String> sourceField(JsonNode pvSpec) {
        return PV_SOURCES.stream().filter(pvSpec::has).findFirst();
    }

    /** The driver behind a PV: its CSI driver or the provisioner name of its in-tree source. */
    static Optional<String> driver(JsonNode pvSpec) {
        if (pvSpec.has("csi")) {
            return Optional.of(pvSpec.path("csi").path("driver").asText());
        }
        return sourceField(pvSpec).map(f -> IN_TREE_SOURCES.getOrDefault(f, f));
    }
}
