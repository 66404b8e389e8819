package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.AccessMode.READ_ONLY_MANY;
import static dev.statefulai.constructs.AccessMode.READ_WRITE_MANY;
import static dev.statefulai.constructs.AccessMode.READ_WRITE_ONCE;
import static dev.statefulai.constructs.AccessMode.READ_WRITE_ONCE_POD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.AccessMode;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each backend's volumes can do, as its catalog entry says: the access modes, whether they grow (and why not), take
 * snapshots, come as block devices, are provisioned by the driver, and live on one node.
 */
class BackendCapabilitiesTest {

    /** One backend's capabilities; {@code noExpansionReason} only for a backend whose volumes do not grow. */
    record Row(String name, StorageBackend backend, Set<AccessMode> accessModes, boolean expansion, String noExpansionReason,
               boolean snapshots, boolean blockVolumes, boolean provisions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> backends() {
        return Stream.of(
                new Row("EBS attaches to one node and can grow", AwsEbs.gp3(), Set.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD),
                        true, null, true, true, true),
                new Row("Azure Disk attaches to one node and can grow and snapshot", AzureDisk.premium(),
                        Set.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD), true, null, true, true, true),
                new Row("GCE PD attaches read-write to one node or read-only to many and can grow and snapshot", GcePd.balanced(),
                        Set.of(READ_WRITE_ONCE, READ_WRITE_ONCE_POD, READ_ONLY_MANY), true, null, true, true, true),
                new Row("EFS is a shared elastic file system without snapshots", AwsEfs.accessPoints(AwsEfsTest.FS),
                        Set.of(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY), false,
                        "which needs no expansion: EFS is elastic and does not enforce a claim's size", false, false, true),
                new Row("NFS is a shared file system that takes snapshots", NfsCsi.share("nfs.internal", "/exports"),
                        Set.of(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY), false,
                        "which needs no expansion: NFS does not enforce a claim's size", true, false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void whatItsVolumesCanDo(Row row) {
        StorageBackend backend = row.backend();
        assertEquals(row.accessModes(), backend.accessModes());
        assertEquals(row.expansion(), backend.supportsExpansion());
        if (!row.expansion()) {
            assertEquals(row.noExpansionReason(), backend.noExpansionReason());
        }
        assertEquals(row.snapshots(), backend.supportsSnapshots());
        assertEquals(row.blockVolumes(), backend.supportsBlockVolumes());
        assertEquals(row.provisions(), backend.provisionsVolumes());
        assertEquals(false, backend.isNodeLocal());
    }
}
