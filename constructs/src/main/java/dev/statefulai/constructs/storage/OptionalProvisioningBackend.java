package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

/**
 * A backend that creates volumes only when it is told where (an EFS file system, an NFS server, a subnet
 * for new Lustre file systems). Without that its class serves pre-provisioned volumes only: it takes no
 * parameters, provisions nothing, and says "static volumes" in messages.
 */
public abstract class OptionalProvisioningBackend extends CatalogBackend {

    /** A backend, called {@code construct} in refusals, of {@code driver}'s catalog entry. */
    protected OptionalProvisioningBackend(String construct, StorageDriver driver) {
        super(construct, driver);
    }

    /** Where new volumes are created, in words for messages; {@code null} for a class of pre-provisioned volumes only. */
    protected abstract String provisioningTarget();

    /** The parameters of a class that creates volumes ({@link #classParameters} is called only then); none otherwise. */
    @Override
    public final Map<String, String> parameters() {
        return provisioningTarget() == null ? Map.of() : super.parameters();
    }

    @Override
    public final boolean provisionsVolumes() {
        return provisioningTarget() != null;
    }

    @Override
    protected final String variant() {
        return provisioningTarget() == null ? "static volumes" : provisioningTarget();
    }
}
