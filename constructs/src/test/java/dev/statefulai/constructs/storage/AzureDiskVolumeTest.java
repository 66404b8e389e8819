package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureDiskVolumeTest {
    private static final String DISK = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml/providers/"
            + "Microsoft.Compute/disks/features";
    private static final String DISK_RULE = "a managed disk's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/"
            + "Microsoft.Compute/disks/<name>";

    @Test
    void anLrsDiskIsTiedToItsZone() {
        AzureDiskVolume v = Volumes.assertNames(AzureDisk.premium().existingVolume(DISK, "eastus-1"), DISK, "disk.csi.azure.com");
        assertEquals("eastus-1", v.zone());
        Volumes.assertZonalCsi(Volumes.persistentVolumeSpec(v), "disk.csi.azure.com", DISK, "eastus-1");
    }

    @Test
    void aZrsDiskAttachesInEveryZone() {
        AzureDiskVolume v = AzureDisk.builder().skuName("Premium_ZRS").build().existingVolume(DISK, null);
        assertNull(v.zone());
        Map<String, Object> spec = Volumes.persistentVolumeSpec(v, true);
        assertEquals(Map.of("csi", Map.of("driver", "disk.csi.azure.com", "volumeHandle", DISK, "fsType", "ext4", "readOnly", true)), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"features", "/subscriptions/abc/resourceGroups/ml/providers/Microsoft.Compute/disks/features",
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml/providers/Microsoft.Compute/snapshots/features"})
    void rejectsAMalformedDiskId(String id) {
        assertInvalid("AzureDiskVolume: prop 'diskId' is '" + id + "'; allowed: " + DISK_RULE,
                () -> AzureDisk.premium().existingVolume(id, "eastus-1"));
    }

    @Test
    void rejectsAMissingDiskId() {
        assertInvalid("AzureDiskVolume: prop 'diskId' is missing; allowed: " + DISK_RULE, () -> AzureDisk.premium().existingVolume(null, "eastus-1"));
    }

    @Test
    void anLrsDiskNeedsAZone() {
        String allowed = "allowed: the zone of the LRS disk, such as eastus-1 (region and zone number)";
        assertInvalid("AzureDiskVolume: prop 'zone' is missing; " + allowed, () -> AzureDisk.premium().existingVolume(DISK, null));
        assertInvalid("AzureDiskVolume: prop 'zone' is 'eastus'; " + allowed, () -> AzureDisk.premium().existingVolume(DISK, "eastus"));
        assertInvalid("AzureDiskVolume: prop 'zone' is 'eastus-4'; " + allowed, () -> AzureDisk.premium().existingVolume(DISK, "eastus-4"));
    }

    @Test
    void aZrsDiskTakesNoZone() {
        assertInvalid("AzureDiskVolume: prop 'zone' is 'eastus-1'; allowed: none for a ZRS disk, which attaches in every zone of its region",
                () -> AzureDisk.builder().skuName("StandardSSD_ZRS").build().existingVolume(DISK, "eastus-1"));
    }
}
