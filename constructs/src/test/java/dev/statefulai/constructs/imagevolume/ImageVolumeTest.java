package dev.statefulai.constructs.imagevolume;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.cluster.TargetCluster;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An image mounted read-only into a StatefulAIApp: the volume's {@code image} source (core/v1 ImageVolumeSource:
 * reference, pullPolicy) written on both render paths (Manifests compares them) at the volume's index, the mount
 * read-only; refused where the target lacks the ImageVolume gate (feature-gates/ImageVolume.md: alpha 1.31, beta 1.33
 * off by default), for a pull policy validatePullPolicy does not know, for an empty reference (validateImageVolumeSource),
 * and for a subPath before 1.33 (tasks/configure-pod-container/image-volumes.md: subPath from v1.33).
 */
class ImageVolumeTest {
    private static final ClusterTarget ON = new ClusterTarget(KubernetesVersion.of(33), Set.of(FeatureGate.IMAGE_VOLUME));
    private static final String MODEL = "registry.example.com/models/llama-3.1-8b:v1";
    private static final String LACKS = "nothing while the target lacks the feature gate ImageVolume: ImageVolume is off by default in"
            + " Kubernetes 1.33 (alpha from 1.31 (off by default), beta from 1.33 (off by default), beta from 1.35 (on by default), ga from 1.36):"
            + " list it under featureGates in the environment's file once the cluster enables it";

    private static ImageVolume.Builder weights() {
        return ImageVolume.builder().name("weights").reference(MODEL).mountPath("/weights");
    }

    private static Manifests app(ClusterTarget target, ImageVolume image) {
        return TargetCluster.during(target, () -> Manifests.synth("ml", chart -> new StatefulAIApp(chart, "llm",
                StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3")
                        .claimTemplates(ClaimTemplate.of("cache", "/models", "100Gi"))
                        .storage(StorageProps.builder().imageVolumes(image).build())
                        .build())));
    }

    @Test
    void isMountedReadOnlyWithItsSourceAtItsVolumeOnBothRenderPaths() {
        Manifests m = app(ON, weights().build());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) m.at("StatefulSet", "spec.template.spec.volumes");
        Map<String, Object> volume = volumes.stream().filter(v -> "weights".equals(v.get("name"))).findFirst().orElseThrow();
        // a tag, not a digest: pulled Always, written explicitly (ImagePullPolicy.forImage)
        assertEquals(Map.of("name", "weights", "image", Map.of("reference", MODEL, "pullPolicy", "Always")), volume);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) m.at("StatefulSet", "spec.template.spec.containers[0].volumeMounts");
        assertEquals(Map.of("name", "weights", "mountPath", "/weights", "readOnly", true),
                mounts.stream().filter(v -> "weights".equals(v.get("name"))).findFirst().orElseThrow());
    }

    @Test
    void aPullPolicyAndASubPathAreWrittenWhereTheTargetTakesThem() {
        Manifests m = app(ON, weights().pullPolicy("IfNotPresent").subPath("llama").build());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) m.at("StatefulSet", "spec.template.spec.volumes");
        assertEquals(Map.of("reference", MODEL, "pullPolicy", "IfNotPresent"),
                volumes.stream().filter(v -> "weights".equals(v.get("name"))).findFirst().orElseThrow().get("image"));
    }

    @Test
    void isRefusedWhereTheTargetLacksTheGate() {
        assertInvalid("StatefulAIApp 'llm': prop 'imageVolumes[0]' is '" + MODEL + "'; allowed: " + LACKS,
                () -> app(ClusterTarget.of(KubernetesVersion.of(33)), weights().build()));
    }

    @Test
    void aPullPolicyOutsideAlwaysNeverIfNotPresentIsRefused() {
        assertInvalid("StatefulAIApp 'llm': prop 'imageVolumes[0].pullPolicy' is 'Sometimes'; allowed: one of Always, IfNotPresent, Never",
                () -> app(ON, weights().pullPolicy("Sometimes").build()));
    }

    @Test
    void anEmptyReferenceIsRefused() {
        assertInvalid("StatefulAIApp 'llm': prop 'imageVolumes[0].reference' is missing; allowed: an image or artifact reference such as"
                + " registry.example.com/models/llama:3.1", () -> app(ON, weights().reference("").build()));
    }

    @Test
    void aSubPathIsRefusedBefore133AndANameOrPathTakenTwiceIsRefused() {
        ClusterTarget alpha = new ClusterTarget(KubernetesVersion.of(32), Set.of(FeatureGate.IMAGE_VOLUME));
        assertInvalid("StatefulAIApp 'llm': prop 'imageVolumes[0].subPath' is 'llama'; allowed: none before Kubernetes 1.33 (the target is 1.32):"
                + " its API server refuses a subPath of an image volume; mount the image's root, or name the directory in the server's arguments",
                () -> app(alpha, weights().subPath("llama").build()));
        assertInvalid("StatefulAIApp 'llm': prop 'imageVolumes[0].name' is 'cache'; allowed: a name no other volume of the pod has"
                + " (taken: [dshm, fill-source, cache])", () -> app(ON, weights().name("cache").build()));
        assertInvalid("StatefulAIApp 'llm': prop 'imageVolumes[0].mountPath' is '/models'; allowed: a path no other mount of the container"
                + " has (taken: [/models])", () -> app(ON, weights().mountPath("/models").build()));
    }
}
