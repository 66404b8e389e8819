package dev.statefulai.constructs.serving;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import java.util.ArrayList;
import java.util.List;

/**
 * vLLM's loading arguments for where its weights are, checked against the release in the image's tag
 * (see {@link VllmRelease}):
 * <ul>
 *   <li>{@link WeightSource.HuggingFace}: {@code --model <id> --download-dir <cacheDir>}: downloaded into the cache
 *       volume once, read from local disk after;</li>
 *   <li>{@link WeightSource.LocalPath}: {@code --model <path>}: memory-mapped, the fastest from a local disk;</li>
 *   <li>{@link WeightSource.Image}: {@code --model <mount path>}: memory-mapped too, since the node unpacks the image
 *       onto its own disk before the container starts;</li>
 *   <li>{@link WeightSource.SharedFileSystem}: {@code --model <path>} and, from v0.10.2,
 *       {@code --safetensors-load-strategy eager} (whole files in large reads instead of a network file system's
 *       slow random reads); on v0.6.6 to v0.10.1 {@code --load-format runai_streamer}, which reads a path with
 *       concurrent streams; older releases memory-map it;</li>
 *   <li>{@link WeightSource.Bucket}: {@code --model <uri> --load-format runai_streamer}: streamed from the bucket into
 *       GPU memory with the pod's identity (IRSA or Workload Identity on its service account), no volume at all;
 *       refused on a release without the streamer or, for {@code gs://}, before v0.11.1.</li>
 * </ul>
 */
public final class VllmLoading {
    private VllmLoading() {
    }

    /** The arguments that tell vLLM in image {@code image} to load {@code source}; refusals name {@code construct}. */
    public static List<String> args(String construct, String image, WeightSource source) {
        VllmRelease release = VllmRelease.ofImage(image).orElse(null);
        List<String> args = new ArrayList<>(List.of("--model", source.model()));
        if (source instanceof WeightSource.HuggingFace hf) {
            args.addAll(List.of("--download-dir", hf.cacheDir()));
        } else if (source instanceof WeightSource.SharedFileSystem && release != null && release.loadsEagerly()) {
            args.addAll(List.of("--safetensors-load-strategy", "eager"));
        } else if (source instanceof WeightSource.SharedFileSystem && release != null && release.streams()) {
            args.addAll(List.of("--load-format", "runai_streamer"));
        } else if (source instanceof WeightSource.Bucket bucket) {
            if (release == null || !release.streamsFrom(bucket.scheme())) {
                List<Integer> needed = bucket.scheme().equals("gs") ? VllmRelease.GCS_STREAMING : VllmRelease.RUNAI_STREAMER;
                Refusals.refuse(new InvalidPropsException(construct, "image", image, "a vLLM release that streams " + bucket.scheme()
                        + ":// weights (--load-format runai_streamer): " + new VllmRelease(needed) + " or newer, as a tag such as"
                        + " vllm/vllm-openai:v0.11.1; or load from a volume" + (release == null ? "" : " (" + release + " cannot)")));
            }
            args.addAll(List.of("--load-format", "runai_streamer"));
        }
        return args;
    }
}
