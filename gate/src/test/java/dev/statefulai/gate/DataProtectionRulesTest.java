package dev.statefulai.gate;

import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POL007 (every claim that is no cache is backed up), BAK001-BAK004 (schedules that do what they say), RST001-RST004 (restores that bind and fit). */
class DataProtectionRulesTest {
    @TempDir
    Path tmp;

    private static final String VELERO = "{apiVersion: velero.io/v1, kind: Schedule, metadata: {name: nightly, namespace: velero},"
            + " spec: {schedule: \"0 3 * * *\", template: {includedNamespaces: [data], snapshotMoveData: true, ttl: 720h}}}";

    private List<String> check(String env, String... docs) {
        return lines(new GateFixture(tmp.resolve(env)).withoutBackup().file(env, "app.yaml", docs).run());
    }

    private static String[] plus(String[] docs, String... more) {
        String[] out = java.util.Arrays.copyOf(docs, docs.length + more.length);
        System.arraycopy(more, 0, out, docs.length, more.length);
        return out;
    }

    @Test
    void pol007EveryClaimWithoutABackupIsAnErrorInProdOneFindingPerTemplate() {
        assertEquals(List.of(
                "POL007 error prod PersistentVolumeClaim/data/archive: claim archive is backed up by no schedule: a lost volume loses the"
                        + " data; add a Velero or snapscheduler schedule that selects it, or, for a cache, say why it can be had again in"
                        + " cache.ai-storage.dev/archive on PersistentVolumeClaim data/archive",
                "POL007 error prod PersistentVolumeClaim/data/data-db-0: claims data-db-0 .. data-db-2 (template data) are backed up by"
                        + " no schedule: a lost volume loses the data; add a Velero or snapscheduler schedule that selects it, or, for a"
                        + " cache, say why it can be had again in cache.ai-storage.dev/data on StatefulSet data/db"),
                check("prod", Docs.cleanSet()));
        assertEquals(List.of(), check("prod", plus(Docs.cleanSet(), VELERO)));
        assertEquals(2, check("staging", Docs.cleanSet()).stream().filter(l -> l.startsWith("POL007 warning staging")).count());
        assertEquals(List.of(), check("dev", Docs.cleanSet()));
    }

    @Test
    void pol007ACacheWithAReasonNeedsNoBackupAndAClaimBackedUpElsewhereWaivesIt() {
        String[] docs = GateFixture.cleanWith(2, "metadata: {name: db, namespace: data}",
                "metadata: {name: db, namespace: data, annotations: {cache.ai-storage.dev/data: \"downloaded again from S3\"}}");
        docs[5] = docs[5].replace("metadata: {name: archive, namespace: data}", "metadata: {name: archive, namespace: data,"
                + " annotations: {ai-storage.dev/waive-POL007: \"copied to tape weekly\"}}");
        assertEquals(List.of("POL007 error prod PersistentVolumeClaim/data/archive: claim archive is backed up by no schedule: a lost"
                + " volume loses the data; add a Velero or snapscheduler schedule that selects it, or, for a cache, say why it can be had"
                + " again in cache.ai-storage.dev/archive on PersistentVolumeClaim data/archive [waived: copied to tape weekly]"), check("prod", docs));
    }

    @Test
    void pol007NamesWhyASelectingScheduleCopiesNothing() {
        String efs = Docs.storageClass("efs", "efs.csi.aws.com", "Retain", "Immediate").replace("parameters: {type: gp3, encrypted: \"true\"}, ", "");
        String claim = Docs.pvc("datasets", "efs", "1Ti", "ReadWriteMany", "");
        assertEquals(List.of("POL007 error prod PersistentVolumeClaim/data/datasets: claim datasets is backed up by no schedule (Velero"
                + " nightly selects it, but its driver AWS EFS takes no CSI snapshots): a lost volume loses the data; add a Velero or"
                + " snapscheduler schedule that selects it, or, for a cache, say why it can be had again in cache.ai-storage.dev/datasets"
                + " on PersistentVolumeClaim data/datasets"), check("prod", efs, claim, VELERO));
    }

