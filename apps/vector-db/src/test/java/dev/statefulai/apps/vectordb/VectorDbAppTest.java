package dev.statefulai.apps.vectordb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.testing.AppSnapshotTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorDbAppTest extends AppSnapshotTest {

    @Override
    protected String appName() {
        return VectorDbApp.NAME;
    }

    @Test
    void prodRunsFiveNodesWithDataAndSnapshotClaimsAndABudget() {
        var result = synth("prod");
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) result.outputs().get(VectorDbApp.NAME);
        assertEquals(5, outputs.get("replicas"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> claims = (Map<String, List<String>>) outputs.get("claims");
        assertEquals(List.of("data", "snapshots"), List.copyOf(claims.keySet()));
        assertEquals("data-vector-db-4", claims.get("data").get(4));
        assertEquals("vector-db", outputs.get("podDisruptionBudget"));
        assertTrue(result.yaml().contains("kind: PodDisruptionBudget"));
    }

    @Test
    void prodDataSitsOnEncryptedGp3ThatIsRetained() {
        String yaml = synth("prod").yaml();
        assertTrue(yaml.contains("encrypted: \"true\""));
        assertTrue(yaml.contains("iops: \"6000\""));
        assertTrue(yaml.contains("reclaimPolicy: Retain"));
    }

    @Test
    void devIsOneSmallReplicaOnCheapStorageDeletedWithItsClaim() {
        String yaml = synth("dev").yaml();
        assertTrue(yaml.contains("replicas: 1\n"));
        assertTrue(yaml.contains("type: gp2"));
        assertTrue(yaml.contains("reclaimPolicy: Delete"));
        assertFalse(yaml.contains("kind: PodDisruptionBudget"));
    }

    @Test
    void aVolumeSnapshotClassForTheEbsDriverRetainsSnapshotsInProd() {
        String prod = synth("prod").yaml();
        assertTrue(prod.contains("kind: VolumeSnapshotClass\nmetadata:\n  name: vector-db-prod-snapshots\n"));
        assertTrue(prod.contains("driver: ebs.csi.aws.com"));
        assertTrue(prod.contains("deletionPolicy: Retain"));
        assertTrue(synth("dev").yaml().contains("deletionPolicy: Delete"));
    }
}
