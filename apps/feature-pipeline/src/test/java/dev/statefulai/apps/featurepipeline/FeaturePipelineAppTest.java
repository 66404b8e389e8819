package dev.statefulai.apps.featurepipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.engine.testing.AppSnapshotTest;
import dev.statefulai.engine.values.ValuesException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturePipelineAppTest extends AppSnapshotTest {

    @Test
    void eachVolumeIsPreBoundToItsOwnClaimOnTheEbsCsiDriver() {
        assertContains(synth("prod").yaml(), "volumeHandle: vol-0d1e2f3a4b5c60718", "driver: ebs.csi.aws.com",
                "volumeName: features-raw-events",
                "claimRef:\n    apiVersion: v1\n    kind: PersistentVolumeClaim\n    name: raw-events\n    namespace: features");
    }

    @Test
    void outputsNameTheClaimPodsMount() {
        Map<String, Object> storage = outputs("staging");
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) ((Map<String, Object>) storage.get("volumes")).get("features");
        assertEquals("features", features.get("claim"));
        assertEquals("features-staging-features", features.get("persistentVolume"));
        assertEquals("feature-pipeline-staging", features.get("storageClass"));
        assertEquals(List.of("feature-pipeline-staging", "feature-pipeline-staging-efs"), storage.get("storageClasses"));
    }

    @Test
    void eachStorageClassIsWrittenOnce() {
        String yaml = synth("prod").yaml();
        assertEquals(1, yaml.split("name: feature-pipeline-gp3\n", -1).length - 1);
    }

    @Test
    void theTrainingDatasetsAreSharedReadWriteOnEfs() {
        assertContains(synth("staging").yaml(), "provisioner: efs.csi.aws.com", "provisioningMode: efs-ap",
                "fileSystemId: fs-0b1c2d3e4f5a60718", "    - ReadWriteMany\n");
        assertContains(synth("prod").yaml(), "volumeHandle: fs-0d1e2f3a4b5c60718::fsap-0d1e2f3a4b5c60718",
                "volumeName: features-training-datasets");
    }

    /**
     * A refusal names the key that fed the refused prop. The old guess took the prop's last word, "name", and named
     * every values key called name: storageClass.name, both volumes' names, sharedDataset.name and its class's name.
     */
    @Test
    void aRefusedVolumeNameIsReportedAtThatVolumesKeyOnly() {
        ValuesException e = refusal("prod", Map.of("volumes[1].name", "raw-events"));
        assertEquals(List.of("apps/feature-pipeline (prod): DataPipelineStorage 'feature-pipeline': prop 'volumes[1].name' is 'raw-events'; "
                + "allowed: a name used by no other volume of the storage [set by --set featurePipeline.volumes[1].name=raw-events "
                + "(volumes[1].name)]"), e.problems().subList(0, 1));
    }

    @Test
    void aKeyOfTheSharedVolumeShapeThatAPipelineCannotTakeIsRefusedWhereItIsSet() {
        ValuesException e = refusal("prod", Map.of("volumes[0].persistence.existingClaim", "old-events"));
        assertEquals(List.of("apps/feature-pipeline (prod): PipelineVolume 'raw-events': prop 'existingClaim' is 'old-events'; allowed: "
                + "nothing for a volume of a data pipeline, which makes and binds its claim itself: only size, accessModes and volumeAttributesClass "
                + "[set by --set featurePipeline.volumes[0].persistence.existingClaim=old-events (volumes[0].persistence.existingClaim)]"),
                e.problems());
    }

    @Test
    void prodsStageVolumesAreBackedUpNightlyAndTheEfsDatasetsByAwsBackup() {
        String yaml = synth("prod").yaml();
        assertContains(yaml, "kind: Schedule\nmetadata:\n  name: feature-pipeline-prod\n", "  schedule: 30 1 * * *\n", "    ttl: 2160h\n",
                "        app.kubernetes.io/part-of: feature-pipeline\n",
                // EFS takes no CSI snapshots: Velero skips its class, and the claim says how it is backed up instead
                "            - feature-pipeline-prod-efs\n        action:\n          type: skip\n",
                "    ai-storage.dev/waive-POL007: \"training-datasets: EFS automatic backups of file system fs-0d1e2f3a4b5c60718");
    }

    @Test
    void anEfsDatasetWithoutAnotherBackupIsRefused() {
        ValuesException e = refusal("prod", Map.of("backup.elsewhere", "null"));
        assertEquals(List.of("apps/feature-pipeline (prod): AppBackup 'feature-pipeline-prod': prop 'claims' is 'training-datasets';"
                + " allowed: claims on drivers that take CSI snapshots; training-datasets is on AWS EFS, which takes none: list it under"
                + " elsewhere with how it is backed up (e.g. AWS Backup of the file system), or under caches"
                + " [set by apps/feature-pipeline/values-prod.yaml:23 (backup)]"), e.problems());
    }
}
