package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.util.List;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * An existing Azure managed disk. An LRS disk gets node affinity to its zone, because it attaches only
 * to VMs in that zone; a ZRS disk gets none. Create with {@link AzureDisk#existingVolume}.
 */
public final class AzureDiskVolume implements PreProvisionedVolume {
    private static final String CONSTRUCT = "AzureDiskVolume";
    private static final String DISK_RULE =
            "a managed disk's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>";
    private static final Pattern DISK_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Compute/disks/[^/]+");
    private static final Pattern ZONE = Pattern.compile("[a-z0-9]+-[1-3]");

    private final String diskId;
    private final String zone;
    private final String fsType;

    AzureDiskVolume(String diskId, String zone, boolean zoneRedundant, String fsType) {
        Validate.required(CONSTRUCT, "diskId", diskId, DISK_RULE);
        if (!DISK_ID.matcher(diskId).matches()) {
            Refusals.refuse(new InvalidPropsException(CONSTRUCT, "diskId", diskId, DISK_RULE));
        }
        if (zoneRedundant && zone != null) {
            Refusals.refuse(new InvalidPropsException(CONSTRUCT, "zone", zone, "none for a ZRS disk, which attaches in every zone of its region"));
        }
        if (!zoneRedundant) {
            String rule = "the zone of the LRS disk, such as eastus-1 (region and zone number)";
            Validate.required(CONSTRUCT, "zone", zone, rule);
            if (!ZONE.matcher(zone).matches()) {
                Refusals.refuse(new InvalidPropsException(CONSTRUCT, "zone", zone, rule));
            }
        }
        this.diskId = diskId;
        this.zone = zone;
        this.fsType = fsType;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec) {
        applyTo(spec, false);
    }

    @Override
    public boolean supportsReadOnly() {
        return true;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        CsiVolumes.apply(spec, CsiVolumes.source(AzureDisk.CSI_DRIVER, diskId, fsType, null, readOnly),
                zone == null ? List.of() : List.of(zone));
    }

    @Override
    public String provisioner() {
        return AzureDisk.CSI_DRIVER;
    }

    @Override
    public String handle() {
        return diskId;
    }

    /** The zone, or {@code null} for a ZRS disk. */
    public String zone() {
        return zone;
    }
}
