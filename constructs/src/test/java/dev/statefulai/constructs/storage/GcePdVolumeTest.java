package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GcePdVolumeTest {
    private static final GcePd REGIONAL = GcePd.builder().regional(true).build();

    @Test
    void aZonalDiskIsTiedToItsZone() {
        String handle = "projects/ml-platform/zones/us-central1-a/disks/features";
        GcePdVolume v = Volumes.assertNames(GcePd.balanced().existingVolume("ml-platform", "us-central1-a", "features"), handle,
                "pd.csi.storage.gke.io");
        assertEquals(List.of("us-central1-a"), v.zones());
        Volumes.assertZonalCsi(Volumes.persistentVolumeSpec(v), "pd.csi.storage.gke.io", handle, "us-central1-a");
    }

    @Test
    void aRegionalDiskIsTiedToItsTwoReplicaZones() {
        GcePdVolume v = REGIONAL.existingRegionalVolume("ml-platform", "europe-west4", "features",
                List.of("europe-west4-c", "europe-west4-a"));
        assertEquals("projects/ml-platform/regions/europe-west4/disks/features", v.handle());
        Map<String, Object> spec = Volumes.persistentVolumeSpec(v);
        assertEquals(Volumes.requiredAffinity("topology.kubernetes.io/zone", "europe-west4-a", "europe-west4-c"), spec.get("nodeAffinity"));
    }

    @Test
    void carriesTheBackendsFileSystemAndCanBeReadOnly() {
        GcePdVolume v = GcePd.builder().fsType("xfs").build().existingVolume("ml-platform", "us-central1-a", "features");
        assertEquals(Map.of("driver", "pd.csi.storage.gke.io", "volumeHandle", v.handle(), "fsType", "xfs", "readOnly", true),
                Volumes.persistentVolumeSpec(v, true).get("csi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML", "p", "1project", "project-"})
    void rejectsAMalformedProject(String project) {
        assertInvalid("GcePdVolume: prop 'project' is '" + project + "'; allowed: a Google Cloud project id: 6 to 30 lower-case letters, "
                + "digits and '-', starting with a letter", () -> GcePd.balanced().existingVolume(project, "us-central1-a", "features"));
    }

    @Test
    void rejectsAMissingProject() {
        assertInvalid("GcePdVolume: prop 'project' is missing; allowed: a Google Cloud project id: 6 to 30 lower-case letters, "
                + "digits and '-', starting with a letter", () -> GcePd.balanced().existingVolume(null, "us-central1-a", "features"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Features", "1disk", "disk_1"})
    void rejectsAMalformedDisk(String disk) {
        assertInvalid("GcePdVolume: prop 'disk' is '" + disk + "'; allowed: a disk name: at most 63 lower-case letters, digits and '-', "
                + "starting with a letter", () -> GcePd.balanced().existingVolume("ml-platform", "us-central1-a", disk));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-central1", "us-central1-ab", "US-CENTRAL1-A"})
    void rejectsAMalformedZone(String zone) {
        assertInvalid("GcePdVolume: prop 'zone' is '" + zone + "'; allowed: a zone such as us-central1-a",
                () -> GcePd.balanced().existingVolume("ml-platform", zone, "features"));
    }

    @Test
    void rejectsAMalformedRegion() {
        assertInvalid("GcePdVolume: prop 'region' is 'us-central1-a'; allowed: a region such as us-central1",
                () -> REGIONAL.existingRegionalVolume("ml-platform", "us-central1-a", "features", List.of("us-central1-a", "us-central1-b")));
    }

    @Test
    void rejectsReplicaZonesThatAreNotTwoZonesOfTheRegion() {
        String allowed = "allowed: the two distinct zones of us-central1 the disk is replicated to, such as us-central1-a and us-central1-b";
        assertInvalid("GcePdVolume: prop 'replicaZones' is [us-central1-a]; " + allowed,
                () -> REGIONAL.existingRegionalVolume("ml-platform", "us-central1", "features", List.of("us-central1-a")));
        assertInvalid("GcePdVolume: prop 'replicaZones' is [us-central1-a, us-central1-a]; " + allowed,
                () -> REGIONAL.existingRegionalVolume("ml-platform", "us-central1", "features", List.of("us-central1-a", "us-central1-a")));
        assertInvalid("GcePdVolume: prop 'replicaZones' is [us-central1-a, us-east1-b]; " + allowed,
                () -> REGIONAL.existingRegionalVolume("ml-platform", "us-central1", "features", List.of("us-central1-a", "us-east1-b")));
        assertInvalid("GcePdVolume: prop 'replicaZones' is [us-central1-a, null]; " + allowed,
                () -> REGIONAL.existingRegionalVolume("ml-platform", "us-central1", "features", Arrays.asList("us-central1-a", null)));
        assertInvalid("GcePdVolume: prop 'replicaZones' is missing; " + allowed,
                () -> REGIONAL.existingRegionalVolume("ml-platform", "us-central1", "features", null));
    }
}
