package dev.statefulai.constructs.cachefill;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Validate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimVolumeSource;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * Where a {@link CacheFill} copies from. Each kind of source is a type that checks itself when made,
 * names its default image and the script fragment that downloads it (a resource beside this class),
 * and the variables that script reads: parameters reach the script through the environment, never
 * spliced into it.
 */
public sealed interface FillSource {
    /** Refusals name the fill as this construct. */
    String CONSTRUCT = "CacheFill";

    /** What the marker holds once filled: the source, with its kind and anything that changes the files. */
    String id();

    /** The pinned image that has the source's tools. */
    String defaultImage();

    /** The resource (beside this class) whose lines download the source into {@code $FILL_TARGET}. */
    String downloadScript();

    /** The value of {@code FILL_SOURCE}. */
    String location();

    /** Further parameters of the download script, in the order written. */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /** Variables the source's tools read (after {@code HOME}), in the order written. */
    default Map<String, String> toolSettings() {
        return Map.of();
    }

    /** Pod volumes the fill container needs besides its target. */
    default List<Volume> podVolumes() {
        return List.of();
    }

    /** Mounts of the fill container besides its target. */
    default List<VolumeMount> mounts() {
        return List.of();
    }

    /** An S3 prefix, {@code s3://bucket/prefix}, synced with {@code aws s3 sync} in {@value CacheFill#AWS_CLI_IMAGE}. */
    record S3(String url) implements FillSource {
        private static final Pattern URL = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\\s]*)?");

        public S3 {
            String rule = "an S3 URL such as s3://bucket/prefix/";
            Validate.required(CONSTRUCT, "source", url, rule);
            if (!URL.matcher(url).matches()) {
                throw new InvalidPropsException(CONSTRUCT, "source", url, rule);
            }
        }

        @Override
        public String id() {
            return url;
        }

        @Override
        public String defaultImage() {
            return CacheFill.AWS_CLI_IMAGE;
        }

        @Override
        public String downloadScript() {
            return "s3.sh";
        }

        @Override
        public String location() {
            return url;
        }
    }

    /**
     * One file at an HTTP(S) URL, fetched with {@code curl} in {@value CacheFill#CURL_IMAGE}: a {@code .tar},
     * {@code .tar.gz} or {@code .tgz} is unpacked, anything else is saved under its file name.
     */
    record Url(String url) implements FillSource {
        private static final Pattern SIGNED_QUERY =
                Pattern.compile("(?i)(^|&)(x-amz-signature|x-amz-credential|x-goog-signature|sig|signature|token|access_token|api_key|key)=.*");

        public Url {
            String rule = "an http:// or https:// URL of a file, such as https://example.com/models/model.tar.gz";
            Validate.required(CONSTRUCT, "source", url, rule);
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new InvalidPropsException(CONSTRUCT, "source", url, rule);
            }
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
                    || uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().endsWith("/")) {
                throw new InvalidPropsException(CONSTRUCT, "source", url, rule);
            }
            boolean signed = uri.getRawQuery() != null
                    && List.of(uri.getRawQuery().split("&")).stream().anyMatch(p -> SIGNED_QUERY.matcher(p).matches());
            if (uri.getRawUserInfo() != null || signed) {
                throw new InvalidPropsException(CONSTRUCT, "source", "(URL with credentials, not shown)",
                        "a URL without user, password, token or signature: it would be written into the manifest; send an "
                                + "Authorization header from a Secret as " + CacheFill.HTTP_AUTHORIZATION_ENV + " with secretEnv");
            }
        }

        /** The file name the fill saves to (or unpacks). */
        public String file() {
            String path = URI.create(url).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String id() {
            return url;
        }

        @Override
        public String defaultImage() {
            return CacheFill.CURL_IMAGE;
        }

        @Override
        public String downloadScript() {
            String file = file();
            return file.endsWith(".tar.gz") || file.endsWith(".tgz") ? "url-tar-gz.sh" : file.endsWith(".tar") ? "url-tar.sh" : "url-file.sh";
        }

        @Override
        public String location() {
            return url;
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("FILL_FILE", file());
        }
    }

    /**
     * A Hugging Face Hub model repository, downloaded with {@code huggingface_hub.snapshot_download} into the
     * cache layout ({@code cache_dir}: what vLLM's {@code --download-dir} and transformers' {@code cache_dir}
     * read) in {@value CacheFill#PYTHON_IMAGE}, which installs {@code huggingface_hub}
     * {@value CacheFill#HUGGINGFACE_HUB_VERSION} first unless the image has it.
     *
     * @param model    the model id, e.g. {@code meta-llama/Llama-3.1-8B-Instruct}
     * @param revision a branch, tag or commit; {@code null} for {@code main}
     * @param include  file patterns to download ({@code allow_patterns}); empty for every file
     */
    record HuggingFace(String model, String revision, List<String> include) implements FillSource {
        private static final Pattern ID = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,95}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
        private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

        public HuggingFace {
            String rule = "a Hugging Face model id such as meta-llama/Llama-3.1-8B-Instruct";
            Validate.required(CONSTRUCT, "source", model, rule);
            if (!ID.matcher(model).matches() || model.contains("..") || model.contains("--")) {
                throw new InvalidPropsException(CONSTRUCT, "source", model, rule);
            }
            if (revision != null && !REVISION.matcher(revision).matches()) {
                throw new InvalidPropsException(CONSTRUCT, "revision", revision, "a branch, tag or commit such as main, v1.0 or a 40-digit hash");
            }
            for (String pattern : include) {
                if (pattern == null || pattern.isBlank() || pattern.chars().anyMatch(Character::isWhitespace)) {
                    throw new InvalidPropsException(CONSTRUCT, "include", pattern, "file patterns without spaces, such as *.safetensors or *.json");
                }
            }
            include = List.copyOf(include);
        }

        @Override
        public String id() {
            return "hf:" + model + "@" + (revision == null ? "main" : revision) + (include.isEmpty() ? "" : " " + String.join(" ", include));
        }

        @Override
        public String defaultImage() {
            return CacheFill.PYTHON_IMAGE;
        }

        @Override
        public String downloadScript() {
            return "hugging-face.sh";
        }

        @Override
        public String location() {
            return model;
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> vars = new LinkedHashMap<>();
            if (revision != null) {
                vars.put("FILL_REVISION", revision);
            }
            if (!include.isEmpty()) {
                vars.put("FILL_INCLUDE", String.join(" ", include));
            }
            return vars;
        }

        @Override
        public Map<String, String> toolSettings() {
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("HF_HOME", "/tmp/hf-home");
            vars.put("HF_HUB_DISABLE_TELEMETRY", "1");
            return vars;
        }
    }

    /**
     * Another claim in the app's namespace, mounted read-only at {@value CacheFill#SOURCE_MOUNT} and copied with
     * {@code cp -R} in {@value CacheFill#BUSYBOX_IMAGE}. Every replica mounts it, so it should be
     * {@code ReadOnlyMany} or {@code ReadWriteMany}; to copy a {@code ReadWriteOnce} claim, clone it instead
     * ({@code ClaimTemplate.Builder.cloneFromClaim}).
     */
    record Claim(String claimName) implements FillSource {
        public Claim {
            Validate.dnsSubdomain(CONSTRUCT, "source", claimName);
        }

        @Override
        public String id() {
            return "claim:" + claimName;
        }

        @Override
        public String defaultImage() {
            return CacheFill.BUSYBOX_IMAGE;
        }

        @Override
        public String downloadScript() {
            return "claim.sh";
        }

        @Override
        public String location() {
            return CacheFill.SOURCE_MOUNT;
        }

        @Override
        public List<Volume> podVolumes() {
            return List.of(Volume.builder().name(CacheFill.SOURCE_VOLUME).persistentVolumeClaim(PersistentVolumeClaimVolumeSource.builder()
                    .claimName(claimName).readOnly(true).build()).build());
        }

        @Override
        public List<VolumeMount> mounts() {
            return List.of(VolumeMount.builder().name(CacheFill.SOURCE_VOLUME).mountPath(CacheFill.SOURCE_MOUNT).readOnly(true).build());
        }
    }
}
