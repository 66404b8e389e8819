package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.serving.WeightSource;
import java.util.Locale;

/**
 * Where a model server's weights come from, in values files; it decides the server's loading options
 * (see {@code VllmLoading}).
 *
 * @param from {@code huggingFace} (default: the model id, downloaded once into the cache volume), {@code localPath} (a
 *             directory on a disk of the pod's own), {@code sharedFileSystem} (a directory on a network file system: EFS,
 *             NFS, Lustre, Filestore, a hydrated read-only volume, a mounted bucket), {@code bucket} (an {@code s3://} or
 *             {@code gs://} URI the server streams from) or {@code image} (an OCI image mounted read-only, with the weights at
 *             its root: an image volume, which the environment's cluster must enable: Kubernetes 1.31+ with the ImageVolume
 *             feature gate)
 * @param path for {@code localPath} and {@code sharedFileSystem}: the directory
 * @param uri  for {@code bucket}: the URI
 * @param reference  for {@code image}: the image, e.g. {@code registry.example.com/models/llama-3.1-8b:v1}
 * @param pullPolicy for {@code image}: {@code Always}, {@code IfNotPresent} or {@code Never}; default {@code IfNotPresent} for
 *                   a reference pinned by digest, else {@code Always}
 */
public record WeightsValues(From from, String path, String uri, String reference, ImagePullPolicy pullPolicy) {

    /** The kinds of source, spelled in camel case in values files ({@code huggingFace}, {@code sharedFileSystem}). */
    public enum From {
        HUGGING_FACE, LOCAL_PATH, SHARED_FILE_SYSTEM, BUCKET, IMAGE;

        @Override
        public String toString() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder camel = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return camel.toString();
        }
    }

    /**
     * The source, with {@code model} (a Hugging Face id) and {@code cacheDir} for {@code huggingFace}, and {@code imagePath}
     * (where an image is mounted) for {@code image}.
     */
    public WeightSource toSource(String model, String cacheDir, String imagePath) {
        From kind = from == null ? From.HUGGING_FACE : from;
        boolean needsPath = kind == From.LOCAL_PATH || kind == From.SHARED_FILE_SYSTEM;
        check("path", path, needsPath, kind);
        check("uri", uri, kind == From.BUCKET, kind);
        check("reference", reference, kind == From.IMAGE, kind);
        if (pullPolicy != null && kind != From.IMAGE) {
            check("pullPolicy", pullPolicy.value(), false, kind);
        }
        return switch (kind) {
            case HUGGING_FACE -> new WeightSource.HuggingFace(model, cacheDir);
            case LOCAL_PATH -> new WeightSource.LocalPath(path);
            case SHARED_FILE_SYSTEM -> new WeightSource.SharedFileSystem(path);
            case BUCKET -> new WeightSource.Bucket(uri);
            case IMAGE -> new WeightSource.Image(imagePath, reference, pullPolicy == null ? null : pullPolicy.value());
        };
    }

    private void check(String key, String value, boolean needed, From kind) {
        if (needed == (value == null)) {
            PropSources.feeds("WeightSource", key, this, key);
            throw new InvalidPropsException("WeightSource", key, value, (needed ? "a " + key : "none") + " for from: " + kind);
        }
    }
}
