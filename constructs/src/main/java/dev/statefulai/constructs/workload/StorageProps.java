package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.imagevolume.ImageVolume;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.tier.VolumeTier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link StatefulAIApp} does for its claim templates beyond declaring them: its own
 * StorageClass and pre-provisioned volumes, what happens to the claims when replicas go, growing them,
 * filling a cache, and giving volumes to the app's user. Every prop is optional.
 */
public final class StorageProps {
    private final StorageClassSpec storageClass;
    private final List<PreProvisionedVolume> persistentVolumes;
    private final String persistentVolumeCapacity;
    private final ReclaimPolicy claimRetentionWhenDeleted;
    private final ReclaimPolicy claimRetentionWhenScaled;
    private final Map<String, String> growClaims;
    private final Map<String, VolumeTier> tiers;
    private final CacheFill cacheFill;
    private final boolean chownVolumes;
    private final String chownImage;
    private final List<ImageVolume> imageVolumes;

    private StorageProps(Builder b) {
        this.storageClass = b.storageClass;
        this.persistentVolumes = List.copyOf(b.persistentVolumes);
        this.persistentVolumeCapacity = b.persistentVolumeCapacity;
        this.claimRetentionWhenDeleted = b.claimRetentionWhenDeleted;
        this.claimRetentionWhenScaled = b.claimRetentionWhenScaled;
        this.growClaims = new LinkedHashMap<>(b.growClaims);
        this.tiers = new LinkedHashMap<>(b.tiers);
        this.cacheFill = b.cacheFill;
        this.chownVolumes = b.chownVolumes;
        this.chownImage = b.chownImage;
        this.imageVolumes = List.copyOf(b.imageVolumes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: no class or volumes of the app's own, claims retained, no growth, fill or chown. */
    public static StorageProps defaults() {
        return builder().build();
    }

    public StorageClassSpec storageClass() {
        return storageClass;
    }

    public List<PreProvisionedVolume> persistentVolumes() {
        return persistentVolumes;
    }

    /** The capacity given, or {@code null} for the default. */
    public String persistentVolumeCapacity() {
        return persistentVolumeCapacity;
    }

    public ReclaimPolicy claimRetentionWhenDeleted() {
        return claimRetentionWhenDeleted;
    }

    public ReclaimPolicy claimRetentionWhenScaled() {
        return claimRetentionWhenScaled;
    }

    /** The sizes to grow templates' claims to, by template, in the order given. */
    public Map<String, String> growClaims() {
        return growClaims;
    }

    /** The tiers to move templates' replica claims to, by template, in the order given. */
    public Map<String, VolumeTier> tiers() {
        return tiers;
    }

    public CacheFill cacheFill() {
        return cacheFill;
    }

    public boolean chownVolumes() {
        return chownVolumes;
    }

    public String chownImage() {
        return chownImage;
    }

    /** The images mounted read-only, in the order given. */
    public List<ImageVolume> imageVolumes() {
        return imageVolumes;
    }

    /** Builder for {@link StorageProps}. */
    public static final class Builder {
        private StorageClassSpec storageClass;
        private List<PreProvisionedVolume> persistentVolumes = List.of();
        private String persistentVolumeCapacity;
        private ReclaimPolicy claimRetentionWhenDeleted = ReclaimPolicy.RETAIN;
        private ReclaimPolicy claimRetentionWhenScaled = ReclaimPolicy.RETAIN;
        private final Map<String, String> growClaims = new LinkedHashMap<>();
        private final Map<String, VolumeTier> tiers = new LinkedHashMap<>();
        private CacheFill cacheFill;
        private boolean chownVolumes;
        private String chownImage = CacheFill.BUSYBOX_IMAGE;
        private List<ImageVolume> imageVolumes = List.of();

        private Builder() {
        }

        /**
         * A StorageClass to create for this app; claim templates without an explicit class use it.
         *
         * @default none: claims use the class they name, or the cluster's default class
         */
        public Builder storageClass(StorageClassSpec storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /**
         * Volumes that already exist (local disks on given nodes, existing cloud disks), each made into a
         * PersistentVolume of the app's own StorageClass. Requires {@link #storageClass}.
         *
         * @default none
         */
        public Builder persistentVolumes(List<PreProvisionedVolume> persistentVolumes) {
            this.persistentVolumes = persistentVolumes;
            return this;
        }

        /**
         * Capacity of each pre-provisioned PersistentVolume.
         *
         * @default the size of the largest claim template that uses the app's StorageClass, so that every claim on the class fits
         */
        public Builder persistentVolumeCapacity(String capacity) {
            this.persistentVolumeCapacity = capacity;
            return this;
        }

        /**
         * What happens to the replicas' claims when the StatefulSet is deleted and when it is scaled down.
         *
         * @default {@code Retain} for both: data outlives the pods
         */
        public Builder claimRetention(ReclaimPolicy whenDeleted, ReclaimPolicy whenScaled) {
            this.claimRetentionWhenDeleted = whenDeleted;
            this.claimRetentionWhenScaled = whenScaled;
            return this;
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
            this.growClaims.put(template, size);
            return this;
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
            this.tiers.put(template, tier);
            return this;
        }

        /**
         * An init container that fills a claim's volume (a model cache) from S3, HTTP(S), Hugging Face or
         * another claim before the server starts, and skips when the volume already holds that source.
         * See {@link CacheFill}.
         *
         * @default none
         */
        public Builder cacheFill(CacheFill fill) {
            this.cacheFill = fill;
            return this;
        }

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
        public Builder chownVolumes(boolean enabled) {
            this.chownVolumes = enabled;
            return this;
        }

        /**
         * Image of {@link #chownVolumes}: needs {@code sh}, {@code stat} and {@code chown}.
         *
         * @default {@value CacheFill#BUSYBOX_IMAGE}
         */
        public Builder chownImage(String image) {
            this.chownImage = image;
            return this;
        }

        /**
         * OCI images or artifacts mounted read-only into the main container (model weights delivered through a
         * registry), each an image volume ({@link ImageVolume}). Refused unless the environment's cluster has the
         * ImageVolume feature gate (Kubernetes 1.31+, off by default before 1.35).
         *
         * @default none
         */
        public Builder imageVolumes(List<ImageVolume> imageVolumes) {
            this.imageVolumes = imageVolumes;
            return this;
        }

        /** Convenience for {@link #imageVolumes(List)}. */
        public Builder imageVolumes(ImageVolume... imageVolumes) {
            return imageVolumes(List.of(imageVolumes));
        }

        public StorageProps build() {
            return new StorageProps(this);
        }
    }
}
