package dev.statefulai.gate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backup tools' kinds are validated as strictly as built-in ones, against the schemas derived from their CRDs: Velero
 * v1.18.1 config/crd/v1/bases/velero.io_schedules.yaml and velero.io_restores.yaml, snapscheduler v3.5.0
 * config/crd/bases/snapscheduler.backube_snapshotschedules.yaml.
 */
class BackupSchemasTest {
    private static final ManifestSchemaValidator VALIDATOR = ManifestSchemaValidator.kubernetes128();

    private static List<String> errors(String yaml) throws IOException {
        JsonNode object = new YAMLMapper().readTree(yaml);
        return VALIDATOR.validate(object).stream().map(f -> f.path() + ": " + f.message()).toList();
    }

    private static final String SCHEDULE = """
            apiVersion: velero.io/v1
            kind: Schedule
            metadata: {name: nightly, namespace: velero}
            spec:
              schedule: "0 3 * * *"
              useOwnerReferencesInBackup: false
              template:
                includedNamespaces: [ml]
                labelSelector: {matchLabels: {app: db}}
                snapshotMoveData: true
                ttl: 720h
                resourcePolicy: {kind: configmap, name: skip-caches}
                hooks:
                  resources:
                    - name: freeze
                      pre: [{exec: {command: [/bin/sync], onError: Fail, timeout: 1m}}]
            """;

    @Test
    void aVeleroScheduleWithEveryFieldTheConstructsWritePasses() throws IOException {
        assertEquals(List.of(), errors(SCHEDULE));
    }

    @Test
    void aVeleroScheduleIsCheckedFieldByField() throws IOException {
        assertEquals(List.of("$.spec.template.snapshotMoveDate: unknown field \"snapshotMoveDate\""),
                errors(SCHEDULE.replace("snapshotMoveData", "snapshotMoveDate")));
        assertEquals(List.of("$.spec.template.hooks.resources[0].pre[0].exec.onError: does not have a value in the enumeration [\"Continue\", \"Fail\"]"),
                errors(SCHEDULE.replace("onError: Fail", "onError: Ignore")));
        assertEquals(List.of("$.spec.template.resourcePolicy.name: missing required field \"name\""),
                errors(SCHEDULE.replace("resourcePolicy: {kind: configmap, name: skip-caches}", "resourcePolicy: {kind: configmap}")));
        assertEquals(List.of("$.spec.template: missing required field \"template\""), errors(SCHEDULE.substring(0, SCHEDULE.indexOf("  useOwner"))));
    }

    @Test
    void aVeleroRestoreAndASnapschedulerSchedulePassOrFailByTheirCrd() throws IOException {
        assertEquals(List.of(), errors("""
                apiVersion: velero.io/v1
                kind: Restore
                metadata: {name: db-from-nightly, namespace: velero}
                spec: {backupName: nightly-20240601030012, includedNamespaces: [ml], restorePVs: true, existingResourcePolicy: update}
                """));
        String snapshots = """
                apiVersion: snapscheduler.backube/v1
                kind: SnapshotSchedule
                metadata: {name: hourly, namespace: ml}
                spec:
                  claimSelector: {matchLabels: {app: db}}
                  retention: {expires: 168h, maxCount: 24}
                  schedule: "17 * * * *"
                  snapshotTemplate: {snapshotClassName: ebs-snapshots}
                """;
        assertEquals(List.of(), errors(snapshots));
        assertEquals(List.of("$.spec.retention.maxCount: must have a minimum value of 1"), errors(snapshots.replace("maxCount: 24", "maxCount: 0")));
        assertEquals(1, errors(snapshots.replace("expires: 168h", "expires: 7d")).size());
    }
}
