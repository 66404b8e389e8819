package dev.statefulai.apps.llminference;

import dev.statefulai.constructs.CacheFill;
import dev.statefulai.constructs.ClaimTemplate;
import dev.statefulai.constructs.ModelProbes;
import dev.statefulai.constructs.PodManagementPolicy;
import dev.statefulai.constructs.PortSpec;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.StatefulAIApp;
import dev.statefulai.constructs.StatefulAIAppProps;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.ZoneSpread;
import dev.statefulai.app.AppDefinition;
import dev.statefulai.app.values.LocalVolumeValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.app.values.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;

/**
 * An OpenAI-compatible LLM server (vLLM) on GPUs, with a model cache per replica so that a restarted
 * pod does not download the weights again. In production the cache sits on the GPU nodes' local NVMe
 * disks: pre-provisioned local volumes with node affinity, a no-provisioner class, WaitForFirstConsumer.
 * An init container fills the cache from Hugging Face before the server starts (skipped when it already
 * holds the model), so the startup probe only waits for a load from disk, sized from the model size.
 */
public final class LlmInferenceApp implements AppDefinition<LlmInferenceValues> {
    static final String NAME = "llm-inference";
    private static final int PORT = 8000;
    private static final String CACHE_PATH = "/models";
    private static final String CACHE = "model-cache";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LlmInferenceValues> valuesType() {
        return LlmInferenceValues.class;
    }

    @Override
    public void define(Chart chart, LlmInferenceValues v, String environment) {
        ClaimTemplate.Builder cacheClaim = PersistenceValues.claimTemplate(v.persistence(), CACHE, CACHE_PATH, "claimTemplates[0]");
        StatefulAIAppProps.Builder props = StatefulAIAppProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .image(v.image())
                .component("model-server")
                .partOf("ai-platform")
                .args(args(v))
                .ports(List.of(PortSpec.of("http", PORT)))
                // Replicas do not depend on each other: start them all at once.
                .podManagementPolicy(PodManagementPolicy.PARALLEL)
                // Losing a zone should not take every server.
                .zoneSpread(ZoneSpread.PREFERRED)
                .modelProbes(probes(v));
        Set.ifGiven(v.replicas(), props::replicas);
        Set.ifGiven(v.sharedMemory(), props::sharedMemory);
        if (v.resources() != null) {
            props.resources(v.resources().toResources());
        }
        Set.ifGiven(v.gpuProduct(), props::gpuProduct);
        List<SecretEnv> hfToken = v.hfTokenSecret() == null ? List.of() : List.of(new SecretEnv("HF_TOKEN", v.hfTokenSecret(), "token"));
        props.secretEnv(hfToken);
        Map<String, String> env = new java.util.TreeMap<>(Map.of("HF_HOME", CACHE_PATH + "/hf"));
        if (v.env() != null) {
            env.putAll(v.env());
        }
        props.env(env);
        if (Boolean.TRUE.equals(v.prefill())) {
            // Only what vLLM loads: safetensors weights and their JSON index/config, not duplicate original/*.pth weights.
            props.cacheFill(CacheFill.fromHuggingFace(model(v)).into(CACHE).include(List.of("*.safetensors", "*.json"))
                    .image(v.prefillImage() != null ? v.prefillImage() : v.image())
                    .secretEnv(hfToken)
                    .build());
        }
        if (v.storageClass() != null) {
            props.storageClass(v.storageClass().toSpec(NAME + "-model-cache"));
        }
        PropSources.feeds(null, "persistentVolumes", v, "localVolumes");
        if (v.localVolumes() != null) {
            props.persistentVolumes(v.localVolumes().stream().map(LocalVolumeValues::toVolume)
                    .map(dev.statefulai.constructs.storage.PreProvisionedVolume.class::cast).toList());
        }
        props.claimTemplates(cacheClaim.build());
        new StatefulAIApp(chart, NAME, props.build());
    }

    /** The startup budget: {@code startupTimeoutSeconds} when given, else derived from {@code modelSize} (and the prefill). */
    private static ModelProbes probes(LlmInferenceValues v) {
        ModelProbes probes = ModelProbes.http("/health", PORT);
        if (v.startupTimeoutSeconds() != null) {
            probes.startupBudgetSeconds(v.startupTimeoutSeconds());
        } else if (v.modelSize() != null) {
            probes.modelSize(v.modelSize());
        }
        return probes;
    }

    private static String model(LlmInferenceValues v) {
        return Validate.required(NAME, "model", v.model(), "a Hugging Face model id such as meta-llama/Llama-3.1-8B-Instruct");
    }

    private static List<String> args(LlmInferenceValues v) {
        String model = model(v);
        List<String> args = new ArrayList<>(List.of("--model", model,
                "--port", String.valueOf(PORT), "--download-dir", CACHE_PATH));
        if (v.resources() != null && v.resources().gpus() != null && v.resources().gpus() > 1) {
            args.addAll(List.of("--tensor-parallel-size", String.valueOf(v.resources().gpus())));
        }
        if (v.extraArgs() != null) {
            args.addAll(v.extraArgs());
        }
        return args;
    }
}
