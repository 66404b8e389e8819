package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.serving.WeightSource;
import java.util.Locale;

/**
 * Where a model server's weights come from, in values files; it decides the server's loading options
 * (see {@code VllmLoading}).
 *
 * @param from {@code huggingFace} (default: the model id, downloaded once into the cache volume), {@code localPath} (a
 *             directory on a disk of the pod's own), {@code sharedFileSystem} (a directory on a network file system: EFS,
 *             NFS, Lustre, Filestore, a hydrated read-only volume, a mounted bucket) or {@code bucket} (an {@code s3://} or
 *             {@code gs://} URI the server streams from)
 * @param path for {@code localPath} and {@code sharedFileSystem}: the directory
 * @param uri  for {@code bucket}: the URI
 */
public record WeightsValues(From from, String path, String uri) {

    /** The kinds of source, spelled in camel case in values files ({@code huggingFace}, {@code sharedFileSystem}). */
    public enum From {
        HUGGING_FACE, LOCAL_PATH, SHARED_FILE_SYSTEM, BUCKET;

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

    /** The source, with {@code model} (a Hugging Face id) and {@code cacheDir} for {@code huggingFace}. */
    public WeightSource toSource(String model, String cacheDir) {
        From kind = from == null ? From.HUGGING_FACE : from;
        boolean needsPath = kind == From.LOCAL_PATH || kind == From.SHARED_FILE_SYSTEM;
        check("path", path, needsPath, kind);
        check("uri", uri, kind == From.BUCKET, kind);
        return switch (kind) {
            case HUGGING_FACE -> new WeightSource.HuggingFace(model, cacheDir);
            case LOCAL_PATH -> new WeightSource.LocalPath(path);
            case SHARED_FILE_SYSTEM -> new WeightSource.SharedFileSystem(path);
            case BUCKET -> new WeightSource.Bucket(uri);
        };
    }

    private void check(String key, String value, boolean needed, From kind) {
        if (needed == (value == null)) {
            PropSources.feeds("WeightSource", key, this, key);
            throw new InvalidPropsException("WeightSource", key, value, (needed ? "a " + key : "none") + " for from: " + kind);
        }
    }
}
