package dev.statefulai.constructs.workload;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.pod.NodeSpread;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.presets.ImagePresets;
import dev.statefulai.constructs.scratch.ScratchVolume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the app's containers run: root file system, scratch, pull policy, digests, spread over nodes, presets. */
class StatefulAIAppRuntimeTest {
    private static final String POD = "spec.template.spec";
    private static final String CONTAINER = POD + ".containers[0]";
    private static final String ERR = "StatefulAIApp 'llm': ";
    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

    private static StatefulAIAppProps.Builder app() {
        return StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3")
                .claimTemplates(ClaimTemplate.of("models", "/models", "100Gi"));
    }

    private static Map<String, Object> sts(StatefulAIAppProps.Builder props) {
        return Manifests.synth(chart -> new StatefulAIApp(chart, "app", props.build())).one("StatefulSet");
    }

    private static void build(StatefulAIAppProps.Builder props) {
        new StatefulAIApp(Manifests.chart(null), "app", props.build());
    }

    @Nested
    class RootFileSystem {
        @Test
        void aWritableRootCarriesItsReasonAsTheGatesWaiver() {
            Map<String, Object> sts = sts(app().container(ContainerProps.builder().writableRootFilesystem("the image writes /etc/nginx").build()));
            assertEquals(false, Manifests.at(sts, CONTAINER + ".securityContext.readOnlyRootFilesystem"));
            assertEquals(Map.of("ai-storage.dev/waive-POD002", "the image writes /etc/nginx"), Manifests.at(sts, "metadata.annotations"));
        }

        @Test
        void aWritableRootNeedsAReason() {
            assertInvalid(ERR + "prop 'writableRootFilesystem' is ' '; allowed: why the image must write to its root file system, such"
                            + " as \"the image writes its PID file to /var/run\": it becomes the waiver of the read-only root rule",
                    () -> build(app().container(ContainerProps.builder().writableRootFilesystem(" ").build())));
        }

        @Test
        void initContainersHaveReadOnlyRootsAndTheChownOneMountsNoScratch() {
            Map<String, Object> sts = sts(app().storage(StorageProps.builder().chownVolumes(true).build()));
            Map<String, Object> chown = Manifests.map(sts, POD + ".initContainers[0]");
            assertEquals(true, Manifests.at(chown, "securityContext.readOnlyRootFilesystem"));
            assertEquals("Always", chown.get("imagePullPolicy"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models")), chown.get("volumeMounts"));
            assertEquals(Map.of("cpu", "100m", "memory", "64Mi"), Manifests.at(chown, "resources.requests"));
        }
    }

    @Nested
    class Scratch {
        @Test
        void scratchIsMountedAndRequestedAsEphemeralStorageExceptMemoryAndClaims() {
            Map<String, Object> sts = sts(app().container(ContainerProps.builder().scratch(List.of(
                    ScratchVolume.emptyDir("compile-cache", "/cache", "20Gi"),
                    ScratchVolume.ephemeral("kv-offload", "/kv", "500Gi", "local-nvme"),
                    ScratchVolume.memory("fast", "/fast", "4Gi"))).build()));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models"), Map.of("name", "tmp", "mountPath", "/tmp"),
                    Map.of("name", "compile-cache", "mountPath", "/cache"), Map.of("name", "kv-offload", "mountPath", "/kv"),
                    Map.of("name", "fast", "mountPath", "/fast")), Manifests.at(sts, CONTAINER + ".volumeMounts"));
            assertEquals("21Gi", Manifests.at(sts, CONTAINER + ".resources.requests.ephemeral-storage"));
            assertEquals("500Gi", Manifests.at(sts, POD + ".volumes[2].ephemeral.volumeClaimTemplate.spec.resources.requests.storage"));
        }

        @Test
        void theFillMountsThePodsTmpAndRequestsIt() {
            CacheFill fill = CacheFill.fromS3("s3://models/llama/").into("models").build();
            Map<String, Object> sts = sts(app().storage(StorageProps.builder().cacheFill(fill).build())
                    .container(ContainerProps.builder().scratch(List.of(ScratchVolume.emptyDir("tmp", "/tmp", "4Gi"))).build()));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models"), Map.of("name", "tmp", "mountPath", "/tmp")),
                    Manifests.at(sts, POD + ".initContainers[0].volumeMounts"));
            assertEquals("4Gi", Manifests.at(sts, POD + ".initContainers[0].resources.requests.ephemeral-storage"));
        }

