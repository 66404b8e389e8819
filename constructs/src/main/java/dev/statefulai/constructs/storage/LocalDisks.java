package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.AccessMode;
import java.util.Map;
import java.util.Set;

/**
 * Disks attached to the nodes themselves (local NVMe on GPU nodes), served by pre-provisioned
 * {@code local} PersistentVolumes and a StorageClass without a provisioner. Such a class must use
 * {@code WaitForFirstConsumer} so that the scheduler picks a node and the volume on it together.
 */
public final class LocalDisks implements StorageBackend {
    /** The provisioner of classes whose volumes are all created by hand. */
    public static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    private static final LocalDisks INSTANCE = new LocalDisks();

    private LocalDisks() {
    }

    /** The no-provisioner backend for local volumes. */
    public static LocalDisks noProvisioner() {
        return INSTANCE;
    }

    @Override
    public String provisioner() {
        return NO_PROVISIONER;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public Set<AccessMode> accessModes() {
        return Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD);
    }

    @Override
    public boolean supportsExpansion() {
        return false;
    }

    @Override
    public boolean isNodeLocal() {
        return true;
    }

    @Override
    public String displayName() {
        return "local disks (" + NO_PROVISIONER + ")";
    }
}
