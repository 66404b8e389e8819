package dev.statefulai.constructs.presets;

import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.presets.ImagePreset.ReleaseRule;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.facts.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Presets for the serving and database images AI platforms run, each set for the construct's secure
 * defaults (user 1000, read-only root file system): {@link #vllm}, {@link #tgi}, {@link #ollama},
 * {@link #triton}, {@link #qdrant}, {@link #weaviate}. Each one's Javadoc says what the image does as
 * shipped and where that was read. Use one with {@code StatefulAIAppProps.Builder.preset}.
 */
public final class ImagePresets {
    private static final String CONSTRUCT = "ImagePresets";
    /** A {@code /tmp} larger than the default, for engines that compile kernels or unpack there. */
    private static final ScratchVolume TMP_2GI = ScratchVolume.emptyDir("tmp", "/tmp", "2Gi");

    private ImagePresets() {
    }

    /**
     * vLLM's OpenAI-compatible server, {@code vllm/vllm-openai}. The image names no user (docker/Dockerfile
     * of vllm-project/vllm, stage {@code vllm-openai}), so it runs as root unless told; as user 1000 it
     * needs a writable home: vLLM keeps its caches under {@code $XDG_CACHE_HOME} or {@code ~/.cache} and
     * its configuration under {@code ~/.config} ({@code get_default_cache_root} and
     * {@code get_default_config_root} in vllm/envs.py), and the Hugging Face hub writes under
     * {@code HF_HOME}. Set here: {@code HOME=/home/vllm} on a 10Gi scratch volume (compile and kernel
     * caches), a 2Gi {@code /tmp}, and {@code HF_HOME=<modelDir>/hf} on the model volume.
     *
     * <p>Refused releases: v0.4.1 and v0.4.2, which load a library from root's home (the note on
     * those versions in vLLM's Docker deployment docs, vllm-project/vllm#5103), and v0.8.0 and v0.8.1,
     * whose Python lives under {@code /root/.local/share/uv} where no other user can read it
     * (vllm-project/vllm#15174, #15359; #15302 names v0.8.0).
     *
     * @param modelDir the model volume's mount path, which holds the Hugging Face cache
     */
    public static ImagePreset vllm(String modelDir) {
        String dir = Validate.absolutePath(CONSTRUCT, "vllm.modelDir", modelDir);
        return asUser1000("vLLM", List.of("docker.io/vllm/vllm-openai"),
                Map.of("HOME", "/home/vllm", "HF_HOME", dir + "/hf"),
                List.of(home("/home/vllm", "10Gi"), TMP_2GI),
                List.of(releases(List.of(0, 4, 1), List.of(0, 4, 2), "a release other than v0.4.1 and v0.4.2, which load NCCL from"
                                + " /root and need root (vLLM's Docker deployment docs)"),
                        releases(List.of(0, 8, 0), List.of(0, 8, 1), "a release other than v0.8.0 and v0.8.1, whose Python lives under"
                                + " /root/.local/share/uv, which no other user can read (vllm-project/vllm#15174)")),
                List.of("https://github.com/vllm-project/vllm/blob/main/docker/Dockerfile",
                        "https://github.com/vllm-project/vllm/blob/main/vllm/envs.py",
                        "https://github.com/vllm-project/vllm/issues/15174"));
    }

    /**
     * Hugging Face Text Generation Inference, {@code ghcr.io/huggingface/text-generation-inference}. Its
     * Dockerfile sets {@code HF_HOME=/data} and {@code PORT=80} and names no user (final stage, v3.3.6).
     * Port 80 is privileged, so a non-root launcher is told {@code PORT=8080} (the launcher reads its
     * {@code --port} from {@code PORT}, launcher/src/main.rs); {@code HF_HOME} points at the data volume;
     * {@code HOME=/home/tgi} (2Gi) and {@code /tmp} (2Gi) are scratch.
     *
     * <p>Refused releases: from v3.1.1 the Dockerfile installs Python with {@code uv python install} as
     * root, under {@code /root/.local/share/uv}, so any other user fails to load {@code libpython}
     * (huggingface/text-generation-inference#3082, open; v3.1.0 and older use {@code /opt/conda}).
     *
     * @param dataDir the data volume's mount path, the Hugging Face cache ({@code /data} in the image)
     */
    public static ImagePreset tgi(String dataDir) {
        String dir = Validate.absolutePath(CONSTRUCT, "tgi.dataDir", dataDir);
        return asUser1000("Text Generation Inference", List.of("ghcr.io/huggingface/text-generation-inference"),
                Map.of("HF_HOME", dir, "PORT", "8080", "HOME", "/home/tgi"),
                List.of(home("/home/tgi", "2Gi"), TMP_2GI),
                List.of(releases(List.of(3, 1, 1), List.of(Integer.MAX_VALUE, 0, 0), "a release up to 3.1.0, or an image built with"
                        + " UV_PYTHON_INSTALL_DIR outside /root: from 3.1.1 the image keeps Python under /root/.local/share/uv,"
                        + " which no other user can read (huggingface/text-generation-inference#3082)")),
                List.of("https://github.com/huggingface/text-generation-inference/blob/v3.3.6/Dockerfile",
                        "https://github.com/huggingface/text-generation-inference/blob/v3.3.6/launcher/src/main.rs",
                        "https://github.com/huggingface/text-generation-inference/issues/3082"));
    }

    /**
     * Ollama, {@code ollama/ollama}. The image (Dockerfile, final stage on ubuntu:24.04) sets only
     * {@code OLLAMA_HOST}; {@code ollama serve} writes a key pair to {@code $HOME/.ollama/id_ed25519} when it
     * starts ({@code initializeKeypair} in cmd/cmd.go, auth/auth.go) and keeps models in
     * {@code OLLAMA_MODELS}, by default {@code $HOME/.ollama/models} ({@code Models} in envconfig/config.go).
     * Set here: {@code OLLAMA_MODELS} on the model volume, {@code HOME=/home/ollama} (1Gi) and {@code /tmp}.
     *
     * @param modelsDir the model volume's mount path
     */
    public static ImagePreset ollama(String modelsDir) {
        String dir = Validate.absolutePath(CONSTRUCT, "ollama.modelsDir", modelsDir);
        return asUser1000("Ollama", List.of("docker.io/ollama/ollama"),
                Map.of("OLLAMA_MODELS", dir, "HOME", "/home/ollama"),
                List.of(home("/home/ollama", "1Gi")),
                List.of(),
                List.of("https://github.com/ollama/ollama/blob/main/Dockerfile", "https://github.com/ollama/ollama/blob/main/cmd/cmd.go",
                        "https://github.com/ollama/ollama/blob/main/envconfig/config.go"));
    }

    /**
     * NVIDIA Triton Inference Server, {@code nvcr.io/nvidia/tritonserver}. The image has a user
     * {@code triton-server} whose user and group ids the build asserts to be 1000, made without a home
     * directory ({@code useradd} without {@code -m}; build.py of triton-inference-server/server,
     * {@code create_dockerfile_linux}). Set here: user and group 1000, {@code HOME=/home/triton-server}
     * (1Gi) and a 2Gi {@code /tmp}. The model repository is the app's claim, passed as
     * {@code --model-repository}.
     */
    public static ImagePreset triton() {
        return asUser1000("Triton Inference Server", List.of("nvcr.io/nvidia/tritonserver"),
                Map.of("HOME", "/home/triton-server"),
                List.of(home("/home/triton-server", "1Gi"), TMP_2GI),
                List.of(),
                List.of("https://github.com/triton-inference-server/server/blob/main/build.py"));
    }

    /**
     * Qdrant, {@code qdrant/qdrant}. Its Dockerfile runs as {@code USER_ID} (default 0, root); the
     * {@code -unprivileged} tags are built with {@code USER_ID=1000}, a user {@code qdrant} who owns
     * {@code /qdrant} (.github/workflows/docker-image.yml, Dockerfile). Qdrant writes a marker file
     * {@code .qdrant-initialized} to its working directory {@code /qdrant} unless
     * {@code QDRANT_INIT_FILE_PATH} says where (src/startup.rs), and snapshots to {@code ./snapshots}
     * (config/config.yaml). Set here: user and group 1000, the marker on a small scratch volume
     * {@code /qdrant/init}, and {@code /qdrant/snapshots} as 2Gi scratch unless a claim is mounted there (give one for real snapshots).
     *
     * <p>Refused: official tags without {@code -unprivileged}, which run as root.
     */
    public static ImagePreset qdrant() {
        return asUser1000("Qdrant", List.of("docker.io/qdrant/qdrant"),
                Map.of("QDRANT_INIT_FILE_PATH", "/qdrant/init/.qdrant-initialized"),
                List.of(ScratchVolume.emptyDir("init", "/qdrant/init", "16Mi"), ScratchVolume.emptyDir("snapshots", "/qdrant/snapshots", "2Gi")),
                List.of(new ReleaseRule(ref -> ref.tag() == null || !ref.tag().endsWith("-unprivileged"),
                        "the -unprivileged tag of the release (e.g. qdrant/qdrant:v1.12.4-unprivileged), whose user 1000 owns /qdrant;"
                                + " the plain tags run as root")),
                List.of("https://github.com/qdrant/qdrant/blob/master/Dockerfile",
                        "https://github.com/qdrant/qdrant/blob/master/.github/workflows/docker-image.yml",
                        "https://github.com/qdrant/qdrant/blob/master/src/startup.rs"));
    }

    /**
     * Weaviate, {@code semitechnologies/weaviate} (also {@code cr.weaviate.io/semitechnologies/weaviate}). The
     * image (Dockerfile, stage {@code weaviate} on Alpine) names no user, and Weaviate keeps its data in
     * {@code PERSISTENCE_DATA_PATH}, by default {@code ./data} under the working directory {@code /}
     * (usecases/config/environment.go, {@code DefaultPersistenceDataPath}). Set here: user and group 1000,
     * {@code PERSISTENCE_DATA_PATH} on the data volume, and the default {@code /tmp}.
     *
     * @param dataDir the data volume's mount path
     */
    public static ImagePreset weaviate(String dataDir) {
        String dir = Validate.absolutePath(CONSTRUCT, "weaviate.dataDir", dataDir);
        return asUser1000("Weaviate", List.of("docker.io/semitechnologies/weaviate", "cr.weaviate.io/semitechnologies/weaviate"),
                Map.of("PERSISTENCE_DATA_PATH", dir),
                List.of(),
                List.of(),
                List.of("https://github.com/weaviate/weaviate/blob/main/Dockerfile",
                        "https://github.com/weaviate/weaviate/blob/main/usecases/config/environment.go"));
    }

    /** Every preset, for documentation and tests (with example paths). */
    public static List<ImagePreset> all() {
        return List.of(vllm("/models"), tgi("/data"), ollama("/models"), triton(), qdrant(), weaviate("/var/lib/weaviate"));
    }

    /** A preset whose pods run as user and group 1000, the construct's default. */
    private static ImagePreset asUser1000(String name, List<String> repositories, Map<String, String> env, List<ScratchVolume> scratch,
                                          List<ReleaseRule> rules, List<String> sources) {
        return new ImagePreset(name, repositories, PodSecurity.of(1000, 1000), env, scratch, rules, sources);
    }

    /** The image's home directory as scratch. */
    private static ScratchVolume home(String path, String size) {
        return ScratchVolume.emptyDir("home", path, size);
    }

    /** Refuses tagged releases from {@code first} to {@code last}, both included. */
    private static ReleaseRule releases(List<Integer> first, List<Integer> last, String allowed) {
        Predicate<ImageReference> in = ref -> ref.version()
                .map(v -> ImageReference.compareVersions(v, first) >= 0 && ImageReference.compareVersions(v, last) <= 0).orElse(false);
        return new ReleaseRule(in, allowed);
    }
}
