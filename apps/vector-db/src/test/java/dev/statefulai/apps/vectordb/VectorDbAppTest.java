package dev.statefulai.apps.vectordb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.statefulai.engine.AppSynthesizer;
import dev.statefulai.engine.testing.AppSnapshotTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorDbAppTest extends AppSnapshotTest {

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
        assertContains(synth("prod").yaml(), "kind: VolumeSnapshotClass\n",
                "  name: vector-db-prod-snapshots\ndeletionPolicy: Retain\ndriver: ebs.csi.aws.com\n");
        assertContains(synth("dev").yaml(), "deletionPolicy: Delete");
    }

    @Test
    void prodIsBackedUpEverySixHoursByVeleroAfterAQdrantSnapshotOfEveryCollection() {
        String yaml = synth("prod").yaml();
        assertContains(yaml, "kind: Schedule\nmetadata:\n  name: vector-db-prod\n  namespace: velero\n",
                "  schedule: 0 */6 * * *\n", "    snapshotMoveData: true\n", "    ttl: 720h\n",
                "        app.kubernetes.io/name: vector-db\n",
                "        pre.hook.backup.velero.io/container: vector-db\n", "        pre.hook.backup.velero.io/on-error: Fail\n",
                "call POST \\\\\\\"/collections/$collection/snapshots?wait=true",
                // the class Velero's CSI support snapshots the EBS volumes with
                "    velero.io/csi-volumesnapshot-class: \"true\"\n");
        // the snapshots go to the snapshot volume, Qdrant's default path
        assertFalse(yaml.contains("QDRANT__STORAGE__SNAPSHOTS_PATH"));
    }

    @Test
    void stagingSnapshotsIntoTheDataVolumeWhichHasNoSnapshotVolume() {
        assertContains(synth("staging").yaml(), "  schedule: 0 2 * * *\n",
                "- name: QDRANT__STORAGE__SNAPSHOTS_PATH\n              value: /qdrant/storage/snapshots\n");
    }

    @Test
    void devIsNotBackedUpAndItsThrowAwayVolumesAreLeftToGitOps() {
        String yaml = synth("dev").yaml();
        assertFalse(yaml.contains("kind: Schedule"));
        assertFalse(yaml.contains("argocd.argoproj.io/sync-options"));
    }

    @Test
    void prodsDataIsNeverPrunedNorDeletedByArgoCdOrFlux() {
        assertContains(synth("prod").yaml(), "kind: StatefulSet\nmetadata:\n  annotations:\n"
                + "    argocd.argoproj.io/sync-options: \"Prune=false,Delete=false\"\n    kustomize.toolkit.fluxcd.io/prune: disabled\n");
    }

    @Test
    void aRestoreFromAVeleroBackupIsOneValue() {
        String yaml = AppSynthesizer.synth(app(), "prod", Map.of("restore.backup", "vector-db-prod-20240601060012")).yaml();
        assertContains(yaml, "kind: Restore\nmetadata:\n  name: vector-db-from-vector-db-prod-20240601060012\n  namespace: velero\n",
                "  backupName: vector-db-prod-20240601060012\n", "  restorePVs: true\n");
    }

    @Test
    void aRestoreFromSnapshotsWritesEachReplicasClaimWithItsSnapshot() {
        // Without prod's in-place tier change, which writes each replica's claim itself (a restore of it is refused).
        String yaml = AppSynthesizer.synth(app(), "prod", Map.of("restore.snapshots.data-vector-db-0", "before-upgrade-0",
                "volumeTier", "null")).yaml();
        assertContains(yaml, "kind: PersistentVolumeClaim\nmetadata:\n  annotations:\n", "  name: data-vector-db-0\n",
                "  dataSource:\n    apiGroup: snapshot.storage.k8s.io\n    kind: VolumeSnapshot\n    name: before-upgrade-0\n");
    }
}
