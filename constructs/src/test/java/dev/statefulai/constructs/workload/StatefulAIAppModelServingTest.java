package dev.statefulai.constructs.workload;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.ModelProbes;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.ProbeSpec;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.pod.ZoneSpread;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /dev/shm, GPUs, zone spread, the chown exception, model probes and cache fills on the StatefulSet. */
class StatefulAIAppModelServingTest {
    private static final String POD = "spec.template.spec";
    private static final String CONTAINER = POD + ".containers[0]";
    private static final String ERR = "StatefulAIApp 'llm': ";
    private static final Map<String, Object> MAIN_SECURITY = Map.of(
            "allowPrivilegeEscalation", false, "runAsNonRoot", true, "capabilities", Map.of("drop", List.of("ALL")),
            "readOnlyRootFilesystem", true);
    /** The pod's default scratch /tmp (the root file systems are read-only) and its mount. */
    private static final Map<String, Object> TMP = Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi"));
    private static final Map<String, Object> TMP_MOUNT = Map.of("name", "tmp", "mountPath", "/tmp");

    private static StatefulAIAppProps.Builder app() {
        return StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3")
                .claimTemplates(ClaimTemplate.builder().name("models").mountPath("/models").size("100Gi").build());
    }

    private static Resources gpus(int count, String memory) {
        return Resources.builder().gpus(count).memory(memory).build();
    }

    private static Map<String, Object> sts(StatefulAIAppProps.Builder props) {
        return Manifests.synth(chart -> new StatefulAIApp(chart, "app", props.build())).one("StatefulSet");
    }

    private static StatefulAIApp build(StatefulAIAppProps.Builder props) {
        return new StatefulAIApp(Manifests.chart(null), "app", props.build());
    }

    @Nested
    class SharedMemory {
        @ParameterizedTest
        @CsvSource({"64Gi, 16Gi", "32Gi, 16Gi", "16Gi, 8Gi", "3Gi, 1536Mi", "1G, 476Mi"})
        void withSeveralGpusItIsHalfTheMemoryRequestUpTo16Gi(String memory, String expected) {
            Map<String, Object> sts = sts(app().container(ContainerProps.builder().resources(gpus(2, memory)).build()));
            assertEquals(List.of(Map.of("name", "dshm", "emptyDir", Map.of("medium", "Memory", "sizeLimit", expected)), TMP),
                    Manifests.at(sts, POD + ".volumes"));
            assertEquals(Map.of("name", "dshm", "mountPath", "/dev/shm"), Manifests.at(sts, CONTAINER + ".volumeMounts[1]"));
        }

        @Test
        void withOneGpuOrNoneThereIsNone() {
            assertNull(build(app().container(ContainerProps.builder().resources(gpus(1, "32Gi")).build())).getSharedMemory());
            assertNull(build(app()).getSharedMemory());
            assertEquals(List.of(TMP), Manifests.at(sts(app()
                    .container(ContainerProps.builder().resources(gpus(1, "32Gi")).build())), POD + ".volumes"));
        }

        @Test
        void theAutomaticOneCanBeTurnedOff() {
            assertNull(build(app()
                    .container(ContainerProps.builder().resources(gpus(4, "64Gi")).autoSharedMemory(false).build())).getSharedMemory());
        }

        @Test
        void aGivenSizeWins() {
            assertEquals("4Gi", build(app()
                    .container(ContainerProps.builder().resources(gpus(4, "64Gi")).sharedMemory("4Gi").build())).getSharedMemory());
            assertEquals("2Gi", build(app()
                    .container(ContainerProps.builder().resources(gpus(1, "8Gi")).sharedMemory("2Gi").autoSharedMemory(false).build())).getSharedMemory());
        }

        @Test
        void rejectsASizeAboveTheMemoryLimit() {
            assertInvalid(ERR + "prop 'sharedMemory' is '40Gi'; allowed: at most the memory limit 32Gi: the pages of /dev/shm count "
                            + "against it, and a full /dev/shm above it gets the pod OOM-killed",
                    () -> build(app()
                            .container(ContainerProps.builder().resources(gpus(2, "32Gi")).sharedMemory("40Gi").build())));
        }
    }

    @Nested
    class Gpus {
        /** The app with the container's {@code resources} and the pod's {@code scheduling}. */
        private StatefulAIAppProps.Builder onGpus(Resources resources, SchedulingProps.Builder scheduling) {
            return app().container(ContainerProps.builder().resources(resources).build()).scheduling(scheduling.build());
        }

