package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.AwsDrivers;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An existing EFS file system, directory or access point. EFS is regional (mount targets in every
 * zone), so the PersistentVolume has no node affinity. Create with {@link AwsEfs#existingVolume}.
 */
public final class EfsVolume extends CatalogVolume {
    private static final String HANDLE_RULE = "an EFS volume handle: fs-0123456789abcdef0, fs-0123456789abcdef0:/path, "
            + "or fs-0123456789abcdef0::fsap-0123456789abcdef0 (an access point, optionally with a path between the colons)";
    private static final Pattern HANDLE =
            Pattern.compile("fs-([0-9a-f]{8}|[0-9a-f]{17})(:(/[^:]*)?(:fsap-[0-9a-f]{17})?)?");

    EfsVolume(String volumeHandle) {
        super(AwsDrivers.EFS, Checks.required("EfsVolume", "volumeHandle", volumeHandle,
                h -> HANDLE.matcher(h).matches() && !h.contains("..") && !h.endsWith(":"), HANDLE_RULE), null, List.of());
    }

    /** The file system id, e.g. {@code fs-0123456789abcdef0}. */
    public String fileSystemId() {
        int colon = handle().indexOf(':');
        return colon < 0 ? handle() : handle().substring(0, colon);
    }
}
