package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsEfsTest {
    static final String FS = "fs-0123456789abcdef0";

    @Test
    void accessPointsProvisionOneAccessPointPerClaim() {
        AwsEfs efs = AwsEfs.accessPoints(FS);
        assertEquals("efs.csi.aws.com", efs.provisioner());
        assertEquals(Map.of("provisioningMode", "efs-ap", "fileSystemId", FS, "directoryPerms", "700"), efs.parameters());
        assertEquals(FS, efs.fileSystemId());
        assertTrue(efs.provisionsVolumes());
        assertEquals("AWS EFS fs-0123456789abcdef0 (efs.csi.aws.com)", efs.displayName());
    }

    @Test
    void writesEveryOption() {
        AwsEfs efs = AwsEfs.builder().fileSystemId("fs-1a2b3c4d").directoryPerms("750").basePath("/datasets")
                .gidRange(60000, 61000).build();
        assertEquals(Map.of("provisioningMode", "efs-ap", "fileSystemId", "fs-1a2b3c4d", "directoryPerms", "750",
                "basePath", "/datasets", "gidRangeStart", "60000", "gidRangeEnd", "61000"), efs.parameters());
    }

    @Test
    void aStaticClassTakesNoParametersAndProvisionsNothing() {
        AwsEfs efs = AwsEfs.staticVolumes();
        assertEquals(Map.of(), efs.parameters());
        assertNull(efs.fileSystemId());
        assertFalse(efs.provisionsVolumes());
        assertEquals("AWS EFS static volumes (efs.csi.aws.com)", efs.displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs-123", "fs-0123456789ABCDEF0", "0123456789abcdef0", "fs-0123456789abcdef"})
    void rejectsAMalformedFileSystemId(String id) {
        assertInvalid("AwsEfs: prop 'fileSystemId' is '" + id + "'; allowed: an EFS file system id: 'fs-' and 17 (or, for old file "
                + "systems, 8) lower-case hex digits", () -> AwsEfs.accessPoints(id));
    }

    @Test
    void rejectsAMissingFileSystemIdForAccessPoints() {
        assertInvalid("AwsEfs: prop 'fileSystemId' is missing; allowed: an EFS file system id: 'fs-' and 17 (or, for old file "
                + "systems, 8) lower-case hex digits", () -> AwsEfs.accessPoints(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"777x", "800", "7", "rwx"})
    void rejectsPermissionsThatAreNotOctal(String perms) {
        assertInvalid("AwsEfs: prop 'directoryPerms' is '" + perms + "'; allowed: octal permissions of the access point's directory, "
                + "such as 700, 750 or 775", () -> AwsEfs.builder().fileSystemId(FS).directoryPerms(perms).build());
    }

    @Test
    void rejectsARelativeBasePath() {
        assertInvalid("AwsEfs: prop 'basePath' is 'datasets'; allowed: an absolute path such as /data",
                () -> AwsEfs.builder().fileSystemId(FS).basePath("datasets").build());
    }

    @Test
    void rejectsHalfAGidRange() {
        assertInvalid("AwsEfs: prop 'gidRangeEnd' is missing; allowed: both gidRangeStart and gidRangeEnd, or neither",
                () -> AwsEfs.builder().fileSystemId(FS).gidRange(60000, null).build());
        assertInvalid("AwsEfs: prop 'gidRangeStart' is missing; allowed: both gidRangeStart and gidRangeEnd, or neither",
                () -> AwsEfs.builder().fileSystemId(FS).gidRange(null, 61000).build());
    }

    @Test
    void rejectsAnEmptyOrInvertedGidRange() {
        assertInvalid("AwsEfs: prop 'gidRangeEnd' is 60000; allowed: a GID above gidRangeStart (60000), and gidRangeStart 1 or more",
                () -> AwsEfs.builder().fileSystemId(FS).gidRange(60000, 60000).build());
        assertInvalid("AwsEfs: prop 'gidRangeEnd' is 10; allowed: a GID above gidRangeStart (0), and gidRangeStart 1 or more",
                () -> AwsEfs.builder().fileSystemId(FS).gidRange(0, 10).build());
    }

    @Test
    void rejectsProvisioningOptionsWithoutAFileSystem() {
        String message = "AwsEfs: prop 'fileSystemId' is missing; allowed: the file system to create access points on, "
                + "when directoryPerms, basePath or gidRange are set";
        assertInvalid(message, () -> AwsEfs.builder().basePath("/datasets").build());
        assertInvalid(message, () -> AwsEfs.builder().directoryPerms("755").build());
        assertInvalid(message, () -> AwsEfs.builder().gidRange(1000, 2000).build());
    }
}