        @Test
        void theProductBecomesANodeSelectorNextToOthers() {
            Map<String, Object> pod = Manifests.map(sts(onGpus(gpus(1, "32Gi"),
                    SchedulingProps.builder().gpuProduct("NVIDIA-A10G").nodeSelector(Map.of("karpenter.sh/capacity-type", "on-demand")))), POD);
            assertEquals(Map.of("nvidia.com/gpu.product", "NVIDIA-A10G", "karpenter.sh/capacity-type", "on-demand"), pod.get("nodeSelector"));
        }

        @Test
        void anAmdProductUsesAmdsLabel() {
            Map<String, Object> pod = Manifests.map(sts(onGpus(Resources.builder().gpus(1).gpuResource(Resources.AMD_GPU).build(),
                    SchedulingProps.builder().gpuProduct("Instinct-MI300X"))), POD);
            assertEquals(Map.of("amd.com/gpu.product-name", "Instinct-MI300X"), pod.get("nodeSelector"));
            assertEquals("amd.com/gpu", Manifests.at(pod, "tolerations[0].key"));
        }

        @Test
        void aMigSliceIsLimitedByItsNameAndToleratesTheGpuTaint() {
            Map<String, Object> sts = sts(onGpus(Resources.builder().gpus(1).gpuResource(Resources.nvidiaMig("1g.10gb")).build(),
                    SchedulingProps.builder().gpuProduct("NVIDIA-A100-SXM4-80GB").runtimeClassName("nvidia")));
            assertEquals("1", Manifests.at(sts, CONTAINER + ".resources.limits['nvidia.com/mig-1g.10gb']"));
            assertEquals(List.of(Map.of("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule")),
                    Manifests.at(sts, POD + ".tolerations"));
            assertEquals(Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB"), Manifests.at(sts, POD + ".nodeSelector"));
            assertEquals("nvidia", Manifests.at(sts, POD + ".runtimeClassName"));
        }

        @Test
        void rejectsAProductWithoutGpus() {
            assertInvalid(ERR + "prop 'gpuProduct' is 'NVIDIA-A10G'; allowed: none without GPUs (resources.gpus is 0)",
                    () -> build(app().scheduling(SchedulingProps.builder().gpuProduct("NVIDIA-A10G").build())));
        }

        @Test
        void rejectsAProductThatIsNoLabelValue() {
            assertInvalid(ERR + "prop 'gpuProduct' is 'NVIDIA A10G'; allowed: a node label value such as NVIDIA-A10G or "
                            + "NVIDIA-H100-80GB-HBM3: at most 63 letters, digits, '-', '_' and '.'",
                    () -> build(onGpus(gpus(1, "8Gi"),
                            SchedulingProps.builder().gpuProduct("NVIDIA A10G"))));
        }

        @Test
        void rejectsAProductOfAnUnknownVendor() {
            assertInvalid(ERR + "prop 'gpuProduct' is 'Gaudi2'; allowed: none for habana.ai/gaudi, whose product label is not known: "
                            + "select nodes with nodeSelector",
                    () -> build(onGpus(Resources.builder().gpus(1).gpuResource("habana.ai/gaudi").build(),
                            SchedulingProps.builder().gpuProduct("Gaudi2"))));
        }

        @Test
        void rejectsAProductThatContradictsTheNodeSelector() {
            assertInvalid(ERR + "prop 'gpuProduct' is 'NVIDIA-L40S'; allowed: the value nodeSelector gives nvidia.com/gpu.product "
                            + "('NVIDIA-A10G'), or no such nodeSelector entry",
                    () -> build(onGpus(gpus(1, "8Gi"),
                            SchedulingProps.builder().gpuProduct("NVIDIA-L40S").nodeSelector(Map.of("nvidia.com/gpu.product", "NVIDIA-A10G")))));
        }

        @Test
        void rejectsARuntimeClassThatIsNoName() {
            assertInvalid(ERR + "prop 'runtimeClassName' is 'Nvidia'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> build(app().scheduling(SchedulingProps.builder().runtimeClassName("Nvidia").build())));
        }
    }

    @Nested
    class ZoneSpreading {
        @Test
        void preferredSpreadsWhenItCan() {
            assertEquals(List.of(Map.of(
                            "maxSkew", 1,
                            "topologyKey", "topology.kubernetes.io/zone",
                            "whenUnsatisfiable", "ScheduleAnyway",
                            "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "llm")))),
                    Manifests.at(sts(app().replicas(3)
                            .scheduling(SchedulingProps.builder().zoneSpread(ZoneSpread.PREFERRED).build())), POD + ".topologySpreadConstraints"));
        }

        @Test
        void requiredNeverCrowdsAZone() {
            assertEquals("DoNotSchedule", Manifests.at(sts(app().replicas(2)
                    .scheduling(SchedulingProps.builder().zoneSpread(ZoneSpread.REQUIRED).build())),
                    POD + ".topologySpreadConstraints[0].whenUnsatisfiable"));
        }

        @Test
        void isOffByDefaultAndWithOneReplica() {
            assertNull(Manifests.at(sts(app().replicas(3)), POD + ".topologySpreadConstraints"));
            assertNull(Manifests.at(sts(app()
                    .scheduling(SchedulingProps.builder().zoneSpread(ZoneSpread.REQUIRED).build())), POD + ".topologySpreadConstraints"));
        }
    }

    @Nested
    class Chown {
        @Test
        void anOptInRootContainerWithOnlyChownGivesTheWritableVolumesToTheUser() {
            ClaimTemplate models = ClaimTemplate.builder().name("models").mountPath("/models").size("100Gi").subPath("weights").build();
            ClaimTemplate golden = ClaimTemplate.builder().name("golden").mountPath("/golden").size(null).existingClaim("golden")
                    .accessModes(AccessMode.READ_ONLY_MANY).build();
            Map<String, Object> sts = sts(app().claimTemplates(models, golden).replicas(2).security(PodSecurity.of(2000, 3000))
                    .storage(StorageProps.builder().chownVolumes(true).build()));
            Map<String, Object> chown = Manifests.map(sts, POD + ".initContainers[0]");
            assertEquals("chown-volumes", chown.get("name"));
            assertEquals("busybox:1.36.1", chown.get("image"));
            assertEquals(Map.of(
                    "runAsUser", 0, "runAsGroup", 0, "runAsNonRoot", false, "allowPrivilegeEscalation", false,
                    "readOnlyRootFilesystem", true, "capabilities", Map.of("drop", List.of("ALL"), "add", List.of("CHOWN"))),
                    chown.get("securityContext"));
            assertEquals(List.of("sh", "-c", "set -eu\nfor d in \"$@\"; do\n"
                            + "  if [ \"$(stat -c %u:%g \"$d\")\" != 2000:3000 ]; then echo \"chown -R 2000:3000 $d\"; chown -R 2000:3000 \"$d\"; fi\n"
                            + "done\n", "chown-volumes", "/models"), chown.get("command"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models", "subPath", "weights")), chown.get("volumeMounts"));
            assertEquals(Map.of("requests", Map.of("cpu", "100m", "memory", "64Mi"), "limits", Map.of("memory", "64Mi")), chown.get("resources"));
            assertEquals(Map.of("ai-storage.dev/waive-POL003", "init container chown-volumes runs as root with only CAP_CHOWN to give "
                    + "volumes whose backend ignores fsGroup to the app's user (chownVolumes)"), Manifests.at(sts, "metadata.annotations"));
            assertEquals(true, Manifests.at(sts, POD + ".securityContext.runAsNonRoot"));
        }

        @Test
        void isOffByDefault() {
            Map<String, Object> sts = sts(app());
            assertNull(Manifests.at(sts, POD + ".initContainers"));
            assertNull(Manifests.at(sts, "metadata.annotations"));
        }

        @Test
        void anotherImage() {
            assertEquals("registry.example.com/busybox:1.36.1",
                    Manifests.at(sts(app()
                            .storage(StorageProps.builder().chownVolumes(true).chownImage("registry.example.com/busybox:1.36.1").build())), POD + ".initContainers[0].image"));
        }

        @Test
        void rejectsChownWithoutWritableVolumes() {
            ClaimTemplate ro = ClaimTemplate.builder().name("models").mountPath("/models").size("1Gi").readOnly(true).build();
            assertInvalid(ERR + "prop 'chownVolumes' is true; allowed: false when no claim volume is writable by the pods "
                    + "(all are read-only, shared or Block)", () -> build(app().claimTemplates(ro)
                            .storage(StorageProps.builder().chownVolumes(true).build())));
        }
    }

    @Nested
    class Probes {
        @Test
        void modelProbesWriteAllThreeWithAStartupBudgetFromTheModelSize() {
            Map<String, Object> c = Manifests.map(sts(app()
                    .container(ContainerProps.builder().modelProbes(ModelProbes.http("/health", 8000).modelSize("16Gi")).build())), CONTAINER);
            // No cache fill: 300 s + 16384 MiB at 25 MiB/s = 956 s, 96 checks of 10 s.
            assertEquals(Map.of("httpGet", Map.of("path", "/health", "port", 8000), "periodSeconds", 10, "timeoutSeconds", 5,
                    "failureThreshold", 96), c.get("startupProbe"));
            assertEquals(Map.of("httpGet", Map.of("path", "/health", "port", 8000), "periodSeconds", 5, "timeoutSeconds", 5,
                    "failureThreshold", 3), c.get("readinessProbe"));
            assertEquals(Map.of("httpGet", Map.of("path", "/health", "port", 8000), "periodSeconds", 15, "timeoutSeconds", 5,
                    "failureThreshold", 4), c.get("livenessProbe"));
        }

        @Test
        void aCacheFillMakesTheLoadFasterSoTheBudgetSmaller() {
            Map<String, Object> c = Manifests.map(sts(app()
                    .container(ContainerProps.builder().modelProbes(ModelProbes.http("/health", 8000).modelSize("16Gi")).build())
                    .storage(StorageProps.builder().cacheFill(CacheFill.fromHuggingFace("meta-llama/Llama-3.1-8B-Instruct").into("models").build()).build())), CONTAINER);
            // 300 s + 16384 MiB at 100 MiB/s = 464 s, 47 checks of 10 s.
            assertEquals(47, Manifests.at(c, "startupProbe.failureThreshold"));
        }

        @Test
        void rejectsModelProbesTogetherWithASingleProbe() {
            assertInvalid(ERR + "prop 'modelProbes' is 'set'; allowed: not together with startupProbe, readinessProbe or livenessProbe: "
                            + "modelProbes writes all three",
                    () -> build(app()
                            .container(ContainerProps.builder().modelProbes(ModelProbes.http("/health", 8000)).livenessProbe(ProbeSpec.tcp(8000)).build())));
        }
    }

    @Nested
    class Fill {
        private final CacheFill hf = CacheFill.fromHuggingFace("meta-llama/Llama-3.1-8B-Instruct").into("models")
                .secretEnv(List.of(new SecretEnv("HF_TOKEN", "hf-token", "token"))).build();

        @Test
        void anInitContainerFillsTheVolumeAtItsMountPathAsTheAppsUser() {
            Map<String, Object> sts = sts(app().storage(StorageProps.builder().cacheFill(hf).build()));
            Map<String, Object> fill = Manifests.map(sts, POD + ".initContainers[0]");
            assertEquals("fill-models", fill.get("name"));
            assertEquals("python:3.12.7-slim", fill.get("image"));
            assertEquals(MAIN_SECURITY, fill.get("securityContext"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models"), TMP_MOUNT), fill.get("volumeMounts"));
            assertEquals(Map.of("requests", Map.of("cpu", "500m", "memory", "1Gi", "ephemeral-storage", "1Gi"), "limits", Map.of("memory", "1Gi")),
                    fill.get("resources"));
            assertEquals(List.of(
                    Map.of("name", "FILL_ID", "value", "hf:meta-llama/Llama-3.1-8B-Instruct@main"),
                    Map.of("name", "FILL_SOURCE", "value", "meta-llama/Llama-3.1-8B-Instruct"),
                    Map.of("name", "FILL_TARGET", "value", "/models"),
                    Map.of("name", "HOME", "value", "/tmp"),
                    Map.of("name", "HF_HOME", "value", "/tmp/hf-home"),
                    Map.of("name", "HF_HUB_DISABLE_TELEMETRY", "value", "1"),
                    Map.of("name", "HF_TOKEN", "valueFrom", Map.of("secretKeyRef", Map.of("name", "hf-token", "key", "token")))),
                    fill.get("env"));
            assertEquals(List.of("sh", "-c", hf.script(false)), fill.get("command"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models"), TMP_MOUNT), Manifests.at(sts, CONTAINER + ".volumeMounts"));
        }

        @Test
        void aSharedReadWriteManyClaimIsFilledOnceAndMountedReadOnlyByTheServer() {
            ClaimTemplate shared = ClaimTemplate.builder().name("models").mountPath("/models").size("500Gi").shared(true)
                    .accessModes(AccessMode.READ_WRITE_MANY).storageClassName("efs").build();
            Map<String, Object> sts = sts(app().claimTemplates(shared).replicas(3)
                    .storage(StorageProps.builder().cacheFill(hf).build()));
            assertEquals(List.of(Map.of("name", "models", "persistentVolumeClaim", Map.of("claimName", "models-llm")), TMP),
                    Manifests.at(sts, POD + ".volumes"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models"), TMP_MOUNT),
                    Manifests.at(sts, POD + ".initContainers[0].volumeMounts"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models", "readOnly", true), TMP_MOUNT),
                    Manifests.at(sts, CONTAINER + ".volumeMounts"));
            assertEquals(List.of("sh", "-c", hf.script(true)), Manifests.at(sts, POD + ".initContainers[0].command"));
            assertTrue(hf.script(true).contains("until mkdir \"$lock\" 2>/dev/null; do"));
        }

        @Test
        void aFillFromAClaimMountsItReadOnly() {
            CacheFill fromClaim = CacheFill.fromClaim("models-golden").into("models").build();
            Map<String, Object> sts = sts(app().storage(StorageProps.builder().cacheFill(fromClaim).build()));
            assertEquals(List.of(TMP, Map.of("name", "fill-source", "persistentVolumeClaim", Map.of("claimName", "models-golden", "readOnly", true))),
                    Manifests.at(sts, POD + ".volumes"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models"),
                    Map.of("name", "fill-source", "mountPath", "/fill-source", "readOnly", true), TMP_MOUNT),
                    Manifests.at(sts, POD + ".initContainers[0].volumeMounts"));
            assertEquals("busybox:1.36.1", Manifests.at(sts, POD + ".initContainers[0].image"));
        }

        @Test
        void chownRunsBeforeTheFill() {
            Map<String, Object> sts = sts(app().storage(StorageProps.builder().cacheFill(hf).chownVolumes(true).build()));
            assertEquals("chown-volumes", Manifests.at(sts, POD + ".initContainers[0].name"));
            assertEquals("fill-models", Manifests.at(sts, POD + ".initContainers[1].name"));
        }

        @Test
        void theServerAloneGetsTheGpus() {
            Map<String, Object> sts = sts(app()
                    .container(ContainerProps.builder().resources(gpus(1, "32Gi")).build())
                    .storage(StorageProps.builder().cacheFill(hf).build()));
            assertFalse(((Map<?, ?>) Manifests.at(sts, POD + ".initContainers[0].resources.limits")).containsKey("nvidia.com/gpu"));
        }

        @Test
        void rejectsAnUnknownTemplate() {
            assertInvalid(ERR + "prop 'cacheFill.into' is 'cache'; allowed: the name of a claim template: [models]",
                    () -> build(app()
                            .storage(StorageProps.builder().cacheFill(CacheFill.fromS3("s3://models/llama/").into("cache").build()).build())));
        }

        @Test
        void rejectsABlockTemplate() {
            ClaimTemplate raw = ClaimTemplate.builder().name("models").mountPath("/dev/xvdf").size("1Gi").volumeMode(VolumeMode.BLOCK).build();
            assertInvalid(ERR + "prop 'cacheFill.into' is 'models'; allowed: a Filesystem claim template: a Block volume has no files to fill",
                    () -> build(app().claimTemplates(raw).storage(StorageProps.builder().cacheFill(hf).build())));
        }

        @Test
        void rejectsAReadOnlyManyTemplate() {
            ClaimTemplate rox = ClaimTemplate.builder().name("models").mountPath("/models").size("1Gi").shared(true)
                    .accessModes(AccessMode.READ_ONLY_MANY).build();
            assertInvalid(ERR + "prop 'cacheFill.into' is 'models'; allowed: a claim template the pods can write (ReadWriteMany, or "
                            + "ReadWriteOnce per replica), not ReadOnlyMany only; to share a read-only copy, fill a ReadWriteMany claim or "
                            + "clone one (cloneFromClaim)",
                    () -> build(app().claimTemplates(rox).replicas(2).storage(StorageProps.builder().cacheFill(hf).build())));
        }

        @Test
        void rejectsATemplateNamedLikeTheFillSource() {
            ClaimTemplate clash = ClaimTemplate.builder().name("fill-source").mountPath("/src").size("1Gi").build();
            assertInvalid(ERR + "prop 'claimTemplates' is 'fill-source'; allowed: no template named 'fill-source' with a cacheFill from a "
                            + "claim, which mounts its source under that name",
                    () -> build(app().claimTemplates(ClaimTemplate.builder().name("models").mountPath("/models").size("1Gi").build(), clash)
                            .storage(StorageProps.builder().cacheFill(CacheFill.fromClaim("golden").into("models").build()).build())));
        }
    }
}
