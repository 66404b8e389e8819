package dev.statefulai.constructs.serving;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Validate;

/**
 * Where a model server finds the weights, which decides how it should load them. One type each:
 * {@link HuggingFace} (downloaded once into a cache volume), {@link LocalPath} (already on a disk the
 * pod owns: a filled cache, local NVMe), {@link SharedFileSystem} (a network file system: EFS, NFS,
 * FSx for Lustre, Filestore, a read-only volume hydrated from a snapshot, a bucket mounted through
 * FUSE), {@link Bucket} (object storage read by the server itself, no volume) and {@link Image} (an OCI image
 * mounted read-only as an image volume).
 */
public sealed interface WeightSource {
    /** What the server is told to load: a model id, a path or a bucket URI. */
    String model();

    /** A Hugging Face model id, downloaded into {@code cacheDir} on first start and read from there after. */
    record HuggingFace(String model, String cacheDir) implements WeightSource {
        public HuggingFace {
            Validate.required("WeightSource", "model", model == null || model.isBlank() ? null : model, "a Hugging Face model id such as meta-llama/Llama-3.1-8B-Instruct");
            Validate.absolutePath("WeightSource", "cacheDir", cacheDir);
        }
    }

    /** Weights in a directory on a disk of the pod's own (a filled cache, local NVMe). */
    record LocalPath(String model) implements WeightSource {
        public LocalPath {
            Validate.absolutePath("WeightSource", "path", model);
        }
    }

    /** Weights in a directory of a network file system, which serves large sequential reads well and random reads badly. */
    record SharedFileSystem(String model) implements WeightSource {
        public SharedFileSystem {
            Validate.absolutePath("WeightSource", "path", model);
        }
    }

    /**
     * Weights in an OCI image or artifact, mounted read-only at {@code model} (an image volume: the node pulls and
     * unpacks it like a container image, into its own disk, so the server reads local files).
     *
     * @param model      where the image is mounted, which the server loads
     * @param reference  the image, e.g. {@code registry.example.com/models/llama-3.1-8b:v1}
     * @param pullPolicy {@code Always}, {@code IfNotPresent} or {@code Never}; {@code null}: by the reference (see ImageVolume)
     */
    record Image(String model, String reference, String pullPolicy) implements WeightSource {
        public Image {
            Validate.absolutePath("WeightSource", "path", model);
            Validate.required("WeightSource", "reference", reference, "an image or artifact reference such as registry.example.com/models/llama:3.1");
        }
    }

    /** Weights under an object storage URI, {@code s3://bucket/prefix} or {@code gs://bucket/prefix}. */
    record Bucket(String model) implements WeightSource {
        public Bucket {
            if (model == null || !model.matches("(s3|gs)://[a-z0-9][a-z0-9._-]{1,61}[a-z0-9](/.*)?")) {
                throw new InvalidPropsException("WeightSource", "uri", model,
                        "an object storage URI: s3://bucket/prefix or gs://bucket/prefix");
            }
        }

        /** {@code s3} or {@code gs}. */
        public String scheme() {
            return model.substring(0, model.indexOf(':'));
        }
    }
}
