package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EfsVolumeTest {
    private static final String HANDLE_RULE = "an EFS volume handle: fs-0123456789abcdef0, fs-0123456789abcdef0:/path, "
            + "or fs-0123456789abcdef0::fsap-0123456789abcdef0 (an access point, optionally with a path between the colons)";

    @ParameterizedTest
    @ValueSource(strings = {"fs-0123456789abcdef0", "fs-1a2b3c4d", "fs-0123456789abcdef0:/datasets/v1",
            "fs-0123456789abcdef0::fsap-0123456789abcdef0", "fs-0123456789abcdef0:/datasets:fsap-0123456789abcdef0"})
    void acceptsTheDriversHandles(String handle) {
        EfsVolume v = Volumes.assertNames(AwsEfs.staticVolumes().existingVolume(handle), handle, "efs.csi.aws.com");
        assertTrue(handle.startsWith(v.fileSystemId() + ":") || handle.equals(v.fileSystemId()));
    }

    @Test
    void isACsiVolumeWithoutNodeAffinity() {
        Map<String, Object> spec = Volumes.persistentVolumeSpec(
                AwsEfs.staticVolumes().existingVolume("fs-0123456789abcdef0::fsap-0123456789abcdef0"));
        assertEquals(Map.of("csi", Map.of("driver", "efs.csi.aws.com", "volumeHandle", "fs-0123456789abcdef0::fsap-0123456789abcdef0")),
                spec);
    }

    @Test
    void canBePublishedReadOnly() {
        EfsVolume v = AwsEfs.staticVolumes().existingVolume("fs-0123456789abcdef0");
        assertTrue(v.supportsReadOnly());
        Map<String, Object> spec = Volumes.persistentVolumeSpec(v, true);
        assertEquals(Map.of("driver", "efs.csi.aws.com", "volumeHandle", "fs-0123456789abcdef0", "readOnly", true), spec.get("csi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs-0123", "fs-0123456789abcdef0:", "fs-0123456789abcdef0::", "fs-0123456789abcdef0::fsap-123",
            "fs-0123456789abcdef0:datasets", "fs-0123456789abcdef0:/a/../b", "vol-0123456789abcdef0"})
    void rejectsAMalformedHandle(String handle) {
        assertInvalid("EfsVolume: prop 'volumeHandle' is '" + handle + "'; allowed: " + HANDLE_RULE,
                () -> AwsEfs.staticVolumes().existingVolume(handle));
    }

    @Test
    void rejectsAMissingHandle() {
        assertInvalid("EfsVolume: prop 'volumeHandle' is missing; allowed: " + HANDLE_RULE, () -> AwsEfs.staticVolumes().existingVolume(null));
    }

    @Test
    void theDefaultReadOnlyApplyRefusesVolumesThatCannot() {
        PreProvisionedVolume local = LocalVolume.on("gpu-node-1", "/mnt/nvme0");
        assertEquals(false, local.supportsReadOnly());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> local.applyTo(PersistentVolumeSpec.builder(), true));
        assertEquals("gpu-node-1:/mnt/nvme0 cannot be published read-only", e.getMessage());
    }
}
