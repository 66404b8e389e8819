package dev.statefulai.constructs.serving;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vLLM's loading options by weight source and release. Flags per release from vLLM's engine arguments
 * pages (v0.6.3.post1: no runai_streamer; v0.6.6.post1: runai_streamer), the v0.10.2 release notes
 * (--safetensors-load-strategy, #24469) and GKE's Run:ai Model Streamer page (gs:// from v0.11.1).
 */
class VllmLoadingTest {
    private static final String C = "llm-inference";

    private static List<String> args(String tag, WeightSource source) {
        return VllmLoading.args(C, "vllm/vllm-openai:" + tag, source);
    }

    @Test
    void huggingFaceDownloadsIntoTheCacheOnAnyRelease() {
        assertEquals(List.of("--model", "meta-llama/Llama-3.1-8B-Instruct", "--download-dir", "/models"),
                args("v0.6.3", new WeightSource.HuggingFace("meta-llama/Llama-3.1-8B-Instruct", "/models")));
    }

    @Test
    void aLocalPathIsMemoryMapped() {
        assertEquals(List.of("--model", "/models/llama"), args("v0.11.1", new WeightSource.LocalPath("/models/llama")));
    }

    @ParameterizedTest
    @CsvSource({"v0.6.3, ''", "v0.6.6, --load-format runai_streamer", "v0.10.1, --load-format runai_streamer",
        "v0.10.2, --safetensors-load-strategy eager", "v0.11.1, --safetensors-load-strategy eager", "latest, ''"})
    void aSharedFileSystemIsReadEagerlyOrStreamedAsTheReleaseAllows(String tag, String options) {
        List<String> expected = new java.util.ArrayList<>(List.of("--model", "/datasets/llama"));
        if (!options.isEmpty()) {
            expected.addAll(List.of(options.split(" ")));
        }
        assertEquals(expected, args(tag, new WeightSource.SharedFileSystem("/datasets/llama")));
    }

    @Test
    void aBucketIsStreamedFromV066ForS3AndV0111ForGcs() {
        assertEquals(List.of("--model", "s3://models/llama-3.1-8b", "--load-format", "runai_streamer"),
                args("v0.6.6", new WeightSource.Bucket("s3://models/llama-3.1-8b")));
        assertEquals(List.of("--model", "gs://models/llama-3.1-8b", "--load-format", "runai_streamer"),
                args("v0.11.1", new WeightSource.Bucket("gs://models/llama-3.1-8b")));
    }

    @Test
    void refusesABucketOnAReleaseWithoutTheStreamer() {
        assertInvalid(C + ": prop 'image' is 'vllm/vllm-openai:v0.6.3'; allowed: a vLLM release that streams s3:// weights"
                        + " (--load-format runai_streamer): v0.6.6 or newer, as a tag such as vllm/vllm-openai:v0.11.1; or load from a"
                        + " volume (v0.6.3 cannot)", () -> args("v0.6.3", new WeightSource.Bucket("s3://models/llama")));
        assertInvalid(C + ": prop 'image' is 'vllm/vllm-openai:v0.10.2'; allowed: a vLLM release that streams gs:// weights"
                        + " (--load-format runai_streamer): v0.11.1 or newer, as a tag such as vllm/vllm-openai:v0.11.1; or load from a"
                        + " volume (v0.10.2 cannot)", () -> args("v0.10.2", new WeightSource.Bucket("gs://models/llama")));
        assertInvalid(C + ": prop 'image' is 'vllm/vllm-openai:latest'; allowed: a vLLM release that streams s3:// weights"
                        + " (--load-format runai_streamer): v0.6.6 or newer, as a tag such as vllm/vllm-openai:v0.11.1; or load from a"
                        + " volume", () -> args("latest", new WeightSource.Bucket("s3://models/llama")));
    }

    @Test
    void refusesWhatIsNoBucketUri() {
        assertInvalid("WeightSource: prop 'uri' is 'https://models.example.com/llama'; allowed: an object storage URI: s3://bucket/prefix"
                + " or gs://bucket/prefix", () -> new WeightSource.Bucket("https://models.example.com/llama"));
    }
}
