package dev.statefulai.facts.drivers;

import java.util.List;

/**
 * The volume source fields of core/v1 {@code PersistentVolumeSpec} (Kubernetes 1.28): exactly one says
 * where a PersistentVolume's data is, and none of them can change once the volume exists.
 */
public final class PersistentVolumeSources {
    /** Every source field, in the API's alphabetical order. */
    public static final List<String> FIELDS = List.of("awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder",
            "csi", "fc", "flexVolume", "flocker", "gcePersistentDisk", "glusterfs", "hostPath", "iscsi", "local", "nfs",
            "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume");

    private PersistentVolumeSources() {
    }
}
