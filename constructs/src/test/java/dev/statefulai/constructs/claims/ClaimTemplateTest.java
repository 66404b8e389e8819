package dev.statefulai.constructs.claims;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.VolumeMode;
import java.util.List;
import java.util.Map;
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
        assertEquals("10Gi", t.claim().size());
        assertEquals(List.of(AccessMode.READ_WRITE_ONCE), t.claim().accessModes());
        assertEquals(List.of("ReadWriteOnce"), t.claim().accessModeValues());
        assertEquals(VolumeMode.FILESYSTEM, t.claim().volumeMode());
        assertNull(t.claim().storageClassName());
        assertFalse(t.readOnly());
        assertNull(t.subPath());
    }

    @Test
    void theOneLineTemplateIsTheBuilders() {
        ClaimTemplate t = ClaimTemplate.of("data", "/data", "10Gi");
        assertEquals("data", t.name());
        assertEquals("/data", t.mountPath());
        assertEquals("10Gi", t.claim().size());
        assertEquals(List.of(AccessMode.READ_WRITE_ONCE), t.claim().accessModes());
    }

    @Test
    void keepsEveryOption() {
        ClaimTemplate t = data().storageClassName("ml.fast-ssd").readOnly(true).subPath("models")
                .accessModes(AccessMode.READ_ONLY_MANY).build();
        assertEquals("ml.fast-ssd", t.claim().storageClassName());
        assertTrue(t.readOnly());
        assertEquals("models", t.subPath());
        assertEquals(List.of("ReadOnlyMany"), t.claim().accessModeValues());
    }

    @Test
    void dropsRepeatedAccessModesKeepingTheOrderGiven() {
        ClaimTemplate t = data().accessModes(AccessMode.READ_WRITE_ONCE_POD, AccessMode.READ_WRITE_ONCE,
                AccessMode.READ_WRITE_ONCE_POD).build();
        assertEquals(List.of("ReadWriteOncePod", "ReadWriteOnce"), t.claim().accessModeValues());
    }

    @Test
    void acceptsAnEmptyClassNameForStaticBinding() {
        assertEquals("", data().storageClassName("").build().claim().storageClassName());
    }

    @Test
    void acceptsABlockVolumeForOneWriter() {
        ClaimTemplate t = data().volumeMode(VolumeMode.BLOCK).mountPath("/dev/xvdf")
                .accessModes(AccessMode.READ_WRITE_ONCE_POD).build();
        assertEquals(VolumeMode.BLOCK, t.claim().volumeMode());
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

    @Test
    void keepsTheClaimSpecOptions() {
        ClaimTemplate t = data().volumeName("pv-models-0").selector(Map.of("dataset", "llama"))
                .labels(Map.of("team", "ml")).annotations(Map.of("backup.example.com/schedule", "daily"))
                .restoreFromSnapshot("models-2024-10-01").build();
        assertEquals("pv-models-0", t.claim().volumeName());
        assertEquals(Map.of("dataset", "llama"), t.claim().selector());
        assertEquals(Map.of("team", "ml"), t.claim().labels());
        assertEquals(Map.of("backup.example.com/schedule", "daily"), t.claim().annotations());
        assertEquals(new Claim.DataSource("snapshot.storage.k8s.io", "VolumeSnapshot", "models-2024-10-01"), t.claim().dataSource());
        assertFalse(t.isShared());
        assertNull(t.existingClaim());
    }

    @Test
    void theLastDataSourceWins() {
        assertEquals(new Claim.DataSource(null, "PersistentVolumeClaim", "models-golden"),
                data().restoreFromSnapshot("snap").cloneFromClaim("models-golden").build().claim().dataSource());
    }

    @Test
    void anExistingClaimIsSharedAndNeedsNoSize() {
        ClaimTemplate t = data().size(null).existingClaim("models-rwx").accessModes(AccessMode.READ_WRITE_MANY).build();
        assertTrue(t.isShared());
        assertEquals("models-rwx", t.existingClaim());
        assertNull(t.claim().size());
        assertFalse(t.claim().isSingleNode());
    }

    @Test
    void aSharedClaimTheAppCreates() {
        ClaimTemplate t = data().shared(true).accessModes(AccessMode.READ_ONLY_MANY).build();
        assertTrue(t.isShared());
        assertFalse(t.claim().isSingleNode());
        assertTrue(data().build().claim().isSingleNode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/models", "a/../b", "..", "../x"})
    void rejectsASubPathThatLeavesTheVolume(String subPath) {
        assertInvalid("ClaimTemplate 'data': prop 'subPath' is '" + subPath + "'; allowed: a relative path inside the volume such as "
                + "models/llama, without '..'", () -> data().subPath(subPath).build());
    }

    @Test
    void acceptsANestedSubPathWithDots() {
        assertEquals("models/llama-3.1..8b", data().subPath("models/llama-3.1..8b").build().subPath());
    }

    @Test
    void rejectsASubPathOnABlockVolume() {
        assertInvalid("ClaimTemplate 'data': prop 'subPath' is 'x'; allowed: none on a Block volume, which is a device, not a file system",
                () -> data().volumeMode(VolumeMode.BLOCK).mountPath("/dev/xvdf").subPath("x").build());
    }

    @Test
    void rejectsWhatAnExistingClaimAlreadyHas() {
        String already = "; allowed: none for an existing claim: its spec was set when it was created";
        ClaimTemplate.Builder existing = data().existingClaim("models");
        assertInvalid("ClaimTemplate 'data': prop 'storageClassName' is 'efs'" + already, () -> existing.storageClassName("efs").build());
        assertInvalid("ClaimTemplate 'data': prop 'volumeName' is 'pv-1'" + already,
                () -> data().existingClaim("models").volumeName("pv-1").build());
        assertInvalid("ClaimTemplate 'data': prop 'selector' is '{a=b}'" + already,
                () -> data().existingClaim("models").selector(Map.of("a", "b")).build());
        assertInvalid("ClaimTemplate 'data': prop 'dataSource' is 'snap'" + already,
                () -> data().existingClaim("models").restoreFromSnapshot("snap").build());
        assertInvalid("ClaimTemplate 'data': prop 'labels' is '{a=b}'" + already,
                () -> data().existingClaim("models").labels(Map.of("a", "b")).build());
        assertInvalid("ClaimTemplate 'data': prop 'annotations' is '{a=b}'" + already,
                () -> data().existingClaim("models").annotations(Map.of("a", "b")).build());
        assertInvalid("ClaimTemplate 'data': prop 'shared' is true; allowed: false with existingClaim, which is shared already",
                () -> data().existingClaim("models").shared(true).build());
    }

    @Test
    void rejectsNamesThatAreNotDnsSubdomains() {
        assertInvalid("ClaimTemplate 'data': prop 'existingClaim' is 'Models'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> data().existingClaim("Models").build());
        assertInvalid("ClaimTemplate 'data': prop 'volumeName' is 'PV_1'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> data().volumeName("PV_1").build());
        assertInvalid("ClaimTemplate 'data': prop 'dataSource' is 'Snap_1'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> data().restoreFromSnapshot("Snap_1").build());
    }

    @Test
    void rejectsLabelsKubernetesRefuses() {
        assertInvalid("ClaimTemplate 'data': prop 'labels' is 'bad key'; allowed: keys of at most 63 characters (letters, digits, "
                + "'-', '_', '.'), optionally prefixed by a DNS subdomain and '/'", () -> data().labels(Map.of("bad key", "x")).build());
        assertInvalid("ClaimTemplate 'data': prop 'selector['tier']' is 'not ok'; allowed: a label value: at most 63 letters, digits, "
                + "'-', '_' and '.', starting and ending with a letter or digit", () -> data().selector(Map.of("tier", "not ok")).build());
        assertEquals(Map.of("note", "free text, spaces and all"),
                data().annotations(Map.of("note", "free text, spaces and all")).build().claim().annotations());
    }
}
