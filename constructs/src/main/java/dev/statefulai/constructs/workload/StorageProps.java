package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.imagevolume.ImageVolume;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.tier.VolumeTier;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What a {@link StatefulAIApp} does for its claim templates beyond declaring them: its own
 * StorageClass and pre-provisioned volumes, what happens to the claims when replicas go, growing them,
 * filling a cache, and giving volumes to the app's user. Every prop is optional; each has its default on its accessor.
 */
@Value.Immutable
@PropsStyle
public abstract class StorageProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: no class or volumes of the app's own, claims retained, no growth, fill or chown. */
    public static StorageProps defaults() {
        return builder().build();
    }

    /**
     * A StorageClass to create for this app; claim templates without an explicit class use it.
     *
     * @default none: claims use the class they name, or the cluster's default class
     */
    @Nullable
    public abstract StorageClassSpec storageClass();

    /**
     * Volumes that already exist (local disks on given nodes, existing cloud disks), each made into a
     * PersistentVolume of the app's own StorageClass. Requires {@link #storageClass()}.
     *
     * @default none
     */
    public abstract List<PreProvisionedVolume> persistentVolumes();

    /**
     * Capacity of each pre-provisioned PersistentVolume.
     *
     * @default the size of the largest claim template that uses the app's StorageClass, so that every claim on the class fits
     */
    @Nullable
    public abstract String persistentVolumeCapacity();

    /**
     * What happens to the replicas' claims when the StatefulSet is deleted; set with
     * {@link Builder#claimRetention}.
     *
     * @default {@code Retain}: data outlives the pods
     */
    @Nullable
    @Value.Default
    public ReclaimPolicy claimRetentionWhenDeleted() {
        return ReclaimPolicy.RETAIN;
    }

    /**
     * What happens to the replicas' claims when the StatefulSet is scaled down; set with
     * {@link Builder#claimRetention}.
     *
     * @default {@code Retain}: data outlives the pods
     */
    @Nullable
    @Value.Default
    public ReclaimPolicy claimRetentionWhenScaled() {
        return ReclaimPolicy.RETAIN;
    }

    /**
     * The sizes to grow templates' claims to, by template, in the order given; see {@link Builder#growClaimsTo}.
     *
     * @default no growth
     */
    public abstract Map<String, String> growClaims();

    /**
     * The tiers to move templates' replica claims to, by template, in the order given; see {@link Builder#changeTier}.
     *
     * @default no change
     */
    public abstract Map<String, VolumeTier> tiers();

    /**
     * An init container that fills a claim's volume (a model cache) from S3, HTTP(S), Hugging Face or
     * another claim before the server starts, and skips when the volume already holds that source.
     * See {@link CacheFill}.
     *
     * @default none
     */
    @Nullable
    public abstract CacheFill cacheFill();

    /**
     * Opt-in: an init container {@code chown-volumes} that gives the writable claim volumes to
     * {@code runAsUser:fsGroup} when their root is owned by someone else, for backends that ignore
     * {@code fsGroup} (NFS, hostPath, some CSI drivers). The one exception to "nothing runs as root": it
     * runs as user 0 with every capability dropped but {@code CHOWN}, no privilege escalation, and a
     * read-only root file system; the StatefulSet carries a reasoned waiver of the non-root policy
     * (ai-storage.dev/waive-POL003). Namespaces enforcing the {@code restricted} Pod Security
     * Standard refuse it; {@code baseline} allows it.
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean chownVolumes() {
        return false;
    }

    /**
     * Image of {@link #chownVolumes()}: needs {@code sh}, {@code stat} and {@code chown}.
     *
     * @default {@value CacheFill#BUSYBOX_IMAGE}
     */
    @Nullable
    @Value.Default
    public String chownImage() {
        return CacheFill.BUSYBOX_IMAGE;
    }

    /**
     * OCI images or artifacts mounted read-only into the main container (model weights delivered through a
     * registry), each an image volume ({@link ImageVolume}). Refused unless the environment's cluster has the
     * ImageVolume feature gate (Kubernetes 1.31+, off by default before 1.35).
     *
     * @default none
     */
    public abstract List<ImageVolume> imageVolumes();

    /** Builder for {@link StorageProps}. */
    public static final class Builder extends ImmutableStorageProps.Builder {

        /**
         * What happens to the replicas' claims when the StatefulSet is deleted and when it is scaled down.
         *
         * @default {@code Retain} for both: data outlives the pods
         */
        public Builder claimRetention(ReclaimPolicy whenDeleted, ReclaimPolicy whenScaled) {
            return claimRetentionWhenDeleted(whenDeleted).claimRetentionWhenScaled(whenScaled);
        }

        /**
         * Grows the existing claims of per-replica template {@code template} to {@code size}. A StatefulSet's
         * claim templates cannot change after creation, so the template stays as it is and the app also
         * writes the replicas' claims {@code <template>-<statefulset>-<n>} (n below replicas, in the
         * StatefulSet's namespace, with the template's labels, class, access and volume modes) asking for
         * {@code size}; applying them expands the volumes in place. Refused when the class is known not to
         * grow volumes (no class {@code ""}, or the app's own class without volume expansion); a class the
         * app does not create is the cluster's to judge. Replicas added later start at the template's size:
         * raise the template too when the StatefulSet is next re-created. Repeatable, one size per template.
         *
         * @default no growth
         */
        public Builder growClaimsTo(String template, String size) {
            return putGrowClaims(template, size);
        }

        /**
         * Moves the existing volumes of per-replica template {@code template} to {@code tier} in place (on
         * EBS: volume type, IOPS, throughput), by the annotations the driver's volume modifier reads. Like
         * {@link #growClaimsTo}, the app writes the replicas' claims {@code <template>-<statefulset>-<n>}
         * with those annotations (and the grown size, if any), since a StatefulSet's claim templates cannot
         * change. Refused when the app's own class has another driver. The storage allows one change per
         * volume in six hours (EBS); see {@link VolumeTier}. Replicas added later start at the class's tier.
         *
         * @default no change
         */
        public Builder changeTier(String template, VolumeTier tier) {
            return putTiers(template, tier);
        }

        /** Convenience for {@link #imageVolumes(Iterable)}. */
        public Builder imageVolumes(ImageVolume... imageVolumes) {
            return imageVolumes(List.of(imageVolumes));
        }
    }
}
