package dev.statefulai.constructs.cachefill;

import dev.statefulai.constructs.ContainerEnv;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.pod.ContainerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.EnvFromSource;
import org.cdk8s.plus28.k8s.SecretEnvSource;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * Fills a cache volume (model weights, an index) before the main container starts, so that a
 * restarted pod does not download again: an init container named {@code fill-<template>} that copies
 * from a source into the claim template's mount path, then writes a marker file
 * ({@value #MARKER}) holding the source's id. When the marker already names the same source, the fill
 * does nothing; when the source changes (another model), it fills again. A fill that dies half-way
 * leaves no marker and starts over (S3 and Hugging Face downloads resume).
 *
 * <p>Sources ({@link FillSource}, one type each) and default images (pinned; override with {@link Builder#image}):
 * <ul>
 *   <li>{@link #fromS3}: {@code aws s3 sync} in {@value #AWS_CLI_IMAGE};</li>
 *   <li>{@link #fromUrl}: {@code curl} in {@value #CURL_IMAGE}; a {@code .tar}, {@code .tar.gz} or
 *       {@code .tgz} is unpacked, anything else is saved under its file name; an
 *       {@code Authorization} header can come from a Secret as {@value #HTTP_AUTHORIZATION_ENV};</li>
 *   <li>{@link #fromHuggingFace}: {@code huggingface_hub.snapshot_download} with {@code cache_dir} set to
 *       the mount path (the layout vLLM's {@code --download-dir} and transformers' {@code cache_dir} read)
 *       in {@value #PYTHON_IMAGE}, which installs {@code huggingface_hub} {@value #HUGGINGFACE_HUB_VERSION}
 *       from PyPI first unless the image has it (the vLLM image does: reuse it to skip that);</li>
 *   <li>{@link #fromClaim}: {@code cp -R} from another claim mounted read-only, in {@value #BUSYBOX_IMAGE}.
 *       Every replica mounts that claim, so it should be {@code ReadOnlyMany} or {@code ReadWriteMany}; to
 *       copy a {@code ReadWriteOnce} claim, clone it instead ({@code ClaimTemplate.Builder.cloneFromClaim}).</li>
 * </ul>
 *
 * <p>Credentials come only from Secrets: {@link Builder#secretEnv} ({@code valueFrom.secretKeyRef}) and
 * {@link Builder#secretEnvFrom} ({@code envFrom.secretRef}); plain {@link Builder#env} refuses names that
 * look like credentials, and URLs with a user, password or signature are refused. On EKS, IRSA or Pod
 * Identity through the app's {@code serviceAccountName} needs no Secret at all.
 *
 * <p>The container runs like the main one (non-root, no privilege escalation, no capabilities,
 * {@code RuntimeDefault} seccomp, read-only root file system with the pod's {@code /tmp} as its home)
 * with its own requests (default {@link Resources#defaults()}, no GPU).
 * On a shared claim every replica's fill takes a lock directory ({@value #LOCK}) so that one fills and
 * the others wait for the marker; if a fill was killed hard (OOM, node loss), remove the lock by hand.
 * The script is put together from shell resources beside this class (see {@code FillScript}).
 */
public final class CacheFill {
    /** The marker file in the filled directory; holds the id of the source it was filled from. */
    public static final String MARKER = ".ai-storage-fill";
    /** The lock directory that serializes the fills of a shared claim. */
    public static final String LOCK = ".ai-storage-fill.lock";
    /** Default image of an S3 fill. */
    public static final String AWS_CLI_IMAGE = "amazon/aws-cli:2.15.30";
    /** Default image of an HTTP(S) fill. */
    public static final String CURL_IMAGE = "curlimages/curl:8.10.1";
    /** Default image of a Hugging Face fill. */
    public static final String PYTHON_IMAGE = "python:3.12.7-slim";
    /** Default image of a fill from another claim (and of {@code chownVolumes}). */
    public static final String BUSYBOX_IMAGE = "busybox:1.36.1";
    /** The {@code huggingface_hub} version installed when the image lacks it. */
    public static final String HUGGINGFACE_HUB_VERSION = "0.25.2";
    /** An environment variable (from a Secret) whose value an HTTP(S) fill sends as {@code Authorization}. */
    public static final String HTTP_AUTHORIZATION_ENV = "FILL_HTTP_AUTHORIZATION";
    /** Where a {@link #fromClaim} source is mounted in the fill container. */
    public static final String SOURCE_MOUNT = "/fill-source";
    /** The pod volume name of a {@link #fromClaim} source. */
    public static final String SOURCE_VOLUME = "fill-source";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final FillSource source;
    private final String into;
    private final String image;
    private final Map<String, String> env;
    private final List<SecretEnv> secretEnv;
    private final List<String> secretEnvFrom;
    private final Resources resources;

    private CacheFill(Builder<?> b) {
        this.into = Validate.dnsLabel(FillSource.CONSTRUCT, "into", b.into);
        this.source = b.source();
        this.image = b.image == null ? source.defaultImage()
                : Validate.required(FillSource.CONSTRUCT, "image", b.image.isBlank() ? null : b.image, "a container image reference");
        for (String name : b.env.keySet()) {
            if (name == null || !ENV_NAME.matcher(name).matches() || name.startsWith("FILL_")) {
                throw new InvalidPropsException(FillSource.CONSTRUCT, "env", name,
                        "an environment variable name (letters, digits, '_'), not starting with FILL_ (set by the fill)");
            }
        }
        this.env = new TreeMap<>(b.env);
        this.secretEnv = List.copyOf(b.secretEnv);
        for (String secret : b.secretEnvFrom) {
            Validate.dnsSubdomain(FillSource.CONSTRUCT, "secretEnvFrom", secret);
        }
        this.secretEnvFrom = List.copyOf(b.secretEnvFrom);
        this.resources = Validate.required(FillSource.CONSTRUCT, "resources", b.resources, "Resources for the fill container");
        if (resources.gpus() > 0) {
            throw new InvalidPropsException(FillSource.CONSTRUCT, "resources.gpus", resources.gpus(), "0: a fill copies files and needs no GPU");
        }
        containerEnv("/"); // refuses credentials and names given twice now, not when an app mounts the fill
    }

    /** Fills from an S3 prefix, e.g. {@code s3://models/llama-3.1-8b/}, with {@code aws s3 sync}. */
    public static SourceBuilder fromS3(String url) {
        return from(new FillSource.S3(url));
    }

    /** Fills from one file or archive ({@code .tar}, {@code .tar.gz}, {@code .tgz}, unpacked) at an HTTP(S) URL. */
    public static SourceBuilder fromUrl(String url) {
        return from(new FillSource.Url(url));
    }

    /** Fills the Hugging Face cache layout with model {@code modelId}, e.g. {@code meta-llama/Llama-3.1-8B-Instruct}. */
    public static HuggingFaceBuilder fromHuggingFace(String modelId) {
        return new HuggingFaceBuilder(new FillSource.HuggingFace(modelId, null, List.of()));
    }

    /** Fills by copying the files of claim {@code claimName} (same namespace), mounted read-only. */
    public static SourceBuilder fromClaim(String claimName) {
        return from(new FillSource.Claim(claimName));
    }

    /** Fills from {@code source}. */
    public static SourceBuilder from(FillSource source) {
        return new SourceBuilder(source);
    }

    /** Where the fill copies from. */
    public FillSource source() {
        return source;
    }

    /** The claim template whose volume is filled. */
    public String into() {
        return into;
    }

    /** The image of the fill container. */
    public String image() {
        return image;
    }

    /** What the marker holds: the source's id. */
    public String id() {
        return source.id();
    }

    /** The shell script the fill container runs; parameters come from the environment, never spliced in. */
    public String script(boolean shared) {
        return FillScript.of(source, shared);
    }

    /** Pod volumes the fill needs besides its target (a source claim). */
    public List<Volume> podVolumes() {
        return source.podVolumes();
    }

    /**
     * The init container {@code fill-<target>} that fills the volume mounted as {@code mount} (read-write) at
     * {@code targetPath}; {@code shared} when every replica mounts it; {@code runtime} says how it runs (root
     * file system, pull policy, the scratch it mounts and requests as ephemeral storage).
     */
    public Container toContainer(String target, String targetPath, VolumeMount mount, boolean shared, ContainerRuntime runtime) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(mount));
        mounts.addAll(source.mounts());
        mounts.addAll(runtime.scratchMounts());
        Container.Builder c = Container.builder()
                .name("fill-" + target)
                .image(image)
                .imagePullPolicy(runtime.imagePullPolicy().value())
                .command(List.of("sh", "-c", script(shared)))
                .env(containerEnv(targetPath).vars())
                .resources(runtime.resources(resources.requests(), resources.limits()))
                .securityContext(runtime.securityContext())
                .volumeMounts(mounts);
        if (!secretEnvFrom.isEmpty()) {
            c.envFrom(secretEnvFrom.stream().map(s -> EnvFromSource.builder()
                    .secretRef(SecretEnvSource.builder().name(s).build()).build()).toList());
        }
        return c.build();
    }

    /** The fill container's variables: its own (parameters of the script), then {@code env}, then {@code secretEnv}. */
    private ContainerEnv containerEnv(String targetPath) {
        String own = "the fill itself";
        ContainerEnv vars = new ContainerEnv(FillSource.CONSTRUCT, "the fill container", "secretEnv or secretEnvFrom")
                .own("FILL_ID", source.id(), own)
                .own("FILL_SOURCE", source.location(), own)
                .own("FILL_TARGET", targetPath, own);
        source.parameters().forEach((name, value) -> vars.own(name, value, own));
        // Images run as an arbitrary non-root user: give tools a writable home.
        vars.own("HOME", "/tmp", own);
        source.toolSettings().forEach((name, value) -> vars.own(name, value, own));
        return vars.plain("env", env).fromSecrets("secretEnv", secretEnv);
    }

    /**
     * What every fill takes; start with {@link #fromS3}, {@link #fromUrl}, {@link #fromHuggingFace},
     * {@link #fromClaim} or {@link #from}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private String into;
        private String image;
        private Map<String, String> env = Map.of();
        private List<SecretEnv> secretEnv = List.of();
        private List<String> secretEnvFrom = List.of();
        private Resources resources = Resources.defaults();

        Builder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The source, checked with the builder's options. */
        abstract FillSource source();

        /** Required. The claim template (per-replica or shared) whose volume is filled, at its mount path. */
        public B into(String claimTemplate) {
            this.into = claimTemplate;
            return self();
        }

        /**
         * The fill image.
         *
         * @default the pinned image of the source kind (see {@link CacheFill})
         */
        public B image(String image) {
            this.image = image;
            return self();
        }

        /**
         * Plain variables such as {@code AWS_REGION} or {@code HF_ENDPOINT}. Names that look like credentials are refused.
         *
         * @default none
         */
        public B env(Map<String, String> env) {
            this.env = env;
            return self();
        }

        /**
         * Variables read from Secret keys ({@code valueFrom.secretKeyRef}), e.g. {@code HF_TOKEN}.
         *
         * @default none
         */
        public B secretEnv(List<SecretEnv> secretEnv) {
            this.secretEnv = secretEnv;
            return self();
        }

        /**
         * Secrets whose every key becomes a variable ({@code envFrom.secretRef}), e.g. AWS keys.
         *
         * @default none
         */
        public B secretEnvFrom(List<String> secretNames) {
            this.secretEnvFrom = secretNames;
            return self();
        }

        /**
         * Requests and limits of the fill container; no GPU.
         *
         * @default {@link Resources#defaults()} (500m CPU, 1Gi memory)
         */
        public B resources(Resources resources) {
            this.resources = resources;
            return self();
        }

        public CacheFill build() {
            return new CacheFill(this);
        }
    }

    /** Builder of a fill from a source that takes no options (S3, a URL, a claim, or any {@link FillSource}). */
    public static final class SourceBuilder extends Builder<SourceBuilder> {
        private final FillSource source;

        private SourceBuilder(FillSource source) {
            this.source = source;
        }

        @Override
        FillSource source() {
            return source;
        }
    }

    /** Builder of a fill from Hugging Face, which also takes a revision and file patterns. */
    public static final class HuggingFaceBuilder extends Builder<HuggingFaceBuilder> {
        private final FillSource.HuggingFace model;
        private String revision;
        private List<String> include = List.of();

        private HuggingFaceBuilder(FillSource.HuggingFace model) {
            this.model = model;
        }

        /**
         * The branch, tag or commit. Pin a commit for reproducible servers.
         *
         * @default {@code main}
         */
        public HuggingFaceBuilder revision(String revision) {
            this.revision = revision;
            return this;
        }

        /**
         * Download only the files matching these patterns ({@code allow_patterns}), e.g. {@code *.safetensors}
         * and {@code *.json} to skip the duplicate {@code original/*.pth} weights some repositories carry.
         *
         * @default every file
         */
        public HuggingFaceBuilder include(List<String> patterns) {
            this.include = patterns;
            return this;
        }

        @Override
        FillSource source() {
            return new FillSource.HuggingFace(model.model(), revision, include);
        }
    }
}
