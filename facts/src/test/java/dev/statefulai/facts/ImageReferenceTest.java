package dev.statefulai.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image references split as splitDockerDomain (normalize.go of github.com/distribution/reference) does. */
class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @ParameterizedTest
    @CsvSource({
        "busybox, docker.io, library/busybox,,",
        "busybox:1.36.1, docker.io, library/busybox, 1.36.1,",
        "vllm/vllm-openai:v0.6.3, docker.io, vllm/vllm-openai, v0.6.3,",
        "docker.io/qdrant/qdrant:v1.12.4-unprivileged, docker.io, qdrant/qdrant, v1.12.4-unprivileged,",
        "index.docker.io/ollama/ollama:0.5.7, docker.io, ollama/ollama, 0.5.7,",
        "ghcr.io/huggingface/text-generation-inference:3.0.1, ghcr.io, huggingface/text-generation-inference, 3.0.1,",
        "localhost/models/vllm:dev, localhost, models/vllm, dev,",
        "registry.local:5000/vllm:v1, registry.local:5000, vllm, v1,",
        "Mirror/vllm:v1, Mirror, vllm, v1,"})
    void splitsRegistryRepositoryAndTag(String image, String registry, String repository, String tag, String digest) {
        assertEquals(new ImageReference(registry, repository, tag, digest), ImageReference.parse(image));
    }

    @Test
    void aDigestFollowsTheTagOrStandsAlone() {
        assertEquals(new ImageReference("nvcr.io", "nvidia/tritonserver", "24.08-py3", DIGEST),
                ImageReference.parse("nvcr.io/nvidia/tritonserver:24.08-py3@" + DIGEST));
        assertTrue(ImageReference.pinnedByDigest("busybox@" + DIGEST));
        assertTrue(ImageReference.pinnedByDigest("busybox:1.36.1@" + DIGEST));
        assertFalse(ImageReference.pinnedByDigest("busybox:1.36.1"));
        assertFalse(ImageReference.pinnedByDigest("busybox@sha256:abc"), "64 hex digits");
        assertFalse(ImageReference.pinnedByDigest(null));
    }

    @Test
    void versionsComeFromTheTag() {
        assertEquals(Optional.of(List.of(0, 6, 3)), ImageReference.parse("vllm/vllm-openai:v0.6.3").version());
        assertEquals(Optional.of(List.of(1, 12, 4)), ImageReference.parse("qdrant/qdrant:v1.12.4-unprivileged").version());
        assertEquals(Optional.of(List.of(3, 1, 0)), ImageReference.parse("ghcr.io/huggingface/text-generation-inference:3.1").version());
        assertEquals(Optional.empty(), ImageReference.parse("vllm/vllm-openai:latest").version());
        assertEquals(Optional.empty(), ImageReference.parse("vllm/vllm-openai").version());
        assertTrue(ImageReference.compareVersions(List.of(0, 10, 2), List.of(0, 6, 6)) > 0);
        assertEquals(0, ImageReference.compareVersions(List.of(0, 6, 6), List.of(0, 6, 6)));
    }
}
