package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.facts.drivers.AzureDrivers;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An existing Azure managed disk. An LRS disk gets node affinity to its zone, because it attaches only
 * to VMs in that zone; a ZRS disk gets none. Create with {@link AzureDisk#existingVolume}.
 */
public final class AzureDiskVolume extends CatalogVolume {
    private static final String CONSTRUCT = "AzureDiskVolume";
    private static final Pattern ZONE = Pattern.compile("[a-z0-9]+-[1-3]");

    AzureDiskVolume(String diskId, String zone, boolean zoneRedundant, String fsType) {
        super(AzureDrivers.DISK, Checks.formatted(CONSTRUCT, "diskId", diskId, AzureDrivers.DISK.volumeHandle()),
                fsType, zoneRedundant || zone == null ? List.of() : List.of(zone));
        if (zoneRedundant && zone != null) {
            refuse(CONSTRUCT, "zone", zone, "none for a ZRS disk, which attaches in every zone of its region");
        }
        if (!zoneRedundant) {
            Checks.required(CONSTRUCT, "zone", zone, ZONE.asMatchPredicate(),
                    "the zone of the LRS disk, such as eastus-1 (region and zone number)");
        }
    }

    /** The zone, or {@code null} for a ZRS disk. */
    public String zone() {
        return places().isEmpty() ? null : places().get(0);
    }
}
