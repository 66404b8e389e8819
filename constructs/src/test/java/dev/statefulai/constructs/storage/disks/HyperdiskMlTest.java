package dev.statefulai.constructs.storage.disks;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperdiskMlTest {

    @Test
    void writesTheTypeThroughputWithItsUnitAndMultiZone() {
        HyperdiskMl multi = HyperdiskMl.builder().throughputMiBps(2400).multiZone(true).build();
        assertEquals(Map.of("type", "hyperdisk-ml", "provisioned-throughput-on-create", "2400Mi", "enable-multi-zone-provisioning", "true"),
                multi.parameters());
        assertEquals(Map.of("type", "hyperdisk-ml"), HyperdiskMl.builder().build().parameters());
        assertEquals("GCE PD hyperdisk-ml multi-zone (pd.csi.storage.gke.io)", multi.displayName());
        assertTrue(multi.accessModes().contains(AccessMode.READ_ONLY_MANY) && multi.driver().readOnlyManyFromSnapshots());
    }

    @Test
    void refusesLessThanHyperdiskMlsMinimumThroughput() {
        assertInvalid("HyperdiskMl: prop 'throughputMiBps' is 100; allowed: from 400 to 2147483647 MiB/s for Hyperdisk ML",
                () -> HyperdiskMl.builder().throughputMiBps(100).build());
    }
}
