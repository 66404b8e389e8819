package dev.statefulai.constructs.attributes;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.cluster.TargetCluster;
import dev.statefulai.constructs.pipeline.DataPipelineStorage;
import dev.statefulai.constructs.pipeline.DataPipelineStorageProps;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

/**
 * VolumeAttributesClass and a claim's volumeAttributesClassName: written at the API version the target serves,
 * on both render paths (Manifests compares them), and refused where the target lacks the feature
 * (feature-gates/VolumeAttributesClass.md: beta 1.31 off by default, GA 1.34).
 */
class VolumeAttributesClassTest {
    private static final ClusterTarget BETA = new ClusterTarget(KubernetesVersion.of(31), Set.of(FeatureGate.VOLUME_ATTRIBUTES_CLASS));
    private static final ClusterTarget GA = ClusterTarget.of(KubernetesVersion.of(34));
    private static final String LACKS = "nothing while the target lacks the feature gate VolumeAttributesClass: Kubernetes 1.28 has no"
            + " VolumeAttributesClass (alpha from 1.29 (off by default), beta from 1.31 (off by default), ga from 1.34)";

    private static final Map<String, String> IOPS = Map.of("iops", "6000", "throughput", "250");

    private static VolumeAttributesClassProps fast() {
        return new VolumeAttributesClassProps("fast-io", AwsEbs.gp3(), IOPS);
    }

    private static Manifests on(ClusterTarget target, Consumer<Chart> build) {
        return TargetCluster.during(target, () -> Manifests.synth("ml", build));
    }

    @Test
    void isWrittenAtTheApiVersionTheTargetServes() {
        Map<String, Object> beta = on(BETA, chart -> new VolumeAttributesClass(chart, "fast", fast())).one("VolumeAttributesClass");
        assertEquals(Map.of("apiVersion", "storage.k8s.io/v1beta1", "kind", "VolumeAttributesClass", "metadata", Map.of("name", "fast-io"),
                "driverName", "ebs.csi.aws.com", "parameters", Map.of("iops", "6000", "throughput", "250")), beta);
        assertEquals("storage.k8s.io/v1", on(GA, chart -> new VolumeAttributesClass(chart, "fast", fast()))
                .at("VolumeAttributesClass", "apiVersion"));
        assertEquals("storage.k8s.io/v1alpha1", VolumeAttributesClass.apiVersionFor(KubernetesVersion.of(30)));
    }

    @Test
    void isRefusedOnATargetWithoutTheFeatureAndForABackendWithoutACsiDriver() {
        assertInvalid("VolumeAttributesClass 'fast-io': prop 'target' is 'Kubernetes 1.28'; allowed: " + LACKS,
                () -> new VolumeAttributesClass(Manifests.chart(null), "fast", fast()));
        assertInvalid("VolumeAttributesClass 'fast-io': prop 'backend' is 'local disks (kubernetes.io/no-provisioner)'; allowed: a backend with a CSI driver:"
                + " a VolumeAttributesClass is applied by the driver's ModifyVolume call",
                () -> TargetCluster.during(GA, () -> new VolumeAttributesClass(Manifests.chart(null), "fast",
                        new VolumeAttributesClassProps("fast-io", LocalDisks.noProvisioner(), IOPS))));
        assertInvalid("VolumeAttributesClass 'fast-io': prop 'parameters' is '0 parameters'; allowed: 1 to 512 driver parameters,"
                + " e.g. iops: \"6000\" on AWS EBS",
                () -> TargetCluster.during(GA, () -> new VolumeAttributesClass(Manifests.chart(null), "fast", new VolumeAttributesClassProps("fast-io", AwsEbs.gp3(), Map.of()))));
    }

    @Test
    void aClaimTemplateNamesItOnTheTemplateAndOnTheReplicasGrownClaims() {
        StatefulAIAppProps props = TargetCluster.during(BETA, () -> StatefulAIAppProps.builder().name("db").image("qdrant/qdrant:v1.12.4").replicas(2)
                .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size("50Gi").volumeAttributesClassName("fast-io").build())
                .storage(StorageProps.builder().storageClass(StorageClassSpec.builder().name("gp3").backend(AwsEbs.gp3()).build())
                        .growClaimsTo("data", "80Gi").build())
                .build());
        Manifests m = on(BETA, chart -> new StatefulAIApp(chart, "db", props));
        assertEquals("fast-io", m.at("StatefulSet", "spec.volumeClaimTemplates[0].spec.volumeAttributesClassName"));
        assertEquals("50Gi", m.at("StatefulSet", "spec.volumeClaimTemplates[0].spec.resources.requests.storage"));
        for (Map<String, Object> claim : m.all("PersistentVolumeClaim")) {
            assertEquals("fast-io", Manifests.at(claim, "spec.volumeAttributesClassName"));
        }
        assertEquals(2, m.all("PersistentVolumeClaim").size());
    }

    @Test
    void aClaimTemplateIsRefusedOnATargetWithoutTheFeature() {
        assertInvalid("ClaimTemplate 'data': prop 'volumeAttributesClassName' is 'fast-io'; allowed: " + LACKS,
                () -> ClaimTemplate.builder().name("data").mountPath("/data").size("50Gi").volumeAttributesClassName("fast-io").build());
    }

    @Test
    void aPipelineVolumeTheDriverProvisionsNamesItAndOneOnAnExistingVolumeIsRefused() {
        Manifests m = on(GA, chart -> new DataPipelineStorage(chart, "p", DataPipelineStorageProps.builder().name("pipeline")
                .volumes(PipelineVolume.builder().name("checkpoints").size("500Gi").volumeAttributesClassName("fast-io").build()).build()));
        assertEquals("fast-io", m.at("PersistentVolumeClaim", "spec.volumeAttributesClassName"));
        assertNull(on(GA, chart -> new DataPipelineStorage(chart, "p", DataPipelineStorageProps.builder().name("pipeline")
                .volumes(PipelineVolume.builder().name("checkpoints").size("500Gi").build()).build()))
                .at("PersistentVolumeClaim", "spec.volumeAttributesClassName"));
        assertInvalid("DataPipelineStorage 'pipeline': prop 'volumes[0].volumeAttributesClassName' is 'fast-io'; allowed: none on a claim"
                + " bound to an existing volume: only a volume the class's driver provisions is modified through its claim here",
                () -> TargetCluster.during(GA, () -> new DataPipelineStorage(Manifests.chart(null), "p", DataPipelineStorageProps.builder()
                        .name("pipeline").volumes(PipelineVolume.builder().name("raw").size("2Ti").volumeAttributesClassName("fast-io")
                                .volume(AwsEbs.gp3().existingVolume("vol-0123456789abcdef0", "us-east-1a")).build()).build())));
    }
}
