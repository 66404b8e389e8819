package dev.statefulai.constructs.tier;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.storage.GcePd;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In-place EBS changes by the annotations of docs/modify-volume.md of the EBS CSI driver, and the app writing them. */
class VolumeTierTest {
    private static StatefulAIAppProps.Builder app(StorageProps storage) {
        return StatefulAIAppProps.builder().name("vector-db").image("qdrant/qdrant:v1.12.4-unprivileged").replicas(2)
                .claimTemplates(ClaimTemplate.of("data", "/qdrant/storage", "100Gi")).storage(storage);
    }

    @Test
    void anEbsTierIsTheDriversModifyAnnotations() {
        VolumeTier tier = VolumeTier.of(AwsEbs.builder().iops(8000).throughput(500).build());
        assertEquals(Map.of("ebs.csi.aws.com/type", "gp3", "ebs.csi.aws.com/iops", "8000", "ebs.csi.aws.com/throughput", "500"), tier.annotations());
        assertEquals("ebs.csi.aws.com", tier.provisioner());
        assertEquals(Duration.ofHours(6), tier.cooldown());
        assertEquals(Map.of("ebs.csi.aws.com/type", "io2", "ebs.csi.aws.com/iops", "16000"),
                VolumeTier.ebs("io2", 16000, null).annotations());
    }

    @Test
    void refusesABackendWhoseDriverChangesNothingInPlace() {
        assertInvalid("VolumeTier: prop 'backend' is '" + GcePd.balanced().displayName() + "'; allowed: a backend whose driver changes"
                + " volumes in place: AWS EBS (ebs.csi.aws.com)", () -> VolumeTier.of(GcePd.balanced()));
    }

    @Test
    void refusesWhatAClassOfTheseValuesWouldRefuse() {
        assertInvalid("AwsEbs: prop 'iops' is missing; allowed: the provisioned IOPS of every io2 volume, from 100 to 256000: io2 has no baseline",
                () -> VolumeTier.ebs("io2", null, null));
        assertInvalid("AwsEbs: prop 'throughput' is 500; allowed: only with volumeType gp3",
                () -> VolumeTier.ebs("io1", 1000, 500));
    }

    @Test
    void theAppWritesEachReplicasClaimWithTheTierAndTheGrownSize() {
        Manifests m = Manifests.synth(chart -> new StatefulAIApp(chart, "app", app(StorageProps.builder()
                .changeTier("data", VolumeTier.ebs(null, 6000, null)).growClaimsTo("data", "200Gi").build()).build()));
        List<Map<String, Object>> claims = m.all("PersistentVolumeClaim");
        assertEquals(List.of("data-vector-db-0", "data-vector-db-1"), claims.stream().map(c -> Manifests.at(c, "metadata.name")).toList());
        for (Map<String, Object> claim : claims) {
            assertEquals(Map.of("ebs.csi.aws.com/type", "gp3", "ebs.csi.aws.com/iops", "6000"), Manifests.at(claim, "metadata.annotations"));
            assertEquals("200Gi", Manifests.at(claim, "spec.resources.requests.storage"));
        }
        // the StatefulSet's template keeps its size and no annotations: claim templates cannot change
        assertEquals(null, Manifests.at(m.one("StatefulSet"), "spec.volumeClaimTemplates[0].metadata.annotations"));
    }

    @Test
    void aTierAloneKeepsTheTemplatesSizeAndIsListedInTheOutputs() {
        StatefulAIApp built = new StatefulAIApp(Manifests.chart(null), "app", app(StorageProps.builder()
                .changeTier("data", VolumeTier.ebs(null, null, 250)).build()).build());
        assertEquals(2, built.getClaims().size());
        assertEquals(Map.of("data", Map.of("ebs.csi.aws.com/type", "gp3", "ebs.csi.aws.com/throughput", "250")), built.outputs().get("tierChanges"));
    }

    @Test
    void refusesATierForAnUnknownOrSharedTemplateOrAnotherDriversClass() {
        VolumeTier tier = VolumeTier.ebs(null, 6000, null);
        String value = tier.annotations().toString();
        assertInvalid("StatefulAIApp 'vector-db': prop 'changeTier['cache']' is '" + value + "'; allowed: the name of a per-replica claim"
                        + " template: [data]",
                () -> new StatefulAIApp(Manifests.chart(null), "app", app(StorageProps.builder().changeTier("cache", tier).build()).build()));
        ClaimTemplate shared = ClaimTemplate.builder().name("data").mountPath("/data").size("10Gi").shared(true)
                .accessModes(AccessMode.READ_WRITE_MANY).storageClassName("efs").build();
        assertInvalid("StatefulAIApp 'vector-db': prop 'changeTier['data']' is '" + value + "'; allowed: the name of a per-replica claim"
                        + " template: [data]; 'data' is one shared claim: put the annotations on it",
                () -> new StatefulAIApp(Manifests.chart(null), "app", app(StorageProps.builder().changeTier("data", tier).build())
                        .claimTemplates(shared).build()));
        StorageClassSpec efs = StorageClassSpec.builder().name("shared").backend(AwsEfs.builder().fileSystemId("fs-0123456789abcdef0").build()).build();
        assertInvalid("StatefulAIApp 'vector-db': prop 'changeTier['data']' is '" + value + "'; allowed: a tier of the driver of the app's"
                        + " StorageClass 'shared' (" + efs.backend().displayName() + "), which modifies its own volumes only",
                () -> new StatefulAIApp(Manifests.chart(null), "app", app(StorageProps.builder().storageClass(efs).changeTier("data", tier).build())
                        .build()));
    }
}
