package dev.statefulai.apps.llminference;

import dev.statefulai.app.NamedApp;
import dev.statefulai.app.values.DataProtection;
import dev.statefulai.app.values.LocalVolumeValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PodValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.app.values.Set;
import dev.statefulai.app.values.WeightsValues;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.imagevolume.ImageVolume;
import dev.statefulai.constructs.pod.AvailabilityProps;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.ModelProbes;
import dev.statefulai.constructs.pod.PodExtras;
import dev.statefulai.constructs.pod.PodManagementPolicy;
import dev.statefulai.constructs.pod.PortSpec;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.pod.ZoneSpread;
import dev.statefulai.constructs.presets.ImagePresets;
import dev.statefulai.constructs.serving.VllmLoading;
import dev.statefulai.constructs.serving.WeightSource;
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
 * holds the model), so the startup probe only waits for a load from disk, sized from the model size. None of
 * these is backed up: each holds nothing the model's source does not, and says so for the gate and the reader.
 * The vLLM image preset runs it as user 1000 with a read-only root file system; where the weights come
 * from decides vLLM's loading options, checked against the release in the image tag.
 */
public final class LlmInferenceApp extends NamedApp<LlmInferenceValues> {
    static final String NAME = "llm-inference";
    private static final int PORT = 8000;
    private static final String CACHE_PATH = "/models";
    private static final String CACHE = "model-cache";
    /** vLLM's home on scratch; with read-only mounted weights the Hugging Face hub's own files go under it. */
    private static final String VLLM_HOME = "/home/vllm";
    /** Where weights delivered as an image ({@code weights.from: image}) are mounted, read-only. */
    static final String IMAGE_PATH = "/weights";

    public LlmInferenceApp() {
        super(NAME, LlmInferenceValues.class);
    }

    @Override
    public void define(Chart chart, LlmInferenceValues v, String environment) {
        // A bucket or hydrated volume every replica mounts read-only, or null: each replica's own cache.
        ModelWeights mounted = ModelWeights.define(chart, v);
        StatefulAIAppProps.Builder props = StatefulAIAppProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .image(v.image())
                .preset(ImagePresets.vllm(mounted != null ? VLLM_HOME : CACHE_PATH))
                .component("model-server")
                .partOf("ai-platform");
        ContainerProps.Builder container = ContainerProps.builder()
                .args(args(v, mounted))
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
        // HOME and HF_HOME (under the cache) come from the vLLM preset.
        Set.ifGiven(v.env(), container::env);
        PodValues.applyTo(v.pod(), container, scheduling);
        StorageProps.Builder storage = StorageProps.builder();
        if (weights(v, mounted) instanceof WeightSource.Image image) {
            // Refusals of the image volume name the key weights.reference.
            PropSources.feeds(null, "imageVolumes[0]", v.weights(), "reference");
            storage.imageVolumes(ImageVolume.builder().name("model-image").reference(image.reference()).pullPolicy(image.pullPolicy())
                    .mountPath(IMAGE_PATH).build());
        }
        // Beside mounted weights ModelWeights refuses the prefill already.
        if (Boolean.TRUE.equals(v.prefill()) && mounted == null) {
            if (!(weights(v, mounted) instanceof WeightSource.HuggingFace)) {
                PropSources.feeds(null, "prefill", v, "prefill");
                throw new InvalidPropsException(NAME, "prefill", true,
                        "false unless the weights come from Hugging Face (weights.from: huggingFace): the server reads them where they are");
            }
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
        if (mounted != null) {
            mounted.applyTo(props, annotations);
        }
        new StatefulAIApp(chart, NAME, props
                .claimTemplates(mounted != null ? mounted.claimTemplate()
                        : PersistenceValues.claimTemplate(v.persistence(), CACHE, CACHE_PATH, "claimTemplates[0]").build())
                .container(container.build())
                .scheduling(scheduling.build())
                .storage(storage.build())
                // Replicas do not depend on each other: start them all at once.
                .availability(AvailabilityProps.builder().podManagementPolicy(PodManagementPolicy.PARALLEL).build())
                .build());
        DataProtection.apply(chart, new DataProtection.App(NAME, environment, mounted != null ? mounted.caches(model(v))
                : Map.of(CACHE, cacheReason(v)), null), v.backup(), null, v.gitOps());
    }

    /** Why the model cache needs no backup: where its weights come from again. */
    private static String cacheReason(LlmInferenceValues v) {
        return "model weights of " + model(v) + ", downloaded again from Hugging Face"
                + (Boolean.TRUE.equals(v.prefill()) ? " by init container fill-" + CACHE : " by vLLM") + " when the volume is lost";
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

    /**
     * Where the weights come from: the mounted bucket or hydrated volume (plain files vLLM reads as a shared file system),
     * else {@code weights} when given, else {@code model} from Hugging Face into the cache.
     */
    private static WeightSource weights(LlmInferenceValues v, ModelWeights mounted) {
        if (mounted != null) {
            return new WeightSource.SharedFileSystem(ModelWeights.PATH);
        }
        if (v.weights() == null) {
            return new WeightSource.HuggingFace(model(v), CACHE_PATH);
        }
        PropSources.feeds("WeightSource", "", v.weights(), null);
        return v.weights().toSource(model(v), CACHE_PATH, IMAGE_PATH);
    }

    private static List<String> args(LlmInferenceValues v, ModelWeights mounted) {
        PropSources.feeds(NAME, "image", v, "image");
        List<String> args = new ArrayList<>(VllmLoading.args(NAME, v.image(), weights(v, mounted)));
        if (mounted != null || v.weights() != null && v.weights().from() == WeightsValues.From.IMAGE) {
            // Served under the model's name, not the mount path (EngineArgs served_model_name in vllm/engine/arg_utils.py).
            args.addAll(List.of("--served-model-name", model(v)));
        }
        args.addAll(List.of("--port", String.valueOf(PORT)));
        if (v.resources() != null && v.resources().gpus() != null && v.resources().gpus() > 1) {
            args.addAll(List.of("--tensor-parallel-size", String.valueOf(v.resources().gpus())));
        }
        if (v.extraArgs() != null) {
            args.addAll(v.extraArgs());
        }
        return args;
    }
}
