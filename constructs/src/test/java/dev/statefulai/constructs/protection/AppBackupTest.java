package dev.statefulai.constructs.protection;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.pipeline.DataPipelineStorage;
import dev.statefulai.constructs.pipeline.DataPipelineStorageProps;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class AppBackupTest {
    private static final String ERR = "AppBackup 'db-prod': ";

    private static Consumer<Chart> backup(AppBackupProps.Builder props) {
        return chart -> {
            ProtectionFixtures.database(chart, ReclaimPolicy.RETAIN);
            new AppBackup(chart, "backup", props.build());
        };
    }

    private static AppBackupProps.Builder withCache() {
        return AppBackupProps.builder().schedule(ProtectionFixtures.nightly().build())
                .caches(Map.of("cache", "downloaded again by the cache fill"));
    }

    @Test
    void backsUpTheDataSkipsTheCacheByItsClassAndSaysWhy() {
        Manifests out = Manifests.synth(null, backup(withCache()));
        assertEquals(List.of("ml"), out.at("Schedule", "spec.template.includedNamespaces"));
        assertEquals(Map.of("app.kubernetes.io/name", "db"), out.at("Schedule", "spec.template.labelSelector.matchLabels"));
        assertTrue(((String) out.at("ConfigMap", "data['policies.yaml']")).contains("- scratch\n"));
        assertEquals("downloaded again by the cache fill", out.at("StatefulSet", "metadata.annotations['cache.ai-storage.dev/cache']"));
        // Velero's CSI support takes the class of the driver labeled for it (site/content/docs/v1.18/csi.md)
        assertEquals("true", out.at("VolumeSnapshotClass", "metadata.labels['velero.io/csi-volumesnapshot-class']"));
    }

    @Test
    void hooksGoOnTheAppsPodsSoEveryBackupOfThemRunsThem() {
        BackupHooks hooks = BackupHooks.of(new BackupHooks.Hook(List.of("/bin/sync"), "db", BackupHooks.OnError.FAIL, "5m"), null);
        Manifests out = Manifests.synth(null, backup(withCache().hooks(hooks)));
        assertEquals(Map.of("pre.hook.backup.velero.io/command", "[\"/bin/sync\"]", "pre.hook.backup.velero.io/container", "db",
                "pre.hook.backup.velero.io/on-error", "Fail", "pre.hook.backup.velero.io/timeout", "5m"),
                out.at("StatefulSet", "spec.template.metadata.annotations"));
    }

    @Test
    void aClaimBackedUpElsewhereWaivesTheCoverageRuleWithTheReason() {
        Manifests out = Manifests.synth(null, backup(withCache().caches(Map.of()).elsewhere(Map.of("cache", "rsync to the NAS hourly"))));
        assertEquals("cache: rsync to the NAS hourly", out.at("StatefulSet", "metadata.annotations['ai-storage.dev/waive-POL007']"));
    }

    @Test
    void refusesACacheVeleroCannotTellFromTheData() {
        assertInvalid(ERR + "prop 'claims' is 'models'; allowed: claims Velero can tell apart: its volume policy skips claims by"
                        + " StorageClass, and models (left out) is on class db-gp3 with data (backed up): give it a class of its own",
                () -> {
                    Chart chart = Manifests.chart(null);
                    new StatefulAIApp(chart, "db", StatefulAIAppProps.builder().name("db").namespace("ml").image("db:1")
                            .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size("100Gi").build(),
                                    ClaimTemplate.builder().name("models").mountPath("/models").size("20Gi").build())
                            .storage(StorageProps.builder().storageClass(StorageClassSpec.builder().name("db-gp3").backend(AwsEbs.gp3())
                                    .build()).build())
                            .build());
                    new AppBackup(chart, "backup", AppBackupProps.builder().schedule(ProtectionFixtures.nightly().build())
                            .caches(Map.of("models", "downloaded again")).build());
                });
    }

    @Test
    void refusesUnknownClaimsAndClaimsOnDriversWithoutSnapshots() {
        assertInvalid(ERR + "prop 'claims' is 'logs'; allowed: claim names of the app: data, cache",
                () -> backup(withCache().claims(List.of("data", "logs"))).accept(Manifests.chart(null)));
        StorageClassSpec efs = StorageClassSpec.builder().name("datasets").backend(AwsEfs.accessPoints("fs-0123456789abcdef0")).build();
        assertInvalid(ERR + "prop 'claims' is 'datasets'; allowed: claims on drivers that take CSI snapshots; datasets is on AWS EFS,"
                        + " which takes none: list it under elsewhere with how it is backed up (e.g. AWS Backup of the file system),"
                        + " or under caches",
                () -> {
                    Chart chart = Manifests.chart("etl");
                    new DataPipelineStorage(chart, "pipeline", DataPipelineStorageProps.builder().name("pipeline").volumes(List.of(
                            PipelineVolume.builder().name("datasets").size("1Ti").storageClass(efs)
                                    .accessModes(List.of(AccessMode.READ_WRITE_MANY)).build())).build());
                    new AppBackup(chart, "backup", AppBackupProps.builder().schedule(ProtectionFixtures.nightly().build()).build());
                });
    }

    @Test
    void snapschedulerCannotLeaveOutAClaimThatCarriesTheSameLabels() {
        assertInvalid(ERR + "prop 'claims' is 'cache'; allowed: claims snapscheduler can tell apart: it selects claims by label,"
                        + " and cache (left out) carries every label of the claims backed up",
                () -> backup(withCache().schedule(ProtectionFixtures.nightly().tool(BackupTool.SNAPSCHEDULER).build()))
                        .accept(Manifests.chart(null)));
    }

    @Test
    void aPipelinesVolumesAreSelectedByTheLabelsTheyShare() {
        Manifests out = Manifests.synth("etl", chart -> {
            new DataPipelineStorage(chart, "pipeline", DataPipelineStorageProps.builder().name("pipeline").partOf("features").volumes(List.of(
                    PipelineVolume.builder().name("raw").size("2Ti").volume(AwsEbs.gp3().existingVolume("vol-0123456789abcdef0", "us-east-1a")).build(),
                    PipelineVolume.builder().name("checkpoints").size("500Gi").build())).build());
            new AppBackup(chart, "backup", AppBackupProps.builder().schedule(ProtectionFixtures.nightly().build()).build());
        });
        assertEquals(Map.of("app.kubernetes.io/component", "pipeline-storage", "app.kubernetes.io/part-of", "features"),
                out.at("Schedule", "spec.template.labelSelector.matchLabels"));
        assertNull(out.at("Schedule", "spec.template.resourcePolicy"));
    }
}
