package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.AwsDrivers;
import java.util.List;

/**
 * An existing EFS file system, directory or access point. EFS is regional (mount targets in every
 * zone), so the PersistentVolume has no node affinity. Create with {@link AwsEfs#existingVolume}.
 */
public final class EfsVolume extends CatalogVolume {
    EfsVolume(String volumeHandle) {
        super(AwsDrivers.EFS, Checks.formatted("EfsVolume", "volumeHandle", volumeHandle, AwsDrivers.EFS.volumeHandle()), null, List.of());
    }

    /** The file system id, e.g. {@code fs-0123456789abcdef0}. */
    public String fileSystemId() {
        int colon = handle().indexOf(':');
        return colon < 0 ? handle() : handle().substring(0, colon);
    }
}
