package dev.statefulai.facts.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupCoverageTest {

    private static Map<String, Object> storageClass(String name, String provisioner, String reclaim) {
        return Map.of("apiVersion", "storage.k8s.io/v1", "kind", "StorageClass", "metadata", Map.of("name", name),
                "provisioner", provisioner, "reclaimPolicy", reclaim);
    }

    /** A StatefulSet "db" in namespace "ml" with 2 replicas and a template per class. */
    private static Map<String, Object> statefulSet(Map<String, String> annotations, String... templateAndClass) {
        List<Object> templates = new ArrayList<>();
        for (int i = 0; i < templateAndClass.length; i += 2) {
            templates.add(Map.of("metadata", Map.of("name", templateAndClass[i], "labels", Map.of("tier", templateAndClass[i])),
                    "spec", Map.of("storageClassName", templateAndClass[i + 1], "resources", Map.of("requests", Map.of("storage", "10Gi")))));
        }
        return Map.of("apiVersion", "apps/v1", "kind", "StatefulSet",
                "metadata", Map.of("name", "db", "namespace", "ml", "annotations", annotations),
                "spec", Map.of("replicas", 2, "selector", Map.of("matchLabels", Map.of("app", "db")), "volumeClaimTemplates", templates));
    }

    private static Map<String, Object> velero(Map<String, Object> template) {
        return Map.of("apiVersion", "velero.io/v1", "kind", "Schedule", "metadata", Map.of("name", "nightly", "namespace", "velero"),
                "spec", Map.of("schedule", "0 3 * * *", "template", template));
    }

    private static Map<String, Object> policies(String data) {
        return Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "skip-caches", "namespace", "velero"),
                "data", Map.of("policies.yaml", data));
    }

    /** Stands in for a YAML reader: the test's policies text names the class to skip after "skip:". */
    private static Object read(String text) {
        if (!text.startsWith("skip:")) {
            throw new IllegalArgumentException("not YAML");
        }
        return Map.of("version", "v1", "volumePolicies", List.of(Map.of(
                "conditions", Map.of("storageClass", List.of(text.substring(5))), "action", Map.of("type", "skip"))));
    }

    private static List<BackupCoverage.Coverage> coverage(Map<String, Object>... manifests) {
        return BackupCoverage.of(List.of(manifests), BackupCoverageTest::read);
    }

    @Test
    void aVeleroScheduleOfTheNamespaceCopiesEveryReplicaClaimBySnapshot() {
        var all = coverage(storageClass("gp3", "ebs.csi.aws.com", "Retain"), statefulSet(Map.of(), "data", "gp3"),
                velero(Map.of("includedNamespaces", List.of("ml"), "ttl", "168h", "snapshotMoveData", true)));
        assertEquals(List.of("data-db-0", "data-db-1"), all.stream().map(c -> c.claim().name()).toList());
        BackupCoverage.Copy copy = all.get(0).copies().get(0);
        assertEquals(BackupCoverage.Method.SNAPSHOT, copy.method());
        assertEquals("168h", copy.schedule().keep());
        assertTrue(copy.schedule().offCluster());
    }

    @Test
    void namespacesLabelsAndResourcesLimitWhatASchedulesCopies() {
        var ebs = storageClass("gp3", "ebs.csi.aws.com", "Retain");
        var sts = statefulSet(Map.of(), "data", "gp3");
        assertFalse(coverage(ebs, sts, velero(Map.of("includedNamespaces", List.of("other")))).get(0).covered());
        assertFalse(coverage(ebs, sts, velero(Map.of("excludedNamespaces", List.of("ml")))).get(0).covered());
        assertFalse(coverage(ebs, sts, velero(Map.of("excludedResources", List.of("persistentvolumeclaims")))).get(0).covered());
        assertFalse(coverage(ebs, sts, velero(Map.of("labelSelector", Map.of("matchLabels", Map.of("app", "web"))))).get(0).covered());
        // the replica's claim carries the template's labels and the set's selector labels
        assertTrue(coverage(ebs, sts, velero(Map.of("labelSelector", Map.of("matchLabels", Map.of("app", "db", "tier", "data"))))).get(0).covered());
        assertTrue(coverage(ebs, sts, velero(Map.of("includedNamespaces", List.of("*")))).get(0).covered());
    }

    @Test
    void aVolumePolicyThatSkipsACacheClassLeavesItOutAndACacheMarkerSaysWhy() {
        var all = coverage(storageClass("gp3", "ebs.csi.aws.com", "Retain"), storageClass("cache", "ebs.csi.aws.com", "Delete"),
                statefulSet(Map.of("cache.ai-storage.dev/models", "downloaded again from Hugging Face"), "data", "gp3", "models", "cache"),
                velero(Map.of("resourcePolicy", Map.of("kind", "configmap", "name", "skip-caches"))), policies("skip:cache"));
        var models = all.stream().filter(c -> c.claim().source().equals("models")).findFirst().orElseThrow();
        assertFalse(models.covered());
        assertEquals("downloaded again from Hugging Face", models.cache());
        assertEquals(List.of("skipped by the volume policy of Velero Schedule nightly"), models.missed());
        assertTrue(all.get(0).covered());
    }

    @Test
    void aDriverWithoutSnapshotsIsNotCoveredBySnapshotsButByAFileSystemBackup() {
        var efs = storageClass("efs", "efs.csi.aws.com", "Retain");
        var sts = statefulSet(Map.of(), "shared", "efs");
        var missed = coverage(efs, sts, velero(Map.of()));
        assertFalse(missed.get(0).covered());
        assertTrue(missed.get(0).missed().get(0).contains("takes no CSI snapshots"), missed.get(0).missed().toString());
        var fs = coverage(efs, sts, velero(Map.of("snapshotVolumes", false, "defaultVolumesToFsBackup", true)));
        assertEquals(BackupCoverage.Method.FILE_SYSTEM, fs.get(0).copies().get(0).method());
    }

    @Test
    void snapschedulerSelectsClaimsInItsNamespaceByLabel() {
        var ebs = storageClass("gp3", "ebs.csi.aws.com", "Retain");
        var sts = statefulSet(Map.of(), "data", "gp3", "logs", "gp3");
        Map<String, Object> schedule = Map.of("apiVersion", "snapscheduler.backube/v1", "kind", "SnapshotSchedule",
                "metadata", Map.of("name", "hourly", "namespace", "ml"),
                "spec", Map.of("schedule", "0 * * * *", "claimSelector", Map.of("matchLabels", Map.of("tier", "data")),
                        "retention", Map.of("maxCount", 24)));
        var all = coverage(ebs, sts, schedule);
        assertEquals(List.of(true, true, false, false), all.stream().map(BackupCoverage.Coverage::covered).toList());
        assertEquals(24, all.get(0).copies().get(0).schedule().keepCount());
    }

    @Test
    void dataObjectsKeepDataWhereTheirClassOrVolumeRetains() {
        var retain = storageClass("gp3", "ebs.csi.aws.com", "Retain");
        var delete = storageClass("scratch", "ebs.csi.aws.com", "Delete");
        List<Map<String, Object>> all = List.of(retain, delete);
        assertTrue(DataObjects.keepsData(retain, all));
        assertFalse(DataObjects.keepsData(delete, all));
        assertTrue(DataObjects.keepsData(statefulSet(Map.of(), "data", "gp3", "tmp", "scratch"), all));
        assertFalse(DataObjects.keepsData(statefulSet(Map.of(), "tmp", "scratch"), all));
        // a class of the cluster's: not known here, so the data is taken to be kept
        assertTrue(DataObjects.keepsData(statefulSet(Map.of(), "data", "elsewhere"), all));
        assertTrue(DataObjects.holdsData(statefulSet(Map.of(), "data", "gp3")));
        assertFalse(DataObjects.holdsData(Map.of("kind", "Service")));
    }

    /**
     * The coverage of N claims, each pre-bound to its volume, with a Velero schedule and its volume policy, reads the
     * manifests a bounded number of times per manifest: it indexes them once. (A scan per claim made 10,000 claims and
     * volumes take 40 s in the gate.)
     */
    @Test
    void coverageAndDriversOfNClaimsReadTheManifestsInLinearTime() {
        int n = 2000;
        List<Map<String, Object>> manifests = new ArrayList<>(List.of(storageClass("gp3", "ebs.csi.aws.com", "Retain"),
                policies("version: v1\nvolumePolicies: []\n"),
                velero(Map.of("includedNamespaces", List.of("ml"), "resourcePolicy", Map.of("kind", "configmap", "name", "skip-caches")))));
        for (int i = 0; i < n; i++) {
            manifests.add(Map.of("apiVersion", "v1", "kind", "PersistentVolume", "metadata", Map.of("name", "pv-" + i),
                    "spec", Map.of("csi", Map.of("driver", "ebs.csi.aws.com", "volumeHandle", "vol-" + i), "storageClassName", "gp3")));
            manifests.add(Map.of("apiVersion", "v1", "kind", "PersistentVolumeClaim", "metadata", Map.of("name", "data-" + i, "namespace", "ml"),
                    "spec", Map.of("storageClassName", "gp3", "volumeName", "pv-" + i)));
        }
        int[] reads = {0};
        List<Map<String, Object>> counted = new java.util.AbstractList<>() {
            @Override
            public Map<String, Object> get(int index) {
                reads[0]++;
                return manifests.get(index);
            }

            @Override
            public int size() {
                return manifests.size();
            }
        };
        BackupCoverage coverage = BackupCoverage.over(counted, text -> Map.of());
        List<BackupCoverage.Coverage> all = coverage.coverage();
        all.forEach(c -> assertEquals("ebs.csi.aws.com", coverage.driver(c.claim()).orElseThrow().csiDriver()));
        assertEquals(n, all.size());
        assertTrue(reads[0] < 20 * manifests.size(), reads[0] + " reads of " + manifests.size() + " manifests");
    }
}
