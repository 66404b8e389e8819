package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GcePdTest {
    private static final String KEY = "projects/ml-platform/locations/us-central1/keyRings/storage/cryptoKeys/disks";

    @Test
    void balancedIsAZonalExt4DiskOnTheCsiDriver() {
        GcePd pd = GcePd.balanced();
        assertEquals("pd.csi.storage.gke.io", pd.provisioner());
        assertEquals(Map.of("type", "pd-balanced", "replication-type", "none", "csi.storage.k8s.io/fstype", "ext4"), pd.parameters());
        assertEquals("pd-balanced", pd.diskType());
        assertFalse(pd.isRegional());
        assertEquals("GCE PD pd-balanced (pd.csi.storage.gke.io)", pd.displayName());
    }

    @Test
    void writesEveryOption() {
        GcePd pd = GcePd.builder().diskType("pd-ssd").regional(true).kmsKey(KEY).fsType("xfs").build();
        assertEquals(Map.of("type", "pd-ssd", "replication-type", "regional-pd", "disk-encryption-kms-key", KEY,
                "csi.storage.k8s.io/fstype", "xfs"), pd.parameters());
        assertEquals("GCE PD pd-ssd regional (pd.csi.storage.gke.io)", pd.displayName());
    }

    @Test
    void rejectsAnUnknownDiskType() {
        // Hyperdisk types are the driver's too (pkg/parameters/constants.go): an unknown type is a misspelt one.
        assertInvalid("GcePd: prop 'diskType' is 'pd-fast'; allowed: one of [hyperdisk-balanced, hyperdisk-balanced-high-availability,"
                + " hyperdisk-extreme, hyperdisk-ml, hyperdisk-throughput, pd-balanced, pd-extreme, pd-ssd, pd-standard]",
                () -> GcePd.builder().diskType("pd-fast").build());
    }

    @Test
    void rejectsARegionalExtremeDisk() {
        assertInvalid("GcePd: prop 'regional' is true; allowed: false for diskType pd-extreme: regional disks are one of "
                + "[pd-balanced, pd-ssd, pd-standard]", () -> GcePd.builder().diskType("pd-extreme").regional(true).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"disks", "projects/p/locations/us/keyRings/r/cryptoKeys/k", "arn:aws:kms:us-east-1:111122223333:key/abcd"})
    void rejectsAKeyThatIsNotACloudKmsKey(String key) {
        assertInvalid("GcePd: prop 'kmsKey' is '" + key + "'; allowed: a Cloud KMS key name: "
                + "projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>", () -> GcePd.builder().kmsKey(key).build());
    }

    @Test
    void zonalAndRegionalVolumesNeedTheMatchingClass() {
        assertInvalid("GcePd: prop 'regional' is true; allowed: false for a zonal disk: use existingRegionalVolume for a regional disk",
                () -> GcePd.builder().regional(true).build().existingVolume("ml-platform", "us-central1-a", "features"));
        assertInvalid("GcePd: prop 'regional' is false; allowed: true for a regional disk: use existingVolume for a zonal disk",
                () -> GcePd.balanced().existingRegionalVolume("ml-platform", "us-central1", "features",
                        List.of("us-central1-a", "us-central1-b")));
    }
}
