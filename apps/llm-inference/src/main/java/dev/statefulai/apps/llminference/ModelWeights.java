package dev.statefulai.apps.llminference;

import dev.statefulai.app.values.PropSources;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.hydrate.HydratedVolume;
import dev.statefulai.constructs.objectstore.ModelBucket;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;

/**
 * Where the server reads its weights when they are not in a cache of each replica's own: a bucket mounted
 * read-only by every replica ({@code bucket}: Mountpoint for Amazon S3, Cloud Storage FUSE, blobfuse), or a
 * volume hydrated once from that bucket and served read-only in every zone ({@code hydrate}: a fill Job, a
 * snapshot, a ReadOnlyMany claim). Either way the weights are plain files at {@link #PATH}, which vLLM loads
 * with {@code --model <path>} and serves under the model's name ({@code --served-model-name}, EngineArgs
 * {@code served_model_name} in vllm/engine/arg_utils.py).
 */
final class ModelWeights {
    /** Where the replicas mount the weights. */
    static final String PATH = "/models";
    /** The claim the replicas mount. */
    static final String CLAIM = "model-weights";
    /** The bucket claim a fill Job copies from. */
    private static final String SOURCE = "model-bucket";

    private final ClaimTemplate claimTemplate;
    private final ModelBucket bucket;

    private ModelWeights(ClaimTemplate claimTemplate, ModelBucket bucket) {
        this.claimTemplate = claimTemplate;
        this.bucket = bucket;
    }

    /** The weights' volume of {@code v} in {@code chart}, or {@code null} when each replica's cache holds them. */
    static ModelWeights define(Chart chart, LlmInferenceValues v) {
        if (v.bucket() == null && v.hydrate() == null) {
            return null;
        }
        refuseBeside(v, "prefill", Boolean.TRUE.equals(v.prefill()) ? true : null);
        refuseBeside(v, "persistence", v.persistence());
        refuseBeside(v, "localVolumes", v.localVolumes());
        refuseBeside(v, "weights", v.weights());
        if (v.hydrate() == null) {
            ModelBucket served = new ModelBucket(chart, CLAIM, v.bucket().toProps(CLAIM).namespace(v.namespace()).partOf("ai-platform").build());
            return new ModelWeights(served.servingClaimTemplate(PATH), served);
        }
        if (v.bucket() == null) {
            PropSources.feeds(LlmInferenceApp.NAME, "bucket", v, "hydrate");
            Refusals.refuse(new InvalidPropsException(LlmInferenceApp.NAME, "bucket", null,
                    "the bucket the fill Job copies the weights from, with hydrate"));
            return null;
        }
        ModelBucket source = new ModelBucket(chart, SOURCE, v.bucket().toProps(SOURCE).namespace(v.namespace()).partOf("ai-platform").build());
        HydratedVolume hydrated = new HydratedVolume(chart, CLAIM, v.hydrate().toProps(CLAIM, CacheFill.fromClaim(source.claimName())
                        .into(CLAIM).build())
                .namespace(v.namespace()).partOf("ai-platform")
                .serviceAccountName(source.serviceAccountName())
                .extras(source.podExtras())
                .build());
        return new ModelWeights(hydrated.servingClaimTemplate(PATH), null);
    }

    /** A key that describes the per-replica cache, refused beside a bucket or hydrated volume. */
    private static void refuseBeside(LlmInferenceValues v, String key, Object value) {
        if (value != null) {
            PropSources.feeds(LlmInferenceApp.NAME, key, v, key);
            Refusals.refuse(new InvalidPropsException(LlmInferenceApp.NAME, key, value instanceof Boolean ? value : "a value",
                    "none with bucket or hydrate, which hold the weights read-only at " + PATH + " (unset it with " + key + ": null)"));
        }
    }

    /** The claim every replica mounts read-only. */
    ClaimTemplate claimTemplate() {
        return claimTemplate;
    }

    /** What the served bucket asks of the pods: its ServiceAccount (their identity), annotations and cache volume. */
    void applyTo(StatefulAIAppProps.Builder props, Map<String, String> annotations) {
        if (bucket != null) {
            props.serviceAccountName(bucket.serviceAccountName()).extras(bucket.podExtras().withAnnotations(annotations));
        }
    }

    /** The claims that hold no data of their own, each with why: the bucket is the weights' copy; a lost volume is filled again. */
    Map<String, String> caches(String model) {
        String weights = "model weights of " + model;
        if (bucket != null) {
            return Map.of(CLAIM, weights + ", read-only from their bucket");
        }
        return Map.of(CLAIM, weights + ", restored again from the fill's snapshot or hydrated again from their bucket",
                CLAIM + "-fill", weights + ", copied again from their bucket by the fill Job",
                SOURCE, "the bucket the fill Job copies the " + weights + " from, read-only");
    }
}
