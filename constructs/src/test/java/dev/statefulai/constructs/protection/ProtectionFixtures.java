package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.storage.snapshot.VolumeSnapshotClass;
import dev.statefulai.constructs.storage.snapshot.VolumeSnapshotClassProps;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import software.constructs.Construct;

/** The apps the protection tests protect. */
final class ProtectionFixtures {
    private ProtectionFixtures() {
    }

    /**
     * A database "db" of two replicas in namespace "ml": claim template "data" on its own Retain class "db-gp3", template
     * "cache" on class "scratch" (Delete, made by the test), and an EBS VolumeSnapshotClass.
     */
    static StatefulAIApp database(Construct scope, ReclaimPolicy dataReclaim) {
        StatefulAIApp app = new StatefulAIApp(scope, "db", StatefulAIAppProps.builder().name("db").namespace("ml").image("db:1").replicas(2)
                .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size("100Gi").build(),
                        ClaimTemplate.builder().name("cache").mountPath("/cache").size("20Gi").storageClassName("scratch").build())
                .storage(StorageProps.builder().storageClass(StorageClassSpec.builder().name("db-gp3").backend(AwsEbs.gp3())
                        .reclaimPolicy(dataReclaim).build()).build())
                .build());
        StorageClassSpec.builder().name("scratch").backend(AwsEbs.gp3()).reclaimPolicy(ReclaimPolicy.DELETE).build().addTo(scope, "scratch");
        new VolumeSnapshotClass(scope, "snapshots", VolumeSnapshotClassProps.builder().name("ebs-snapshots").backend(AwsEbs.gp3()).build());
        return app;
    }

    /** A nightly Velero schedule "db-prod" keeping two weeks. */
    static BackupScheduleProps.Builder nightly() {
        return BackupScheduleProps.builder().name("db-prod").schedule("0 3 * * *").keep("336h");
    }
}