        @Test
        void aClaimTemplateNamedTmpNeedsTheScratchTmpRenamed() {
            assertInvalid(ERR + "prop 'scratch' is 'tmp'; allowed: a name no claim template, other scratch volume or 'dshm' (/dev/shm) has;"
                            + " the pod's scratch volume at /tmp is named 'tmp': rename the claim template, or give scratch for /tmp under another name",
                    () -> build(app().claimTemplates(ClaimTemplate.of("tmp", "/data", "10Gi"))));
            build(app().claimTemplates(ClaimTemplate.of("tmp", "/data", "10Gi"))
                    .container(ContainerProps.builder().scratch(List.of(ScratchVolume.emptyDir("scratch-tmp", "/tmp", "1Gi"))).build()));
        }
    }

    @Nested
    class Images {
        @Test
        void aDigestIsPulledIfNotPresentAndAGivenPolicyAppliesToEveryContainer() {
            Map<String, Object> sts = sts(app().image("vllm/vllm-openai:v0.6.3" + DIGEST)
                    .storage(StorageProps.builder().cacheFill(CacheFill.fromS3("s3://models/x/").into("models").build()).build()));
            assertEquals("IfNotPresent", Manifests.at(sts, CONTAINER + ".imagePullPolicy"));
            assertEquals("Always", Manifests.at(sts, POD + ".initContainers[0].imagePullPolicy"));
            Map<String, Object> never = sts(app().container(ContainerProps.builder().imagePullPolicy(ImagePullPolicy.NEVER).build())
                    .storage(StorageProps.builder().cacheFill(CacheFill.fromS3("s3://models/x/").into("models").build()).build()));
            assertEquals("Never", Manifests.at(never, CONTAINER + ".imagePullPolicy"));
            assertEquals("Never", Manifests.at(never, POD + ".initContainers[0].imagePullPolicy"));
        }

        @Test
        void requiringDigestsRefusesEveryTaggedImageOfThePod() {
            ContainerProps digests = ContainerProps.builder().requireImageDigests(true).build();
            build(app().image("vllm/vllm-openai:v0.6.3" + DIGEST).container(digests));
            assertInvalid(ERR + "prop 'image' is 'vllm/vllm-openai:v0.6.3'; allowed: an image pinned by digest, such as"
                    + " vllm/vllm-openai@sha256:<64 hex digits> (requireImageDigests)", () -> build(app().container(digests)));
            assertInvalid(ERR + "prop 'cacheFill.image' is 'amazon/aws-cli:2.15.30'; allowed: an image pinned by digest, such as"
                            + " amazon/aws-cli@sha256:<64 hex digits> (requireImageDigests)",
                    () -> build(app().image("vllm/vllm-openai" + DIGEST).container(digests)
                            .storage(StorageProps.builder().cacheFill(CacheFill.fromS3("s3://models/x/").into("models").build()).build())));
        }
    }

    @Nested
    class SpreadOverNodes {
        private Object affinity(int replicas, SchedulingProps scheduling) {
            return Manifests.at(sts(app().replicas(replicas).scheduling(scheduling)
                    .claimTemplates(ClaimTemplate.of("models", "/models", "100Gi"))), POD + ".affinity");
        }

        @Test
        void replicasPreferDifferentNodesByDefault() {
            assertEquals(Map.of("podAntiAffinity", Map.of("preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of(
                    "weight", 100, "podAffinityTerm", Map.of("topologyKey", "kubernetes.io/hostname",
                            "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "llm"))))))),
                    affinity(3, SchedulingProps.defaults()));
        }

        @Test
        void requiredOneReplicaPerNodeNoneOrOneReplicaWritesNothingOrTheRequiredTerm() {
            assertEquals(Map.of("podAntiAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", List.of(Map.of(
                            "topologyKey", "kubernetes.io/hostname", "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "llm")))))),
                    affinity(2, SchedulingProps.builder().nodeSpread(NodeSpread.REQUIRED).build()));
            assertNull(affinity(3, SchedulingProps.builder().nodeSpread(NodeSpread.NONE).build()));
            assertNull(affinity(1, SchedulingProps.builder().nodeSpread(NodeSpread.REQUIRED).build()));
        }
    }

    @Nested
    class Presets {
        @Test
        void theAppsEnvAndSecurityWinOverThePresets() {
            Map<String, Object> sts = sts(app().preset(ImagePresets.vllm("/models")).security(PodSecurity.of(2000, 2000))
                    .container(ContainerProps.builder().env(Map.of("HF_HOME", "/models/cache", "VLLM_LOGGING_LEVEL", "DEBUG")).build()));
            assertEquals(2000, Manifests.at(sts, POD + ".securityContext.runAsUser"));
            assertEquals(List.of(Map.of("name", "HF_HOME", "value", "/models/cache"), Map.of("name", "HOME", "value", "/home/vllm"),
                    Map.of("name", "VLLM_LOGGING_LEVEL", "value", "DEBUG")), Manifests.at(sts, CONTAINER + ".env"));
            assertEquals("12Gi", Manifests.at(sts, CONTAINER + ".resources.requests.ephemeral-storage"));
        }

        @Test
        void thePresetRefusesAReleaseThatCannotStartAsNonRoot() {
            assertInvalid(ERR + "prop 'image' is 'vllm/vllm-openai:v0.8.1'; allowed: a release other than v0.8.0 and v0.8.1, whose Python"
                            + " lives under /root/.local/share/uv, which no other user can read (vllm-project/vllm#15174)",
                    () -> build(app().image("vllm/vllm-openai:v0.8.1").preset(ImagePresets.vllm("/models"))));
        }
    }
}
