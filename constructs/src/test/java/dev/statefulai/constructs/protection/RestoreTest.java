package dev.statefulai.constructs.protection;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.ReclaimPolicy;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class RestoreTest {

    @Test
    void aReplicasClaimIsWrittenAsItsControllerWouldWithTheSnapshotAsDataSource() {
        Manifests out = Manifests.synth(null, chart -> {
            ProtectionFixtures.database(chart, ReclaimPolicy.RETAIN);
            new RestoredClaims(chart, "restore", Map.of("data-db-1", "data-db-1-before-upgrade"));
        });
        Map<String, Object> claim = out.one("PersistentVolumeClaim");
        assertEquals(Map.of("name", "data-db-1", "namespace", "ml", "labels", Map.of("app.kubernetes.io/name", "db")), claim.get("metadata"));
        assertEquals(Map.of("apiGroup", "snapshot.storage.k8s.io", "kind", "VolumeSnapshot", "name", "data-db-1-before-upgrade"),
                Manifests.at(claim, "spec.dataSource"));
        assertEquals(out.at("StatefulSet", "spec.volumeClaimTemplates[0].spec.storageClassName"), Manifests.at(claim, "spec.storageClassName"));
        assertEquals("100Gi", Manifests.at(claim, "spec.resources.requests.storage"));
    }

    /** snapscheduler docs/usage.md: <pvc_name>-<schedule_name>-<YYYYMMDDHHMM>; caches are not restored. */
    @Test
    void fromAScheduleEveryBackedUpClaimComesFromThatSchedulesSnapshot() {
        Manifests out = Manifests.synth(null, chart -> {
            ProtectionFixtures.database(chart, ReclaimPolicy.RETAIN);
            new AppBackup(chart, "backup", AppBackupProps.builder().schedule(ProtectionFixtures.nightly().build())
                    .caches(Map.of("cache", "rebuilt")).build());
            RestoredClaims.fromSchedule(chart, "restore", "db-prod", "202406010300");
        });
        assertEquals(List.of("data-db-0-db-prod-202406010300", "data-db-1-db-prod-202406010300"),
                out.all("PersistentVolumeClaim").stream().map(c -> Manifests.at(c, "spec.dataSource.name")).toList());
    }

    @Test
    void refusesClaimsTheAppDoesNotHaveAndTimesThatAreNoSnapshotTime() {
        Chart chart = Manifests.chart(null);
        ProtectionFixtures.database(chart, ReclaimPolicy.RETAIN);
        assertInvalid("RestoredClaims 'restore': prop 'snapshots[data-db-7]' is 'data-db-7'; allowed: claims of the StatefulSets'"
                + " replicas: data-db-0, data-db-1, cache-db-0, cache-db-1", () -> new RestoredClaims(chart, "restore", Map.of("data-db-7", "s")));
        assertInvalid("RestoredClaims 'restore': prop 'time' is 'yesterday'; allowed: the time the snapshots were taken, YYYYMMDDHHMM"
                + " in UTC, as their names end (kubectl get volumesnapshots)", () -> RestoredClaims.fromSchedule(chart, "restore", "db-prod", "yesterday"));
    }

    @Test
    void aVeleroRestoreOfTheAppsNamespaceAndLabelsWithItsVolumes() {
        Manifests out = Manifests.synth(null, chart -> new VeleroRestore(chart, "restore", "db-from-db-prod-20240601030012",
                "db-prod-20240601030012", "ml", Map.of("app.kubernetes.io/name", "db"), null));
        assertEquals(Map.of(
                "apiVersion", "velero.io/v1",
                "kind", "Restore",
                "metadata", Map.of("name", "db-from-db-prod-20240601030012", "namespace", "velero"),
                "spec", Map.of("backupName", "db-prod-20240601030012", "includedNamespaces", List.of("ml"),
                        "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "db")), "restorePVs", true)),
                out.one("Restore"));
    }
}
