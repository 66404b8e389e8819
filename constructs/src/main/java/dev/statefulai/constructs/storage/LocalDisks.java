package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.SelfHostedDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

/**
 * Disks attached to the nodes themselves (local NVMe on GPU nodes), served by pre-provisioned
 * {@code local} PersistentVolumes and a StorageClass without a provisioner. Such a class must use
 * {@code WaitForFirstConsumer} so that the scheduler picks a node and the volume on it together. Its
 * catalog entry: {@link SelfHostedDrivers#LOCAL}.
 */
public final class LocalDisks implements StorageBackend {
    private static final LocalDisks INSTANCE = new LocalDisks();

    private LocalDisks() {
    }

    /** The no-provisioner backend for local volumes. */
    public static LocalDisks noProvisioner() {
        return INSTANCE;
    }

    @Override
    public StorageDriver driver() {
        return SelfHostedDrivers.LOCAL;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public String displayName() {
        return driver().name() + " (" + provisioner() + ")";
    }
}
