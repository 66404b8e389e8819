package dev.statefulai.apps.vectordb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        Map<String, Object> outputs = outputs("prod");
        assertEquals(5, outputs.get("replicas"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> claims = (Map<String, List<String>>) outputs.get("claims");
        assertEquals(List.of("data", "snapshots"), List.copyOf(claims.keySet()));
        assertEquals("data-vector-db-4", claims.get("data").get(4));
        assertEquals("vector-db", outputs.get("podDisruptionBudget"));
        assertContains(synth("prod").yaml(), "kind: PodDisruptionBudget");
    }

    @Test
    void prodDataSitsOnEncryptedGp3ThatIsRetained() {
        assertContains(synth("prod").yaml(), "encrypted: \"true\"", "iops: \"6000\"", "reclaimPolicy: Retain");
    }

    @Test
    void devIsOneSmallReplicaOnCheapStorageDeletedWithItsClaim() {
        String yaml = synth("dev").yaml();
        assertContains(yaml, "replicas: 1\n", "type: gp2", "reclaimPolicy: Delete");
        assertFalse(yaml.contains("kind: PodDisruptionBudget"));
    }

    @Test
    void aVolumeSnapshotClassForTheEbsDriverRetainsSnapshotsInProd() {
        assertContains(synth("prod").yaml(), "kind: VolumeSnapshotClass\nmetadata:\n  name: vector-db-prod-snapshots\n",
                "driver: ebs.csi.aws.com", "deletionPolicy: Retain");
        assertContains(synth("dev").yaml(), "deletionPolicy: Delete");
    }
}
