package dev.statefulai.constructs.hydrate;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.VolumeBindingMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.hydrate.HydratedVolumeProps.Stage;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.storage.disks.HyperdiskMl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hydrate once, serve read-only everywhere: the fill Job, the snapshot, the ReadOnlyMany claim restored from it. */
class HydratedVolumeTest {
    private static final StorageClassSpec FILL = StorageClassSpec.builder().name("hdml-fill")
            .backend(HyperdiskMl.builder().throughputMiBps(2400).build()).build();
    private static final StorageClassSpec SERVING = StorageClassSpec.builder().name("hdml")
            .backend(HyperdiskMl.builder().throughputMiBps(2400).multiZone(true).build())
            .volumeBindingMode(VolumeBindingMode.IMMEDIATE).build();

    private static HydratedVolumeProps.Builder props(Stage stage) {
        return HydratedVolumeProps.builder().name("model-weights").namespace("llm").size("100Gi").servingClass(SERVING).fillClass(FILL)
                .fill(CacheFill.fromS3("s3://acme-models/llama/").into("model-weights").build()).stage(stage);
    }

    @Test
    void fillWritesTheWeightsToAReadWriteClaimFromAJob() {
        Manifests m = Manifests.synth(chart -> new HydratedVolume(chart, "h", props(Stage.FILL).build()));
        assertEquals(List.of("StorageClass", "StorageClass", "PersistentVolumeClaim", "Job"), m.kinds());
        assertEquals(List.of("ReadWriteOnce"), m.at("PersistentVolumeClaim", "spec.accessModes"));
        assertEquals("hdml-fill", m.at("PersistentVolumeClaim", "spec.storageClassName"));
        Map<String, Object> job = m.one("Job");
        assertEquals("model-weights-fill", Manifests.at(job, "metadata.name"));
        assertEquals("Never", Manifests.at(job, "spec.template.spec.restartPolicy"));
        assertEquals("fill-model-weights", Manifests.at(job, "spec.template.spec.containers[0].name"));
        assertEquals("/fill", Manifests.at(job, "spec.template.spec.containers[0].volumeMounts[0].mountPath"));
        assertEquals("model-weights-fill", Manifests.at(job, "spec.template.spec.volumes[0].persistentVolumeClaim.claimName"));
        assertEquals(false, Manifests.at(job, "spec.template.spec.automountServiceAccountToken"));
        assertEquals(true, Manifests.at(job, "spec.template.spec.securityContext.runAsNonRoot"));
    }

    @Test
    void serveSnapshotsTheFilledClaimAndRestoresItReadOnlyManyOnTheMultiZoneClass() {
        Manifests m = Manifests.synth(chart -> new HydratedVolume(chart, "h", props(Stage.SERVE).snapshotClassName("pd-snapshots").build()));
        assertEquals(List.of("StorageClass", "StorageClass", "PersistentVolumeClaim", "Job", "VolumeSnapshot", "PersistentVolumeClaim"), m.kinds());
        assertEquals(Map.of("source", Map.of("persistentVolumeClaimName", "model-weights-fill"), "volumeSnapshotClassName", "pd-snapshots"),
                m.at("VolumeSnapshot", "spec"));
        Map<String, Object> serving = m.all("PersistentVolumeClaim").get(1);
        assertEquals("model-weights", Manifests.at(serving, "metadata.name"));
        assertEquals(List.of("ReadOnlyMany"), Manifests.at(serving, "spec.accessModes"));
        assertEquals("hdml", Manifests.at(serving, "spec.storageClassName"));
        assertEquals(Map.of("apiGroup", "snapshot.storage.k8s.io", "kind", "VolumeSnapshot", "name", "model-weights-snapshot"),
                Manifests.at(serving, "spec.dataSource"));
        assertEquals("true", Manifests.at(m.all("StorageClass").get(1), "parameters.enable-multi-zone-provisioning"));
    }

    @Test
    void theServingClaimIsMountedReadOnlyByEveryReplica() {
        HydratedVolume[] h = new HydratedVolume[1];
        Manifests.synth(chart -> h[0] = new HydratedVolume(chart, "h", props(Stage.SERVE).build()));
        var template = h[0].servingClaimTemplate("/models");
        assertTrue(template.readOnly() && template.isShared());
        assertEquals("model-weights", template.existingClaim());
    }

    @Test
    void aDriverThatCannotRestoreReadOnlyManyIsRefusedByTheCatalog() {
        StorageClassSpec ebs = StorageClassSpec.builder().name("gp3").backend(AwsEbs.gp3()).build();
        assertInvalid("HydratedVolume 'model-weights': prop 'servingClass' is 'AWS EBS gp3 (ebs.csi.aws.com)'; allowed: a class"
                + " whose driver restores a snapshot as a ReadOnlyMany volume (the catalog's: [GCE PD, Ceph RBD])",
                () -> Manifests.synth(chart -> new HydratedVolume(chart, "h", props(Stage.FILL).servingClass(ebs).fillClass(null).build())));
    }

    @Test
    void aMultiZoneClassIsRefusedForTheReadWriteFillClaim() {
        assertInvalid("HydratedVolume 'model-weights': prop 'fillClass' is missing; allowed: a class without enable-multi-zone-provisioning"
                + " for the read-write fill claim: the driver makes multi-zone disks only read-only from a snapshot",
                () -> Manifests.synth(chart -> new HydratedVolume(chart, "h", props(Stage.FILL).fillClass(null).build())));
    }

    @Test
    void theFillMustFillThisVolume() {
        assertInvalid("HydratedVolume 'model-weights': prop 'fill.into' is 'cache'; allowed: 'model-weights', the volume it fills",
                () -> Manifests.synth(chart -> new HydratedVolume(chart, "h", props(Stage.FILL)
                        .fill(CacheFill.fromS3("s3://acme-models/llama/").into("cache").build()).build())));
    }
}
