package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NfsVolumeTest {

    @Test
    void keepsServerAndShare() {
        NfsVolume v = Volumes.assertNames(NfsCsi.staticVolumes().existingVolume("nfs.internal", "/exports/datasets"),
                "nfs.internal:/exports/datasets", "nfs.csi.k8s.io");
        assertEquals("nfs.internal", v.server());
        assertEquals("/exports/datasets", v.share());
    }

    @Test
    void isACsiVolumeWithServerAndShareAttributesAndNoAffinity() {
        Map<String, Object> spec = Volumes.persistentVolumeSpec(NfsCsi.staticVolumes().existingVolume("10.0.0.4", "/exports/datasets"));
        assertEquals(Map.of("csi", Map.of("driver", "nfs.csi.k8s.io", "volumeHandle", "10.0.0.4/exports/datasets##",
                "volumeAttributes", Map.of("server", "10.0.0.4", "share", "/exports/datasets"))), spec);
    }

    @Test
    void canBePublishedReadOnly() {
        Map<String, Object> spec = Volumes.persistentVolumeSpec(NfsCsi.staticVolumes().existingVolume("nfs.internal", "/exports"), true);
        assertEquals(true, spec.get("csi") instanceof Map<?, ?> csi ? csi.get("readOnly") : null);
    }

    @Test
    void rejectsABadServerOrShare() {
        assertInvalid("NfsVolume: prop 'server' is missing; allowed: an NFS server's host name or IPv4 address, such as "
                + "nfs.example.internal or 10.0.0.4", () -> NfsCsi.staticVolumes().existingVolume(null, "/exports"));
        assertInvalid("NfsVolume: prop 'share' is 'exports'; allowed: an absolute path such as /data",
                () -> NfsCsi.staticVolumes().existingVolume("nfs.internal", "exports"));
    }
}
