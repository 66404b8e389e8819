package dev.statefulai.constructs.presets;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each preset's facts (their sources are in ImagePresets' Javadoc), and the releases it refuses. */
class ImagePresetsTest {
    private static void check(ImagePreset preset, String image) {
        preset.check("StatefulAIApp 'app'", image);
    }

    @Test
    void everyPresetRunsAsUser1000WithItsHomeAndCachesOnScratchAndCitesItsSources() {
        for (ImagePreset p : ImagePresets.all()) {
            assertEquals(PodSecurity.of(1000, 1000), p.security(), p.name());
            assertFalse(p.sources().isEmpty(), p.name());
            assertTrue(p.sources().stream().allMatch(s -> s.startsWith("https://github.com/")), p.name());
            String home = p.env().get("HOME");
            if (home != null) {
                assertTrue(p.scratch().stream().anyMatch(v -> v.mountPath().equals(home)), p.name() + ": HOME is on scratch");
            }
            assertTrue(p.scratch().stream().allMatch(v -> v.medium() == ScratchVolume.Medium.NODE_DISK), p.name());
        }
    }

    @Test
    void vllmKeepsItsCachesInAWritableHomeAndTheHuggingFaceCacheOnTheModelVolume() {
        ImagePreset vllm = ImagePresets.vllm("/models");
        assertEquals(Map.of("HOME", "/home/vllm", "HF_HOME", "/models/hf"), vllm.env());
        assertEquals(List.of(ScratchVolume.emptyDir("home", "/home/vllm", "10Gi"), ScratchVolume.emptyDir("tmp", "/tmp", "2Gi")), vllm.scratch());
    }

    @Test
    void tgiListensOnAnUnprivilegedPortAndOllamaKeepsModelsOnTheVolume() {
        assertEquals(Map.of("HF_HOME", "/data", "PORT", "8080", "HOME", "/home/tgi"), ImagePresets.tgi("/data").env());
        assertEquals(Map.of("OLLAMA_MODELS", "/models", "HOME", "/home/ollama"), ImagePresets.ollama("/models").env());
        assertEquals(Map.of("PERSISTENCE_DATA_PATH", "/var/lib/weaviate"), ImagePresets.weaviate("/var/lib/weaviate").env());
        assertEquals(Map.of("HOME", "/home/triton-server"), ImagePresets.triton().env());
        assertEquals(Map.of("QDRANT_INIT_FILE_PATH", "/qdrant/init/.qdrant-initialized"), ImagePresets.qdrant().env());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vllm/vllm-openai:v0.8.0", "vllm/vllm-openai:v0.8.1", "docker.io/vllm/vllm-openai:v0.4.2"})
    void refusesVllmReleasesThatNeedRoot(String image) {
        String e = assertThrows(InvalidPropsException.class,
                () -> check(ImagePresets.vllm("/models"), image)).getMessage();
        assertTrue(e.startsWith("StatefulAIApp 'app': prop 'image' is '" + image + "'; allowed: a release other than v0."), e);
    }

    @Test
    void acceptsOtherVllmReleasesAndImagesOfOtherRepositories() {
        for (String image : List.of("vllm/vllm-openai:v0.6.3", "vllm/vllm-openai:v0.8.2", "vllm/vllm-openai:v0.11.1",
                "vllm/vllm-openai:latest", "registry.example.com/ml/vllm-openai:v0.8.1")) {
            check(ImagePresets.vllm("/models"), image);
        }
    }

    @Test
    void refusesTgiFrom311WhosePythonIsUnderRoot() {
        check(ImagePresets.tgi("/data"), "ghcr.io/huggingface/text-generation-inference:3.1.0");
        assertInvalid("StatefulAIApp 'app': prop 'image' is 'ghcr.io/huggingface/text-generation-inference:3.3.6'; allowed: a release up"
                        + " to 3.1.0, or an image built with UV_PYTHON_INSTALL_DIR outside /root: from 3.1.1 the image keeps Python under"
                        + " /root/.local/share/uv, which no other user can read (huggingface/text-generation-inference#3082)",
                () -> check(ImagePresets.tgi("/data"), "ghcr.io/huggingface/text-generation-inference:3.3.6"));
    }

    @Test
    void refusesQdrantTagsThatRunAsRoot() {
        check(ImagePresets.qdrant(), "qdrant/qdrant:v1.12.4-unprivileged");
        assertInvalid("StatefulAIApp 'app': prop 'image' is 'qdrant/qdrant:v1.12.4'; allowed: the -unprivileged tag of the release"
                        + " (e.g. qdrant/qdrant:v1.12.4-unprivileged), whose user 1000 owns /qdrant; the plain tags run as root",
                () -> check(ImagePresets.qdrant(), "qdrant/qdrant:v1.12.4"));
    }

    @Test
    void aPresetInAnAppSetsUserEnvAndScratchAndTheAppsOwnWin() {
        Map<String, Object> sts = Manifests.synth(chart -> new StatefulAIApp(chart, "app", StatefulAIAppProps.builder()
                .name("vector-db").image("qdrant/qdrant:v1.12.4-unprivileged").preset(ImagePresets.qdrant())
                .claimTemplates(ClaimTemplate.of("data", "/qdrant/storage", "10Gi"), ClaimTemplate.of("snapshots", "/qdrant/snapshots", "10Gi"))
                .build())).one("StatefulSet");
        assertEquals(1000, Manifests.at(sts, "spec.template.spec.securityContext.runAsUser"));
        assertEquals(List.of(Map.of("name", "QDRANT_INIT_FILE_PATH", "value", "/qdrant/init/.qdrant-initialized")),
                Manifests.at(sts, "spec.template.spec.containers[0].env"));
        // the snapshots claim replaces the preset's snapshots scratch
        assertEquals(List.of(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi")),
                Map.of("name", "init", "emptyDir", Map.of("sizeLimit", "16Mi"))), Manifests.at(sts, "spec.template.spec.volumes"));
        assertEquals("1040Mi", Manifests.at(sts, "spec.template.spec.containers[0].resources.requests.ephemeral-storage"));
    }
}
