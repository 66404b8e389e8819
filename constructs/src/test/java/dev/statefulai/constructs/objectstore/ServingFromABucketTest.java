package dev.statefulai.constructs.objectstore;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.pod.PodExtras;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.Volume;
import org.junit.jupiter.api.Test;

/** A StatefulAIApp that serves weights from a bucket: the claim read-only, and what the bucket asks of the pods (extras). */
class ServingFromABucketTest {
    private static final String POD = "spec.template";

    @Test
    void everyReplicaMountsTheBucketReadOnlyWithItsServiceAccountAnnotationsAndCacheVolume() {
        Manifests m = Manifests.synth("llm", chart -> {
            ModelBucket bucket = new ModelBucket(chart, "weights", ModelBucketProps.builder().name("model-weights")
                    .bucket(GcsBucket.builder().bucket("acme-models").fileCache("50Gi")
                            .gcpServiceAccount("model-reader@ml-prod.iam.gserviceaccount.com").build()).build());
            new StatefulAIApp(chart, "llm", StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3").replicas(3)
                    .claimTemplates(bucket.servingClaimTemplate("/models"))
                    .serviceAccountName(bucket.serviceAccountName())
                    .extras(bucket.podExtras())
                    .build());
        });
        Map<String, Object> sts = m.one("StatefulSet");
        assertEquals(Map.of("gke-gcsfuse/volumes", "true"), Manifests.at(sts, POD + ".metadata.annotations"));
        assertEquals("model-weights", Manifests.at(sts, POD + ".spec.serviceAccountName"));
        assertEquals(List.of(
                Map.of("name", "model-weights", "persistentVolumeClaim", Map.of("claimName", "model-weights", "readOnly", true)),
                Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi")),
                Map.of("name", "gke-gcsfuse-cache", "emptyDir", Map.of("sizeLimit", "50Gi"))), Manifests.at(sts, POD + ".spec.volumes"));
        assertEquals(List.of(Map.of("name", "model-weights", "mountPath", "/models", "readOnly", true), Map.of("name", "tmp", "mountPath", "/tmp")),
                Manifests.at(sts, POD + ".spec.containers[0].volumeMounts"));
    }

    @Test
    void anExtraVolumeNamedLikeAClaimTemplateIsRefused() {
        assertInvalid("StatefulAIApp 'llm': prop 'extras.volumes[0].name' is 'data'; allowed: a name no other volume of the pod has"
                + " (taken: [dshm, fill-source, data])",
                () -> Manifests.synth(chart -> new StatefulAIApp(chart, "llm", StatefulAIAppProps.builder().name("llm").image("i:1")
                        .claimTemplates(dev.statefulai.constructs.claims.ClaimTemplate.of("data", "/data", "10Gi"))
                        .extras(PodExtras.of(Map.of(), List.of(Volume.builder().name("data").emptyDir(EmptyDirVolumeSource.builder().build()).build())))
                        .build())));
    }
}
