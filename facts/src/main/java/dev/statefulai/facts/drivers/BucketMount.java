package dev.statefulai.facts.drivers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a driver of {@link Attachment#OBJECT_STORAGE} needs to mount a bucket: a pre-provisioned
 * PersistentVolume whose {@code csi.volumeAttributes} name the bucket, the mount options its FUSE client
 * takes, where its file cache lives, and how a pod gets its own identity for the bucket (a ServiceAccount,
 * never keys).
 *
 * @param bucketAttribute    the {@code volumeAttributes} key that names the bucket; null when the volume handle is the bucket
 * @param volumeAttributes   the {@code volumeAttributes} the driver documents
 * @param mountOptions       the names of the mount options the project writes (the FUSE client takes more)
 * @param fileCache          where a file cache lives
 * @param honorsFsGroup      whether the mounted files belong to the pod's {@code fsGroup}; without it, {@code uid} and
 *                           {@code gid} mount options give them to the pod's user
 * @param podAnnotation      an annotation every pod that mounts such a volume needs, {@code "true"}; null for none
 * @param identityAnnotation the ServiceAccount annotation that names the cloud identity of its pods; null when the
 *                           identity is named elsewhere (a volume attribute)
 * @param docs               the page that documents the pre-provisioned volume
 */
public record BucketMount(String bucketAttribute, List<Parameter> volumeAttributes, List<String> mountOptions, FileCache fileCache,
                          boolean honorsFsGroup, String podAnnotation, String identityAnnotation, String docs) {

    public BucketMount {
        volumeAttributes = List.copyOf(volumeAttributes);
        mountOptions = List.copyOf(mountOptions);
        Objects.requireNonNull(fileCache, "fileCache");
        Objects.requireNonNull(docs, "docs");
        if (bucketAttribute != null && volumeAttributes.stream().noneMatch(p -> p.key().equals(bucketAttribute))) {
            throw new IllegalArgumentException("the bucket attribute " + bucketAttribute + " is not among the volume attributes");
        }
    }

    /** The volume attribute named {@code key}. */
    public Optional<Parameter> volumeAttribute(String key) {
        return volumeAttributes.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The annotation a pod needs to mount such a volume. */
    public Optional<String> requiredPodAnnotation() {
        return Optional.ofNullable(podAnnotation);
    }

    /** The ServiceAccount annotation that names the pods' cloud identity. */
    public Optional<String> serviceAccountAnnotation() {
        return Optional.ofNullable(identityAnnotation);
    }
}
