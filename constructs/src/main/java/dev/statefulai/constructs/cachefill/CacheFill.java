package dev.statefulai.constructs.cachefill;

import dev.statefulai.constructs.ContainerEnv;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.render.Quantities;

import dev.statefulai.facts.Credentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.EnvFromSource;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.SecretEnvSource;
import org.cdk8s.plus28.k8s.SecurityContext;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * Fills a cache volume (model weights, an index) before the main container starts, so that a
 * restarted pod does not download again: an init container named {@code fill-<template>} that copies
 * from a source into the claim template's mount path, then writes a marker file
 * ({@value #MARKER}) holding the source's id. When the marker already names the same source, the fill
 * does nothing; when the source changes (another model), it fills again. A fill that dies half-way
 * leaves no marker and starts over (S3 and Hugging Face downloads resume).
 *
 * <p>Sources and default images (pinned; override with {@link Builder#image}):
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
 *       copy a {@code ReadWriteOnce} claim, clone it instead ({@link ClaimTemplate.Builder#cloneFromClaim}).</li>
 * </ul>
 *
 * <p>Credentials come only from Secrets: {@link Builder#secretEnv} ({@code valueFrom.secretKeyRef}) and
 * {@link Builder#secretEnvFrom} ({@code envFrom.secretRef}); plain {@link Builder#env} refuses names that
 * look like credentials, and URLs with a user, password or signature are refused. On EKS, IRSA or Pod
 * Identity through the app's {@code serviceAccountName} needs no Secret at all.
 *
 * <p>The container runs like the main one (non-root, no privilege escalation, no capabilities,
 * {@code RuntimeDefault} seccomp) with its own requests (default {@link Resources#defaults()}, no GPU).
 * On a shared claim every replica's fill takes a lock directory ({@value #LOCK}) so that one fills and
 * the others wait for the marker; if a fill was killed hard (OOM, node loss), remove the lock by hand.
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

    private static final String C = "CacheFill";
    private static final Pattern S3 = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\\s]*)?");
    private static final Pattern HF_ID = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,95}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final Pattern HF_REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SIGNED_QUERY =
            Pattern.compile("(?i)(^|&)(x-amz-signature|x-amz-credential|x-goog-signature|sig|signature|token|access_token|api_key|key)=.*");

    /** The kinds of source. */
    public enum Kind {
        /** An S3 prefix, {@code s3://bucket/prefix}. */
        S3,
        /** One file or archive at an HTTP(S) URL. */
        HTTP,
        /** A Hugging Face Hub model repository. */
        HUGGING_FACE,
        /** Another claim in the app's namespace. */
        CLAIM
    }

    private final Kind kind;
    private final String source;
    private final String into;
    private final String revision;
    private final List<String> include;
    private final String image;
    private final Map<String, String> env;
    private final List<SecretEnv> secretEnv;
    private final List<String> secretEnvFrom;
    private final Resources resources;

    private CacheFill(Builder b) {
        this.kind = b.kind;
        this.source = b.source;
        this.into = Validate.dnsLabel(C, "into", b.into);
        if (b.revision != null && kind != Kind.HUGGING_FACE) {
            throw new InvalidPropsException(C, "revision", b.revision, "none: only a Hugging Face source has revisions");
        }
        if (b.revision != null && !HF_REVISION.matcher(b.revision).matches()) {
            throw new InvalidPropsException(C, "revision", b.revision, "a branch, tag or commit such as main, v1.0 or a 40-digit hash");
        }
        this.revision = b.revision;
        if (!b.include.isEmpty() && kind != Kind.HUGGING_FACE) {
            throw new InvalidPropsException(C, "include", String.join(" ", b.include), "none: only a Hugging Face source takes file patterns");
        }
        for (String pattern : b.include) {
            if (pattern == null || pattern.isBlank() || pattern.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidPropsException(C, "include", pattern, "file patterns without spaces, such as *.safetensors or *.json");
            }
        }
        this.include = List.copyOf(b.include);
        this.image = b.image == null ? defaultImage(kind)
                : Validate.required(C, "image", b.image.isBlank() ? null : b.image, "a container image reference");
        for (Map.Entry<String, String> e : b.env.entrySet()) {
            String name = e.getKey();
            if (name == null || !ENV_NAME.matcher(name).matches() || name.startsWith("FILL_")) {
                throw new InvalidPropsException(C, "env", name,
                        "an environment variable name (letters, digits, '_'), not starting with FILL_ (set by the fill)");
            }
        }
        this.env = new TreeMap<>(b.env);
        this.secretEnv = List.copyOf(b.secretEnv);
        for (String secret : b.secretEnvFrom) {
            Validate.dnsSubdomain(C, "secretEnvFrom", secret);
        }
        this.secretEnvFrom = List.copyOf(b.secretEnvFrom);
        this.resources = Validate.required(C, "resources", b.resources, "Resources for the fill container");
        if (resources.gpuCount() > 0) {
            throw new InvalidPropsException(C, "resources.gpus", resources.gpuCount(), "0: a fill copies files and needs no GPU");
        }
        containerEnv("/"); // refuses credentials and names given twice now, not when an app mounts the fill
    }

    /** Fills from an S3 prefix, e.g. {@code s3://models/llama-3.1-8b/}, with {@code aws s3 sync}. */
    public static Builder fromS3(String url) {
        String rule = "an S3 URL such as s3://bucket/prefix/";
        Validate.required(C, "source", url, rule);
        if (!S3.matcher(url).matches()) {
            throw new InvalidPropsException(C, "source", url, rule);
        }
        return new Builder(Kind.S3, url);
    }

    /** Fills from one file or archive ({@code .tar}, {@code .tar.gz}, {@code .tgz}, unpacked) at an HTTP(S) URL. */
    public static Builder fromUrl(String url) {
        String rule = "an http:// or https:// URL of a file, such as https://example.com/models/model.tar.gz";
        Validate.required(C, "source", url, rule);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidPropsException(C, "source", url, rule);
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
                || uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().endsWith("/")) {
            throw new InvalidPropsException(C, "source", url, rule);
        }
        boolean signed = uri.getRawQuery() != null
                && List.of(uri.getRawQuery().split("&")).stream().anyMatch(p -> SIGNED_QUERY.matcher(p).matches());
        if (uri.getRawUserInfo() != null || signed) {
            throw new InvalidPropsException(C, "source", "(URL with credentials, not shown)",
                    "a URL without user, password, token or signature: it would be written into the manifest; send an "
                            + "Authorization header from a Secret as " + HTTP_AUTHORIZATION_ENV + " with secretEnv");
        }
        return new Builder(Kind.HTTP, url);
    }

    /** Fills the Hugging Face cache layout with model {@code modelId}, e.g. {@code meta-llama/Llama-3.1-8B-Instruct}. */
    public static Builder fromHuggingFace(String modelId) {
        String rule = "a Hugging Face model id such as meta-llama/Llama-3.1-8B-Instruct";
        Validate.required(C, "source", modelId, rule);
        if (!HF_ID.matcher(modelId).matches() || modelId.contains("..") || modelId.contains("--")) {
            throw new InvalidPropsException(C, "source", modelId, rule);
        }
        return new Builder(Kind.HUGGING_FACE, modelId);
    }

    /** Fills by copying the files of claim {@code claimName} (same namespace), mounted read-only. */
    public static Builder fromClaim(String claimName) {
        return new Builder(Kind.CLAIM, Validate.dnsSubdomain(C, "source", claimName));
    }

    private static String defaultImage(Kind kind) {
        return switch (kind) {
            case S3 -> AWS_CLI_IMAGE;
            case HTTP -> CURL_IMAGE;
            case HUGGING_FACE -> PYTHON_IMAGE;
            case CLAIM -> BUSYBOX_IMAGE;
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The source: URL, model id or claim name. */
    public String source() {
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

    /** What the marker holds: the source, with its kind and (Hugging Face) revision. */
    public String id() {
        return switch (kind) {
            case S3, HTTP -> source;
            case HUGGING_FACE -> "hf:" + source + "@" + (revision == null ? "main" : revision)
                    + (include.isEmpty() ? "" : " " + String.join(" ", include));
            case CLAIM -> "claim:" + source;
        };
    }

    /** The file name an HTTP fill saves to, or the archive type; {@code null} for other kinds. */
    String httpFile() {
        if (kind != Kind.HTTP) {
            return null;
        }
        String path = URI.create(source).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The shell script the fill container runs; parameters come from the environment, never spliced in. */
    public String script(boolean shared) {
        List<String> lines = new ArrayList<>();
        lines.add("set -eu");
        lines.add("marker=\"$FILL_TARGET/" + MARKER + "\"");
        lines.add("filled() { [ \"$(cat \"$marker\" 2>/dev/null)\" = \"$FILL_ID\" ]; }");
        lines.add("if filled; then echo \"$FILL_TARGET already holds $FILL_ID\"; exit 0; fi");
        if (shared) {
            lines.add("lock=\"$FILL_TARGET/" + LOCK + "\"");
            lines.add("until mkdir \"$lock\" 2>/dev/null; do");
            lines.add("  if filled; then exit 0; fi");
            lines.add("  echo \"another replica is filling $FILL_TARGET; waiting (if none is, remove $lock)\"; sleep 15");
            lines.add("done");
            lines.add("trap 'rmdir \"$lock\" 2>/dev/null || true' EXIT");
            lines.add("trap 'exit 143' TERM INT");
            lines.add("if filled; then exit 0; fi");
        }
        switch (kind) {
            case S3 -> lines.add("aws s3 sync \"$FILL_SOURCE\" \"$FILL_TARGET\" --no-progress --only-show-errors --exclude '"
                    + MARKER + "*'");
            case HTTP -> {
                String file = httpFile();
                String curl = "curl -fSL --retry 5 --retry-connrefused ${" + HTTP_AUTHORIZATION_ENV + ":+-H \"Authorization: $"
                        + HTTP_AUTHORIZATION_ENV + "\"}";
                String tar = file.endsWith(".tar.gz") || file.endsWith(".tgz") ? "tar -xzf" : file.endsWith(".tar") ? "tar -xf" : null;
                if (tar != null) {
                    lines.add("download=\"$FILL_TARGET/" + MARKER + ".download\"");
                    lines.add(curl + " -o \"$download\" \"$FILL_SOURCE\"");
                    lines.add(tar + " \"$download\" -C \"$FILL_TARGET\"");
                    lines.add("rm -f \"$download\"");
                } else {
                    lines.add(curl + " -o \"$FILL_TARGET/$FILL_FILE.part\" \"$FILL_SOURCE\"");
                    lines.add("mv \"$FILL_TARGET/$FILL_FILE.part\" \"$FILL_TARGET/$FILL_FILE\"");
                }
            }
            case HUGGING_FACE -> {
                lines.add("python3 -c 'import huggingface_hub' 2>/dev/null || pip install --quiet --no-cache-dir --target /tmp/pylib "
                        + "\"huggingface_hub==" + HUGGINGFACE_HUB_VERSION + "\"");
                lines.add("PYTHONPATH=\"/tmp/pylib${PYTHONPATH:+:$PYTHONPATH}\" python3 -c 'import os; "
                        + "from huggingface_hub import snapshot_download; "
                        + "snapshot_download(os.environ[\"FILL_SOURCE\"], revision=os.environ.get(\"FILL_REVISION\") or None, "
                        + "allow_patterns=os.environ.get(\"FILL_INCLUDE\", \"\").split() or None, "
                        + "cache_dir=os.environ[\"FILL_TARGET\"])'");
            }
            case CLAIM -> lines.add("cp -R " + SOURCE_MOUNT + "/. \"$FILL_TARGET/\"");
        }
        lines.add("printf '%s' \"$FILL_ID\" > \"$marker.tmp\"");
        lines.add("mv \"$marker.tmp\" \"$marker\"");
        lines.add("echo \"filled $FILL_TARGET from $FILL_ID\"");
        return String.join("\n", lines) + "\n";
    }

    /** The init container that fills {@code target}, mounted as {@code mount} (read-write). */
    public Container toContainer(ClaimTemplate target, VolumeMount mount, boolean shared, SecurityContext securityContext) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(mount));
        if (kind == Kind.CLAIM) {
            mounts.add(VolumeMount.builder().name(SOURCE_VOLUME).mountPath(SOURCE_MOUNT).readOnly(true).build());
        }
        Container.Builder c = Container.builder()
                .name("fill-" + target.name())
                .image(image)
                .command(List.of("sh", "-c", script(shared)))
                .env(containerEnv(target.mountPath()).vars())
                .resources(ResourceRequirements.builder()
                        .requests(Quantities.map(resources.requests()))
                        .limits(Quantities.map(resources.limits()))
                        .build())
                .securityContext(securityContext)
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
        ContainerEnv vars = new ContainerEnv(C, "the fill container", "secretEnv or secretEnvFrom")
                .own("FILL_ID", id(), own)
                .own("FILL_SOURCE", kind == Kind.CLAIM ? SOURCE_MOUNT : source, own)
                .own("FILL_TARGET", targetPath, own);
        if (kind == Kind.HTTP) {
            vars.own("FILL_FILE", httpFile(), own);
        }
        if (revision != null) {
            vars.own("FILL_REVISION", revision, own);
        }
        if (!include.isEmpty()) {
            vars.own("FILL_INCLUDE", String.join(" ", include), own);
        }
        // Images run as an arbitrary non-root user: give tools a writable home.
        vars.own("HOME", "/tmp", own);
        if (kind == Kind.HUGGING_FACE) {
            vars.own("HF_HOME", "/tmp/hf-home", own);
            vars.own("HF_HUB_DISABLE_TELEMETRY", "1", own);
        }
        return vars.plain("env", env).fromSecrets("secretEnv", secretEnv);
    }

    /** Builder for {@link CacheFill}; start with {@link #fromS3}, {@link #fromUrl}, {@link #fromHuggingFace} or {@link #fromClaim}. */
    public static final class Builder {
        private final Kind kind;
        private final String source;
        private String into;
        private String revision;
        private List<String> include = List.of();
        private String image;
        private Map<String, String> env = Map.of();
        private List<SecretEnv> secretEnv = List.of();
        private List<String> secretEnvFrom = List.of();
        private Resources resources = Resources.defaults();

        private Builder(Kind kind, String source) {
            this.kind = kind;
            this.source = source;
        }

        /** Required. The claim template (per-replica or shared) whose volume is filled, at its mount path. */
        public Builder into(String claimTemplate) {
            this.into = claimTemplate;
            return this;
        }

        /** Hugging Face only: the branch, tag or commit. Default {@code main}. Pin a commit for reproducible servers. */
        public Builder revision(String revision) {
            this.revision = revision;
            return this;
        }

        /**
         * Hugging Face only: download only the files matching these patterns ({@code allow_patterns}), e.g.
         * {@code *.safetensors} and {@code *.json} to skip the duplicate {@code original/*.pth} weights some
         * repositories carry. Default: every file.
         */
        public Builder include(List<String> patterns) {
            this.include = patterns;
            return this;
        }

        /** The fill image. Default: the pinned image of the source kind (see the class documentation). */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Plain variables such as {@code AWS_REGION} or {@code HF_ENDPOINT}. Names that look like credentials are refused. Default none. */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /** Variables read from Secret keys ({@code valueFrom.secretKeyRef}), e.g. {@code HF_TOKEN}. Default none. */
        public Builder secretEnv(List<SecretEnv> secretEnv) {
            this.secretEnv = secretEnv;
            return this;
        }

        /** Secrets whose every key becomes a variable ({@code envFrom.secretRef}), e.g. AWS keys. Default none. */
        public Builder secretEnvFrom(List<String> secretNames) {
            this.secretEnvFrom = secretNames;
            return this;
        }

        /** Requests and limits of the fill container. Default {@link Resources#defaults()} (500m CPU, 1Gi memory); no GPU. */
        public Builder resources(Resources resources) {
            this.resources = resources;
            return this;
        }

        public CacheFill build() {
            return new CacheFill(this);
        }
    }
}
