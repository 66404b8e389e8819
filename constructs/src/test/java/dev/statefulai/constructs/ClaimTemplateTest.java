package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimTemplateTest {

    private static ClaimTemplate.Builder data() {
        return ClaimTemplate.builder().name("data").mountPath("/data").size("10Gi");
    }

    @Test
    void defaultsToOneReadWriteOnceFilesystemVolumeOnTheDefaultClass() {
        ClaimTemplate t = data().build();
        assertEquals("data", t.name());
        assertEquals("/data", t.mountPath());
        assertEquals("10Gi", t.size());
        assertEquals(List.of(AccessMode.READ_WRITE_ONCE), t.accessModes());
        assertEquals(List.of("ReadWriteOnce"), t.accessModeValues());
        assertEquals(VolumeMode.FILESYSTEM, t.volumeMode());
        assertNull(t.storageClassName());
        assertFalse(t.readOnly());
        assertNull(t.subPath());
    }

    @Test
    void keepsEveryOption() {
        ClaimTemplate t = data().storageClassName("ml.fast-ssd").readOnly(true).subPath("models")
                .accessModes(AccessMode.READ_ONLY_MANY).build();
        assertEquals("ml.fast-ssd", t.storageClassName());
        assertTrue(t.readOnly());
        assertEquals("models", t.subPath());
        assertEquals(List.of("ReadOnlyMany"), t.accessModeValues());
    }

    @Test
    void dropsRepeatedAccessModesKeepingTheOrderGiven() {
        ClaimTemplate t = data().accessModes(AccessMode.READ_WRITE_ONCE_POD, AccessMode.READ_WRITE_ONCE,
                AccessMode.READ_WRITE_ONCE_POD).build();
        assertEquals(List.of("ReadWriteOncePod", "ReadWriteOnce"), t.accessModeValues());
    }

    @Test
    void acceptsAnEmptyClassNameForStaticBinding() {
        assertEquals("", data().storageClassName("").build().storageClassName());
    }

    @Test
    void acceptsABlockVolumeForOneWriter() {
        ClaimTemplate t = data().volumeMode(VolumeMode.BLOCK).mountPath("/dev/xvdf")
                .accessModes(AccessMode.READ_WRITE_ONCE_POD).build();
        assertEquals(VolumeMode.BLOCK, t.volumeMode());
        assertEquals("/dev/xvdf", t.mountPath());
    }

    @Test
    void rejectsATemplateWithoutMountPath() {
        assertInvalid("ClaimTemplate 'data': prop 'mountPath' is missing; allowed: an absolute path such as /data",
                () -> data().mountPath(null).build());
    }

    @Test
    void rejectsARelativeMountPath() {
        assertInvalid("ClaimTemplate 'data': prop 'mountPath' is 'data'; allowed: an absolute path such as /data",
                () -> data().mountPath("data").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10GB", "-1Gi", "0Gi"})
    void rejectsASizeThatIsNotAPositiveQuantity(String size) {
        assertInvalid("ClaimTemplate 'data': prop 'size' is '" + size + "'; allowed: " + Messages.SIZE,
                () -> data().size(size).build());
    }

    @Test
    void rejectsAMissingSize() {
        assertInvalid("ClaimTemplate 'data': prop 'size' is missing; allowed: " + Messages.SIZE,
                () -> data().size(null).build());
    }

    @Test
    void rejectsANameThatIsNotADnsLabel() {
        assertInvalid("ClaimTemplate 'Model_Cache': prop 'name' is 'Model_Cache'; allowed: " + Messages.DNS_LABEL,
                () -> data().name("Model_Cache").build());
    }

    @Test
    void rejectsAClassNameThatIsNotADnsSubdomain() {
        assertInvalid("ClaimTemplate 'data': prop 'storageClassName' is 'Fast_SSD'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> data().storageClassName("Fast_SSD").build());
    }

    @Test
    void rejectsNoAccessMode() {
        assertInvalid("ClaimTemplate 'data': prop 'accessModes' is missing; allowed: "
                        + "one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod",
                () -> data().accessModes(List.of()).build());
    }

    @Test
    void rejectsReadWriteManyOnABlockVolume() {
        assertInvalid("ClaimTemplate 'data': prop 'accessModes' is 'ReadWriteMany'; allowed: ReadWriteOnce or "
                        + "ReadWriteOncePod on a Block volume: two nodes writing one raw block device corrupt it",
                () -> data().volumeMode(VolumeMode.BLOCK).accessModes(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_MANY).build());
    }
}
