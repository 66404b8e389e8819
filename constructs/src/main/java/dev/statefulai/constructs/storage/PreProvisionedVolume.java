package dev.statefulai.constructs.storage;

import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/** A volume that exists outside Kubernetes and is handed to it as a PersistentVolume. */
public interface PreProvisionedVolume {

    /** Sets the volume source and the node affinity that says where the volume can be used. */
    void applyTo(PersistentVolumeSpec.Builder spec);

    /** The provisioner of the StorageClass this volume belongs with, to reject a mismatched class. */
    String provisioner();

    /** A short identity for messages and outputs, e.g. the EBS volume id. */
    String handle();

    /** Whether the volume can be published read-only (the CSI source's {@code readOnly}) for datasets consumers must not change. */
    default boolean supportsReadOnly() {
        return false;
    }

    /** Like {@link #applyTo(PersistentVolumeSpec.Builder)}, published read-only with {@code readOnly} where {@link #supportsReadOnly()}. */
    default void applyTo(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        if (readOnly) {
            throw new IllegalStateException(handle() + " cannot be published read-only");
        }
        applyTo(spec);
    }
}
