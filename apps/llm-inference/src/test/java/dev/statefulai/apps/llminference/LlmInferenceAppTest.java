package dev.statefulai.apps.llminference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.synth.testing.AppSnapshotTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmInferenceAppTest extends AppSnapshotTest {

    @Override
    protected String appName() {
        return LlmInferenceApp.NAME;
    }

    @Test
    void prodKeepsTheModelCacheOnLocalNvmeOfEachGpuNode() {
        String yaml = synth("prod").yaml();
        assertTrue(yaml.contains("provisioner: kubernetes.io/no-provisioner"));
        assertTrue(yaml.contains("volumeBindingMode: WaitForFirstConsumer"));
        for (int node = 1; node <= 4; node++) {
            assertTrue(yaml.contains("- gpu-node-" + node + "\n"), "a local PV pinned to gpu-node-" + node);
        }
        assertTrue(yaml.contains("storageClassName: llm-local-nvme"));
    }

    @Test
    void prodSplitsTheModelOverItsTwoGpusAndSizesSharedMemory() {
        String yaml = synth("prod").yaml();
        assertTrue(yaml.contains("- --tensor-parallel-size\n            - \"2\""));
        assertTrue(yaml.contains("nvidia.com/gpu: \"2\""));
        assertTrue(yaml.contains("medium: Memory\n            sizeLimit: 32Gi"));
    }

    @Test
    void startupProbeWaitsForTheConfiguredModelLoadTime() {
        // prod allows 2400 s at a 10 s period.
        assertTrue(synth("prod").yaml().contains("startupProbe:\n            failureThreshold: 240"));
        assertTrue(synth("dev").yaml().contains("startupProbe:\n            failureThreshold: 120"));
    }

    @Test
    void devUsesThrowAwayEbsAndNoLocalVolumes() {
        String yaml = synth("dev").yaml();
        assertTrue(yaml.contains("reclaimPolicy: Delete"));
        assertFalse(yaml.contains("kind: PersistentVolume\n"));
        assertFalse(yaml.contains("kind: PodDisruptionBudget"), "one replica gets no budget");
    }

    @Test
    void outputsNameEveryReplicaClaim() {
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) synth("prod").outputs().get(LlmInferenceApp.NAME);
        assertEquals(Map.of("model-cache", List.of("model-cache-llm-inference-0", "model-cache-llm-inference-1",
                "model-cache-llm-inference-2", "model-cache-llm-inference-3")), outputs.get("claims"));
    }
}
