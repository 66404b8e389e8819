package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.SelfHostedDrivers;

/**
 * Disks attached to the nodes themselves (local NVMe on GPU nodes), served by pre-provisioned
 * {@code local} PersistentVolumes and a StorageClass without a provisioner. Such a class must use
 * {@code WaitForFirstConsumer} so that the scheduler picks a node and the volume on it together. Its
 * catalog entry: {@link SelfHostedDrivers#LOCAL}.
 */
public final class LocalDisks extends CatalogBackend {
    private static final LocalDisks INSTANCE = new LocalDisks();

    private LocalDisks() {
        super("LocalDisks", SelfHostedDrivers.LOCAL);
    }

    /** The no-provisioner backend for local volumes. */
    public static LocalDisks noProvisioner() {
        return INSTANCE;
    }

    /** A class without a provisioner takes no parameters. */
    @Override
    protected ClassParameters classParameters(ClassParameters parameters) {
        return parameters;
    }

    /** One kind of local disk: nothing to tell apart. */
    @Override
    protected String variant() {
        return null;
    }
}
