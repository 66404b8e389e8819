package dev.statefulai.apps.llminference;

import dev.statefulai.app.AppDefinition;
import dev.statefulai.app.values.LocalVolumeValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.app.values.Set;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.pod.AvailabilityProps;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.ModelProbes;
import dev.statefulai.constructs.pod.PodExtras;
import dev.statefulai.constructs.pod.PodManagementPolicy;
import dev.statefulai.constructs.pod.PortSpec;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.pod.ZoneSpread;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;

/**
 * An OpenAI-compatible LLM server (vLLM) on GPUs. Its weights come from one of three places ({@link ModelWeights}):
 * a bucket every replica mounts read-only (dev: S3 through Mountpoint), a volume hydrated once from a bucket and
 * restored read-only in every zone (staging: Hyperdisk ML on GKE), or a model cache per replica so that a restarted
 * pod does not download the weights again (prod). In production the cache sits on the GPU nodes' local NVMe
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
        ModelWeights weights = ModelWeights.define(chart, v);
        StatefulAIAppProps.Builder props = StatefulAIAppProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .image(v.image())
                .component("model-server")
                .partOf("ai-platform");
        ContainerProps.Builder container = ContainerProps.builder()
                .args(args(v, weights != null))
                .ports(List.of(PortSpec.of("http", PORT)))
                .modelProbes(probes(v));
        // Losing a zone should not take every server.
        SchedulingProps.Builder scheduling = SchedulingProps.builder().zoneSpread(ZoneSpread.PREFERRED);
        Set.ifGiven(v.replicas(), props::replicas);
        Set.ifGiven(v.sharedMemory(), container::sharedMemory);
        if (v.resources() != null) {
            container.resources(v.resources().toResources());
        }
        Set.ifGiven(v.gpuProduct(), scheduling::gpuProduct);
        List<SecretEnv> hfToken = v.hfTokenSecret() == null ? List.of() : List.of(new SecretEnv("HF_TOKEN", v.hfTokenSecret(), "token"));
        container.secretEnv(hfToken);
        // The weights' volume is read-only: HF_HOME only goes on the cache.
        Map<String, String> env = new java.util.TreeMap<>(weights != null ? Map.of() : Map.of("HF_HOME", CACHE_PATH + "/hf"));
        if (v.env() != null) {
            env.putAll(v.env());
        }
        container.env(env);
        StorageProps.Builder storage = StorageProps.builder();
        if (Boolean.TRUE.equals(v.prefill()) && weights == null) {
            // Only what vLLM loads: safetensors weights and their JSON index/config, not duplicate original/*.pth weights.
            storage.cacheFill(CacheFill.fromHuggingFace(model(v)).into(CACHE).include(List.of("*.safetensors", "*.json"))
                    .image(v.prefillImage() != null ? v.prefillImage() : v.image())
                    .secretEnv(hfToken)
                    .build());
        }
        if (v.storageClass() != null) {
            storage.storageClass(v.storageClass().toSpec(NAME + "-model-cache"));
        }
        PropSources.feeds(null, "persistentVolumes", v, "localVolumes");
        if (v.localVolumes() != null) {
            storage.persistentVolumes(v.localVolumes().stream().map(LocalVolumeValues::toVolume)
                    .map(PreProvisionedVolume.class::cast).toList());
        }
        Map<String, String> annotations = v.annotations() == null ? Map.of() : v.annotations();
        props.extras(PodExtras.none().withAnnotations(annotations));
        if (weights != null) {
            weights.applyTo(props, annotations);
        }
        new StatefulAIApp(chart, NAME, props
                .claimTemplates(weights != null ? weights.claimTemplate()
                        : PersistenceValues.claimTemplate(v.persistence(), CACHE, CACHE_PATH, "claimTemplates[0]").build())
                .container(container.build())
                .scheduling(scheduling.build())
                .storage(storage.build())
                // Replicas do not depend on each other: start them all at once.
                .availability(AvailabilityProps.builder().podManagementPolicy(PodManagementPolicy.PARALLEL).build())
                .build());
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

    private static List<String> args(LlmInferenceValues v, boolean fromWeightsVolume) {
        String model = model(v);
        List<String> args = new ArrayList<>(fromWeightsVolume ? ModelWeights.modelArgs(model) : List.of("--model", model));
        args.addAll(List.of("--port", String.valueOf(PORT)));
        if (!fromWeightsVolume) {
            args.addAll(List.of("--download-dir", CACHE_PATH));
        }
        if (v.resources() != null && v.resources().gpus() != null && v.resources().gpus() > 1) {
            args.addAll(List.of("--tensor-parallel-size", String.valueOf(v.resources().gpus())));
        }
        if (v.extraArgs() != null) {
            args.addAll(v.extraArgs());
        }
        return args;
    }
}
