package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.KubernetesSpelled;
import dev.statefulai.facts.ImageReference;

/**
 * When the kubelet pulls a container's image, written explicitly on every container the constructs
 * write: left out, Kubernetes picks it from the tag at admission ({@code Always} for {@code :latest} or
 * no tag, else {@code IfNotPresent}), and the checks teams run ask for it by name (kube-score's
 * {@code container-image-pull-policy}, Checkov's {@code CKV_K8S_15}).
 */
public enum ImagePullPolicy implements KubernetesSpelled {
    /** Resolve the tag at the registry on every container start (layers already on the node are not downloaded again). */
    ALWAYS,
    /** Use the node's copy when it has one: right for an image pinned by digest, which cannot change. */
    IF_NOT_PRESENT,
    /** Never pull: the image must be on the node already. */
    NEVER;

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value();
    }

    /**
     * The default for {@code image}: {@link #IF_NOT_PRESENT} when it is pinned by digest (the same bytes
     * on every node; Checkov's CKV_K8S_15 accepts it), else {@link #ALWAYS}, so that every node runs what
     * the registry has under that tag and pull secrets are checked (kube-score's reason).
     */
    public static ImagePullPolicy forImage(String image) {
        return ImageReference.pinnedByDigest(image) ? IF_NOT_PRESENT : ALWAYS;
    }
}