    @Test
    void bak001And002ResourcePoliciesVeleroRefusesOrCannotFind() {
        String schedule = VELERO.replace("ttl: 720h", "ttl: 720h, resourcePolicy: {kind: configmap, name: skip}");
        String policies = "{apiVersion: v1, kind: ConfigMap, metadata: {name: skip, namespace: velero}, data: {p.yaml: \"version: v2\"}}";
        assertEquals(List.of("BAK002 warning prod Schedule/velero/nightly: resource policies ConfigMap velero/skip is not in dist/prod:"
                + " Velero fails every backup of this schedule while it does not exist"), backupFindings("prod", plus(Docs.cleanSet(), schedule)));
        assertEquals(List.of("BAK001 error prod Schedule/velero/nightly: resource policies ConfigMap velero/skip has version 'v2'; Velero"
                + " reads version v1 only: Velero fails every backup of this schedule"), backupFindings("prod", plus(Docs.cleanSet(), schedule, policies)));
        assertEquals(List.of("BAK001 error prod Schedule/velero/nightly: resource policies ConfigMap velero/skip has a volume policy action"
                        + " 'drop'; Velero knows skip, snapshot, fs-backup, custom: Velero fails every backup of this schedule"),
                backupFindings("prod", plus(Docs.cleanSet(), schedule, policies.replace("\"version: v2\"",
                        "\"version: v1\\nvolumePolicies:\\n- conditions: {storageClass: [gp3]}\\n  action: {type: drop}\\n\""))));
        assertEquals(List.of("BAK001 error prod Schedule/velero/nightly: spec.schedule 'nightly' is no schedule Velero runs; allowed: "
                + dev.statefulai.facts.protection.Cron.ALLOWED), backupFindings("prod", plus(Docs.cleanSet(), VELERO.replace("\"0 3 * * *\"", "nightly"))));
    }

    @Test
    void bak003VeleroCannotPickASnapshotClassAndBak004SnapshotsWithoutBound() {
        String unlabeled = "{apiVersion: snapshot.storage.k8s.io/v1, kind: VolumeSnapshotClass, metadata: {name: ebs}, driver: ebs.csi.aws.com,"
                + " deletionPolicy: Retain}";
        assertEquals(List.of("BAK003 warning prod VolumeSnapshotClass/ebs: Velero snapshots claims of ebs.csi.aws.com (archive), and none of"
                + " its VolumeSnapshotClasses here carries the label velero.io/csi-volumesnapshot-class: \"true\" or"
                + " snapshot.storage.kubernetes.io/is-default-class: \"true\": label the one Velero should use, or the backups of these claims"
                + " fail"), backupFindings("prod", plus(Docs.cleanSet(), VELERO, unlabeled)));
        String labeled = unlabeled.replace("metadata: {name: ebs}", "metadata: {name: ebs, labels: {velero.io/csi-volumesnapshot-class: \"true\"}}");
        assertEquals(List.of(), backupFindings("prod", plus(Docs.cleanSet(), VELERO, labeled)));
        String hourly = "{apiVersion: snapscheduler.backube/v1, kind: SnapshotSchedule, metadata: {name: hourly, namespace: data},"
                + " spec: {schedule: \"17 * * * *\"}}";
        assertEquals(List.of("BAK004 warning prod SnapshotSchedule/data/hourly: no spec.retention: every snapshot is kept until someone"
                + " deletes it, and the snapshots of 17 * * * * fill the storage system and etcd; set retention.expires and/or maxCount"),
                backupFindings("prod", plus(Docs.cleanSet(), hourly)));
    }

    private List<String> backupFindings(String env, String... docs) {
        return check(env, docs).stream().filter(l -> l.startsWith("BAK")).toList();
    }

    private List<String> restoreFindings(String... docs) {
        return lines(new GateFixture(tmp.resolve("r" + System.identityHashCode(docs))).file("prod", "app.yaml", docs).run()).stream()
                .filter(l -> l.startsWith("RST")).toList();
    }

    private static final String SNAPSHOT = "{apiVersion: snapshot.storage.k8s.io/v1, kind: VolumeSnapshot, metadata: {name: archive-monday,"
            + " namespace: data}, spec: {source: {persistentVolumeClaimName: archive}}}";

