package dev.statefulai.engine.topology;

import static dev.statefulai.engine.testing.AppSnapshotTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data-protection part of storage.md: what is backed up, how often, kept how long, the recovery point, and the restore. */
class ProtectionSectionTest {
    private static final String SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              namespace: ml
              annotations:
                cache.ai-storage.dev/models: downloaded again from S3
            spec:
              replicas: 2
              selector: {matchLabels: {app: db}}
              template:
                metadata:
                  labels: {app: db}
                  annotations:
                    pre.hook.backup.velero.io/command: '["/bin/sync"]'
                    pre.hook.backup.velero.io/container: db
                spec: {containers: [{name: db, image: db:1}]}
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {accessModes: [ReadWriteOnce], storageClassName: gp3, resources: {requests: {storage: 10Gi}}}
                - metadata: {name: models}
                  spec: {accessModes: [ReadWriteOnce], storageClassName: cache, resources: {requests: {storage: 10Gi}}}
                - metadata: {name: logs}
                  spec: {accessModes: [ReadWriteOnce], storageClassName: efs, resources: {requests: {storage: 10Gi}}}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: efs}
            provisioner: efs.csi.aws.com
            """;

    /** The section of StatefulSet db in {@code env}, with the backup schedule {@code schedule} (YAML documents) beside it. */
    private static String renderWith(String env, String schedule) {
        return StorageTopology.render("db", env, SET + "---\n" + schedule);
    }

    /** Asserts that {@code section} has each of {@code rows} as a whole line (a row of its table). */
    private static void assertRows(String section, String... rows) {
        List<String> lines = section.lines().toList();
        for (String row : rows) {
            assertTrue(lines.contains(row), () -> "no row '" + row + "' in:\n" + section);
        }
    }

    @Test
    void veleroEverySixHoursKeptAMonthCachesAndWhatIsLeftUncovered() {
        String section = renderWith("prod", """
                apiVersion: velero.io/v1
                kind: Schedule
                metadata: {name: db-prod, namespace: velero}
                spec:
                  schedule: "0 */6 * * *"
                  template: {includedNamespaces: [ml], labelSelector: {matchLabels: {app: db}}, snapshotMoveData: true, ttl: 720h,
                             resourcePolicy: {kind: configmap, name: skip-cache}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: skip-cache, namespace: velero}
                data:
                  policies.yaml: |
                    version: v1
                    volumePolicies:
                      - conditions: {storageClass: [cache]}
                        action: {type: skip}
                """);
        assertRows(section,
                "| data-db-0 .. data-db-1 (template data) | Velero Schedule velero/db-prod | `0 */6 * * *` | up to 6 h"
                        + " | 30 days | CSI snapshot, moved to object storage |",
                "| models-db-0 .. models-db-1 (template models) | not backed up: a cache, downloaded again from S3 | | | | |",
                "| logs-db-0 .. logs-db-1 (template logs) | **not backed up** (Velero db-prod selects it, but its driver AWS"
                        + " EFS takes no CSI snapshots) | | | | |");
        assertContains(section, "Before each Velero backup of its pods, StatefulSet db runs a pre-backup hook in container db", """
                kubectl -n ml scale statefulset db --replicas=0
                kubectl -n ml delete pvc data-db-0 data-db-1
                velero backup get --selector velero.io/schedule-name=db-prod   # the backups; restore the newest:
                velero restore create --from-schedule db-prod --include-namespaces ml --selector app=db --wait
                kubectl -n ml scale statefulset db --replicas=2
                """);
    }

    @Test
    void snapschedulerKeepsTheStricterOfAgeAndCountAndRestoresThroughDataSources() {
        String section = renderWith("staging", """
                apiVersion: snapscheduler.backube/v1
                kind: SnapshotSchedule
                metadata: {name: db-staging, namespace: ml}
                spec: {schedule: "@daily", claimSelector: {matchLabels: {app: db}}, retention: {expires: 168h, maxCount: 3}}
                """);
        assertContains(section, "| `@daily` | up to 1 day | 7 days or the last 3, whichever is fewer | CSI snapshot in the storage system |",
                "kubectl -n ml get volumesnapshots   # <claim>-db-staging-<YYYYMMDDHHMM>\n"
                        + "# set restore.snapshotTime: \"<YYYYMMDDHHMM>\" in apps/db/values-staging.yaml");
    }

    @Test
    void withoutASchedulethereIsNoRunbookAndTheSectionsStillSplit() {
        String a = StorageTopology.render("db", "dev", SET);
        assertTrue(a.contains("### Data protection"));
        assertTrue(!a.contains("#### Restore"));
        assertEquals(Map.of("db", a), StorageTopology.sections(StorageTopology.document("dev", List.of(a))));
    }
}
