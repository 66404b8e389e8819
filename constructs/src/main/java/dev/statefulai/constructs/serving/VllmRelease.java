package dev.statefulai.constructs.serving;

import dev.statefulai.facts.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * What a vLLM release's server accepts, for the load options the storage decides, each from the
 * engine's own documentation of that release:
 * <ul>
 *   <li>{@code --download-dir}: every release the project knows (engine arguments, v0.4.2 onwards);</li>
 *   <li>{@code --load-format runai_streamer}: from v0.6.6 (absent from v0.6.3.post1's engine arguments, listed in
 *       v0.6.6.post1's; "Loading Models with Run:ai Model Streamer", docs v0.6.6), which reads safetensors with
 *       concurrent streams from a path or, with {@code s3://}, from S3; {@code gs://} with Cloud Storage
 *       credentials from v0.11.1 (GKE's "Accelerate model loading with Run:ai Model Streamer");</li>
 *   <li>{@code --safetensors-load-strategy eager}: from v0.10.2 (release notes, vllm-project/vllm#24469), which
 *       reads each file whole instead of memory-mapping it, "recommended for models on network filesystems
 *       (e.g., Lustre, NFS)" ({@code LoadConfig.safetensors_load_strategy}, vllm/config/load.py).</li>
 * </ul>
 * The {@code vllm/vllm-openai} image installs the streamer ({@code runai-model-streamer[s3]}, docker/Dockerfile, stage
 * {@code vllm-openai-base}); another image needs {@code vllm[runai]}.
 *
 * @param version the release numbers, e.g. [0, 6, 3]
 */
public record VllmRelease(List<Integer> version) {
    static final List<Integer> RUNAI_STREAMER = List.of(0, 6, 6);
    static final List<Integer> GCS_STREAMING = List.of(0, 11, 1);
    static final List<Integer> EAGER_LOAD_STRATEGY = List.of(0, 10, 2);

    /** The release an image's tag names, e.g. {@code vllm/vllm-openai:v0.6.3}; empty when the tag is no release. */
    public static Optional<VllmRelease> ofImage(String image) {
        return ImageReference.parse(image).version().map(VllmRelease::new);
    }

    /** Whether this release is {@code release} or newer. */
    public boolean atLeast(List<Integer> release) {
        return ImageReference.compareVersions(version, release) >= 0;
    }

    /** Whether {@code --load-format runai_streamer} exists. */
    public boolean streams() {
        return atLeast(RUNAI_STREAMER);
    }

    /** Whether the streamer reads URIs of {@code scheme} ({@code s3}, {@code gs}). */
    public boolean streamsFrom(String scheme) {
        return streams() && (scheme.equals("s3") || scheme.equals("gs") && atLeast(GCS_STREAMING));
    }

    /** Whether {@code --safetensors-load-strategy} exists. */
    public boolean loadsEagerly() {
        return atLeast(EAGER_LOAD_STRATEGY);
    }

    @Override
    public String toString() {
        return "v" + version.get(0) + "." + version.get(1) + "." + version.get(2);
    }
}
