package dev.statefulai.apps.llminference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.AppSynthesizer;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.engine.testing.AppSnapshotTest;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LlmInferenceAppTest extends AppSnapshotTest {

    @Test
    void prodKeepsTheModelCacheOnLocalNvmeOfEachGpuNode() {
        String yaml = synth("prod").yaml();
        assertContains(yaml, "provisioner: kubernetes.io/no-provisioner", "volumeBindingMode: WaitForFirstConsumer",
                "storageClassName: llm-local-nvme");
        for (int node = 1; node <= 4; node++) {
            assertTrue(yaml.contains("- gpu-node-" + node + "\n"), "a local PV pinned to gpu-node-" + node);
        }
    }

    @Test
    void prodSplitsTheModelOverItsTwoGpusAndSizesSharedMemory() {
        // The default for two GPUs: half of 128Gi, at most 16Gi.
        assertContains(synth("prod").yaml(), "- --tensor-parallel-size\n            - \"2\"", "nvidia.com/gpu: \"2\"",
                "medium: Memory\n            sizeLimit: 16Gi");
        assertFalse(synth("dev").yaml().contains("/dev/shm"), "one GPU: no /dev/shm of its own");
    }

    @Test
    void startupProbeWaitsForTheModelLoadDerivedFromItsSize() {
        // prod's prefill downloads first: 300 s + 40 GiB at 100 MiB/s = 710 s. dev streams 16 GiB from its bucket while it loads,
        // without a prefill: 300 s + 16 GiB at 25 MiB/s = 956 s. At a 10 s period.
        assertTrue(synth("prod").yaml().contains("startupProbe:\n            failureThreshold: 71"));
        assertTrue(synth("dev").yaml().contains("startupProbe:\n            failureThreshold: 96"));
    }

    @Test
    void anInitContainerFillsTheModelCacheFromHuggingFaceWithTheTokenFromItsSecret() {
        String yaml = synth("prod").yaml();
        assertContains(yaml, "initContainers:\n", "name: fill-model-cache",
                "value: hf:hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4@main *.safetensors *.json\n");
        assertEquals(2, yaml.split("- name: HF_TOKEN\n              valueFrom:\n                secretKeyRef:\n"
                + "                  key: token\n                  name: hf-token\n").length - 1, "the server and the fill read the token");
        assertEquals(2, yaml.split("image: vllm/vllm-openai:v0.6.3").length - 1, "the fill reuses the server's image");
    }

    @Test
    void replicasPreferToSpreadOverZones() {
        assertTrue(synth("prod").yaml().contains("topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: ScheduleAnyway"));
        assertFalse(synth("dev").yaml().contains("topologySpreadConstraints"), "one replica needs no spreading");
    }

    @Test
    void devReadsTheWeightsStraightFromS3ReadOnlyWithItsOwnIamRole() {
        String yaml = synth("dev").yaml();
        assertContains(yaml, "driver: s3.csi.aws.com", "authenticationSource: pod", "cacheEmptyDirSizeLimit: 20Gi",
                "- prefix meta-llama/Llama-3.1-8B-Instruct/\n", "- metadata-ttl indefinite\n",
                "eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/llm-dev-model-reader",
                "serviceAccountName: model-weights", "- --model\n            - /models\n            - --served-model-name\n",
                "claimName: model-weights\n            readOnly: true");
        assertFalse(yaml.contains("volumeClaimTemplates"), "no cache of its own");
        assertFalse(yaml.contains("kind: StorageClass"), "a bucket has no class");
        assertFalse(yaml.contains("kind: PodDisruptionBudget"), "one replica gets no budget");
        // The weights' volume is read-only: the hub's own files go to the preset's home on scratch.
        assertContains(yaml, "- name: HF_HOME\n              value: /home/vllm/hf\n");
        assertFalse(yaml.contains("value: /models/hf"), "the weights' volume is read-only");
    }

    @Test
    void stagingHydratesHyperdiskMlOnceFromGcsAndServesItReadOnlyInEveryZone() {
        String yaml = synth("staging").yaml();
        assertContains(yaml, "driver: gcsfuse.csi.storage.gke.io", "gke-gcsfuse/volumes: \"true\"", "gke-gcsfuse/memory-limit: 2Gi",
                "iam.gke.io/gcp-service-account: llm-staging-models@acme-ml.iam.gserviceaccount.com",
                "kind: Job\n", "name: model-weights-fill\n", "kind: VolumeSnapshot\n",
                "enable-multi-zone-provisioning: \"true\"", "provisioned-throughput-on-create: 2400Mi", "type: hyperdisk-ml",
                "dataSource:\n    apiGroup: snapshot.storage.k8s.io\n    kind: VolumeSnapshot\n    name: model-weights-snapshot\n");
        assertContains(yaml, "accessModes:\n    - ReadOnlyMany\n  dataSource:");
        assertEquals(Map.of("kind", "HydratedVolume", "namespace", "llm-staging", "stage", "SERVE",
                "storageClasses", List.of("llm-staging-weights-fill", "llm-staging-weights"),
                "claims", List.of("model-weights-fill", "model-weights"), "fillJob", "model-weights-fill", "snapshot", "model-weights-snapshot"),
                synth("staging").outputs().get("model-weights"));
    }

    @Test
    void aPrefillBesideABucketIsRefusedAtItsKey() {
        ValuesException e = refusal("dev", Map.of("prefill", "true"));
        assertEquals("apps/llm-inference (dev): llm-inference: prop 'prefill' is true; allowed: none with bucket or hydrate, which hold"
                + " the weights read-only at /models (unset it with prefill: null) [set by --set llmInference.prefill=true (prefill)]",
                e.getMessage());
    }

    /** prod's values with its weights delivered as an image (no prefill: nothing to download). */
    private static final Map<String, String> WEIGHTS_IMAGE = Map.of("weights.from", "image",
            "weights.reference", "registry.example.com/models/llama-3.1-70b-awq:v1", "prefill", "false");

    // tasks/configure-pod-container/image-volumes.md; feature-gates/ImageVolume.md: beta 1.33, off by default
    @Test
    void weightsFromAnImageAreMountedReadOnlyAndLoadedFromTheMountOnAClusterWithTheGate() {
        for (AppSynthesizer.Renderer renderer : AppSynthesizer.Renderer.values()) {
            String yaml = AppSynthesizer.synth(app(), "prod", WEIGHTS_IMAGE,
                    new ClusterTarget(KubernetesVersion.of(33), Set.of(FeatureGate.IMAGE_VOLUME)), renderer).yaml();
            assertContains(yaml, "- --model\n            - /weights\n            - --served-model-name\n            - hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4\n",
                    "- mountPath: /weights\n              name: model-image\n              readOnly: true\n",
                    "- image:\n            pullPolicy: Always\n            reference: registry.example.com/models/llama-3.1-70b-awq:v1\n          name: model-image\n");
        }
    }

    @Test
    void weightsFromAnImageAreRefusedAtTheirKeyOnAClusterWithoutTheGate() {
        ValuesException e = refusal("prod", WEIGHTS_IMAGE);
        assertEquals("apps/llm-inference (prod): StatefulAIApp 'llm-inference': prop 'imageVolumes[0]' is 'registry.example.com/models/"
                + "llama-3.1-70b-awq:v1'; allowed: nothing while the target lacks the feature gate ImageVolume: Kubernetes 1.30 has no ImageVolume"
                + " (alpha from 1.31 (off by default), beta from 1.33 (off by default), beta from 1.35 (on by default), ga from 1.36)"
                + " [set by --set llmInference.weights.reference=registry.example.com/models/llama-3.1-70b-awq:v1 (weights.reference)]",
                e.getMessage());
        ValuesException policy = refusal("prod", Map.of("weights.from", "localPath",
                "weights.path", "/models/llama", "weights.pullPolicy", "Always", "prefill", "false"));
        assertTrue(policy.getMessage().contains("prop 'pullPolicy' is 'Always'; allowed: none for from: localPath"), policy.getMessage());
    }

    @Test
    void outputsNameEveryReplicaClaim() {
        assertEquals(Map.of("model-cache", List.of("model-cache-llm-inference-0", "model-cache-llm-inference-1",
                "model-cache-llm-inference-2", "model-cache-llm-inference-3")), outputs("prod").get("claims"));
    }

    @Test
    void aTokenInPlainEnvIsRefusedWithoutShowingIt() {
        ValuesException e = refusal("prod", Map.of("env.HF_TOKEN", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"));
        assertEquals("apps/llm-inference (prod): StatefulAIApp 'llm-inference': prop 'env['HF_TOKEN']' is '(value not shown)'; "
                + "allowed: no credential in a plain variable (its value looks like a Hugging Face token): pass credentials with secretEnv "
                + "(Secret references), which keep them out of the manifest [set by --set llmInference.env.HF_TOKEN (env.HF_TOKEN)]",
                e.getMessage());
    }

    @Test
    void theTokenAsAPlainVariableBesideItsSecretIsRefused() {
        // hfTokenSecret already gives HF_TOKEN from a Secret: a second HF_TOKEN would make server-side apply refuse the StatefulSet.
        ValuesException e = refusal("prod", Map.of("env.HF_TOKEN", ""));
        assertEquals("apps/llm-inference (prod): StatefulAIApp 'llm-inference': prop 'env['HF_TOKEN']' is 'HF_TOKEN'; allowed: a name "
                + "no other variable of container 'llm-inference' has (secretEnv[0] sets HF_TOKEN too): env is a list keyed by name, "
                + "and server-side apply refuses two entries of one name [set by --set llmInference.env.HF_TOKEN= (env.HF_TOKEN)]",
                e.getMessage());
    }

    @Test
    void theWeightsAreNeverBackedUpAndSayWhyInEveryEnvironment() {
        for (String env : List.of("dev", "staging", "prod")) {
            assertFalse(synth(env).yaml().contains("kind: Schedule"), env);
        }
        assertContains(synth("prod").yaml(), "    cache.ai-storage.dev/model-cache: \"model weights of ", ", downloaded again from Hugging Face by init"
                + " container fill-model-cache when the volume is lost\"\n");
        assertContains(synth("dev").yaml(), "    cache.ai-storage.dev/model-weights: \"model weights of meta-llama/Llama-3.1-8B-Instruct,"
                + " read-only from their bucket\"\n");
        assertContains(synth("staging").yaml(), "    cache.ai-storage.dev/model-weights-fill: \"model weights of ",
                ", copied again from their bucket by the fill Job\"\n", "    cache.ai-storage.dev/model-bucket: \"the bucket the fill Job copies");
    }

    @Test
    void prodsLocalCacheVolumesAreKeptFromGitOpsPrunes() {
        assertContains(synth("prod").yaml(), "kind: PersistentVolume\nmetadata:\n  annotations:\n"
                + "    argocd.argoproj.io/sync-options: \"Prune=false,Delete=false\"\n    kustomize.toolkit.fluxcd.io/prune: disabled\n");
    }
}
