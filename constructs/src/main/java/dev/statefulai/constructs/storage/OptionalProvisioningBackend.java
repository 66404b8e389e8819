package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.ClassParameters;
import java.util.Map;

/**
 * A backend that creates volumes only when it is told where (an EFS file system, an NFS server, a subnet
 * for new Lustre file systems). Without that its class serves pre-provisioned volumes only: it takes no
 * parameters, provisions nothing, and says "static volumes" in messages.
 */
public abstract class OptionalProvisioningBackend implements StorageBackend {

    /** Where new volumes are created, in words for messages; {@code null} for a class of pre-provisioned volumes only. */
    protected abstract String provisioningTarget();

    /** Adds the parameters of a class that creates volumes; called only when there is a provisioning target. */
    protected abstract ClassParameters provisioningParameters(ClassParameters parameters);

    @Override
    public final Map<String, String> parameters() {
        return provisioningTarget() == null ? Map.of() : provisioningParameters(new ClassParameters(driver())).toMap();
    }

    @Override
    public final boolean provisionsVolumes() {
        return provisioningTarget() != null;
    }

    @Override
    public String displayName() {
        String volumes = provisioningTarget() == null ? "static volumes" : provisioningTarget();
        return driver().name() + " " + volumes + " (" + provisioner() + ")";
    }
}
