package dev.statefulai.constructs.protection;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every field is the tool's own: Velero v1.18 config/crd/v1/bases/velero.io_schedules.yaml (spec.schedule,
 * spec.template.includedNamespaces, labelSelector, snapshotVolumes, snapshotMoveData, storageLocation, ttl, resourcePolicy,
 * spec.useOwnerReferencesInBackup) and the resource policies of site/content/docs/v1.18/resource-filtering.md; snapscheduler
 * v3.5 config/crd/bases/snapscheduler.backube_snapshotschedules.yaml (claimSelector, retention.expires, retention.maxCount,
 * schedule, snapshotTemplate.snapshotClassName).
 */
class BackupScheduleTest {
    private static final String ERR = "BackupSchedule 'db-prod': ";

    private static Manifests synth(BackupScheduleProps.Builder props) {
        return Manifests.synth("ml", chart -> new BackupSchedule(chart, "backup", props.build()));
    }

    private static void build(BackupScheduleProps.Builder props) {
        new BackupSchedule(Manifests.chart("ml"), "backup", props.build());
    }

    @Test
    void aVeleroScheduleOfTheNamespacesClaimsMovedToObjectStorage() {
        Manifests out = synth(ProtectionFixtures.nightly().claimLabels(Map.of("app.kubernetes.io/name", "db")).storageLocation("s3-backups"));
        assertEquals(Map.of(
                "apiVersion", "velero.io/v1",
                "kind", "Schedule",
                "metadata", Map.of("name", "db-prod", "namespace", "velero"),
                "spec", Map.of("schedule", "0 3 * * *", "useOwnerReferencesInBackup", false, "template", Map.of(
                        "includedNamespaces", List.of("ml"),
                        "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "db")),
                        "snapshotVolumes", true,
                        "snapshotMoveData", true,
                        "storageLocation", "s3-backups",
                        "ttl", "336h"))), out.one("Schedule"));
        assertEquals(List.of("Schedule"), out.kinds());
    }

    @Test
    void skippedClassesAreAVolumePolicyInVelerosNamespace() {
        Manifests out = synth(ProtectionFixtures.nightly().skipStorageClasses(List.of("scratch", "cache")).veleroNamespace("backups"));
        assertEquals(Map.of("kind", "configmap", "name", "db-prod-volume-policy"), out.at("Schedule", "spec.template.resourcePolicy"));
        assertEquals("backups", out.at("ConfigMap", "metadata.namespace"));
        assertEquals("""
                version: v1
                volumePolicies:
                  - conditions:
                      storageClass:
                        - scratch
                        - cache
                    action:
                      type: skip
                """, out.at("ConfigMap", "data['policies.yaml']"));
    }

    @Test
    void aSnapschedulerScheduleKeepsSnapshotsByAgeAndCount() {
        Manifests out = synth(ProtectionFixtures.nightly().tool(BackupTool.SNAPSCHEDULER).keepCount(14).snapshotClassName("ebs-snapshots")
                .claimLabels(Map.of("app.kubernetes.io/name", "db")));
        assertEquals(Map.of(
                "apiVersion", "snapscheduler.backube/v1",
                "kind", "SnapshotSchedule",
                "metadata", Map.of("name", "db-prod", "namespace", "ml"),
                "spec", Map.of("schedule", "0 3 * * *",
                        "claimSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "db")),
                        "retention", Map.of("expires", "336h", "maxCount", 14),
                        "snapshotTemplate", Map.of("snapshotClassName", "ebs-snapshots"))), out.one("SnapshotSchedule"));
    }

    @Test
    void refusesWhatNeitherToolReads() {
        assertInvalid(ERR + "prop 'schedule' is 'every night'; allowed: " + dev.statefulai.facts.protection.Cron.ALLOWED,
                () -> build(ProtectionFixtures.nightly().schedule("every night")));
        assertInvalid(ERR + "prop 'keep' is '30d'; allowed: " + dev.statefulai.facts.protection.Durations.ALLOWED,
                () -> build(ProtectionFixtures.nightly().keep("30d")));
        assertInvalid(ERR + "prop 'keepCount' is '7'; allowed: nothing: it is for snapscheduler only",
                () -> build(ProtectionFixtures.nightly().keepCount(7)));
        assertInvalid(ERR + "prop 'skipStorageClasses' is '[scratch]'; allowed: nothing: it is for velero only",
                () -> build(ProtectionFixtures.nightly().tool(BackupTool.SNAPSCHEDULER).skipStorageClasses(List.of("scratch"))));
        assertInvalid(ERR + "prop 'namespace' is missing; allowed: " + dev.statefulai.constructs.Messages.DNS_LABEL,
                () -> new BackupSchedule(Manifests.chart(null), "backup", ProtectionFixtures.nightly().build()));
    }
}