    private static String restored(String size, String source) {
        return Docs.pvc("archive-restored", "gp3", size, "ReadWriteOnce", ", dataSource: {apiGroup: snapshot.storage.k8s.io,"
                + " kind: VolumeSnapshot, name: " + source + "}");
    }

    @Test
    void rst001ARestoredClaimSmallerThanTheClaimItsSnapshotWasTakenOf() {
        assertEquals(List.of("RST001 error prod PersistentVolumeClaim/data/archive-restored: archive-restored asks for 50Gi, less than"
                + " VolumeSnapshot archive-monday of archive (100Gi): the restore fails or the volume is smaller than its data; ask for at"
                + " least 100Gi"), restoreFindings(plus(Docs.cleanSet(), SNAPSHOT, restored("50Gi", "archive-monday"))));
        assertEquals(List.of(), restoreFindings(plus(Docs.cleanSet(), SNAPSHOT, restored("100Gi", "archive-monday"))));
    }

    @Test
    void rst001AReplicasRestoredClaimSmallerThanItsTemplate() {
        String claim = Docs.pvc("data-db-1", "gp3", "5Gi", "ReadWriteOnce", ", dataSource: {apiGroup: snapshot.storage.k8s.io,"
                + " kind: VolumeSnapshot, name: data-db-1-hourly-202406010300}");
        String hourly = "{apiVersion: snapscheduler.backube/v1, kind: SnapshotSchedule, metadata: {name: hourly, namespace: data},"
                + " spec: {schedule: \"17 * * * *\", retention: {maxCount: 24}}}";
        // the snapshot is named like the schedule's: its source is data-db-1, 10Gi like the template
        assertEquals(List.of(
                "RST001 error prod PersistentVolumeClaim/data/data-db-1: data-db-1 asks for 5Gi, less than VolumeSnapshot"
                        + " data-db-1-hourly-202406010300 of data-db-1 (10Gi): the restore fails or the volume is smaller than its data; ask for at least 10Gi",
                "RST001 error prod PersistentVolumeClaim/data/data-db-1: data-db-1 asks for 5Gi, less than the template data of StatefulSet"
                        + " data/db (10Gi): the restore fails or the volume is smaller than its data; ask for at least 10Gi"),
                restoreFindings(plus(Docs.cleanSet(), hourly, claim)));
    }

    @Test
    void rst002AndRst003RestoringOntoAnotherDriverAndAnUnknownSource() {
        String efs = Docs.storageClass("efs", "efs.csi.aws.com", "Retain", "Immediate").replace("parameters: {type: gp3, encrypted: \"true\"}, ", "");
        String ontoEfs = restored("100Gi", "archive-monday").replace("storageClassName: gp3", "storageClassName: efs")
                .replace("ReadWriteOnce", "ReadWriteMany");
        assertEquals(List.of("RST002 error prod PersistentVolumeClaim/data/archive-restored: archive-restored is restored from VolumeSnapshot"
                + " archive-monday on AWS EFS, which takes no snapshots: the claim stays Pending; restore onto a class of the source's driver"),
                restoreFindings(plus(Docs.cleanSet(), efs, SNAPSHOT, ontoEfs)));
        assertEquals(List.of("RST003 warning prod PersistentVolumeClaim/data/archive-restored: archive-restored is restored from"
                + " VolumeSnapshot last-week, which is not in dist/prod (nor named like the snapshots of a schedule there): that it fits is not"
                + " proven; check it asks at least the snapshot's size: kubectl -n data get volumesnapshot last-week -o"
                + " jsonpath='{.status.restoreSize}'"), restoreFindings(plus(Docs.cleanSet(), restored("100Gi", "last-week"))));
    }

    @Test
    void rst004AVeleroRestoreWithoutABackup() {
        String restore = "{apiVersion: velero.io/v1, kind: Restore, metadata: {name: db-back, namespace: velero}, spec: {includedNamespaces: [data]}}";
        assertEquals(List.of("RST004 error prod Restore/velero/db-back: names neither spec.backupName nor spec.scheduleName: Velero fails"
                + " it (velero backup get lists the backups)"), restoreFindings(plus(Docs.cleanSet(), restore)));
    }
}
