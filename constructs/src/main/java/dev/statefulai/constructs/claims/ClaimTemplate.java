package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import java.util.List;
import java.util.Map;

/**
 * One entry of a StatefulSet's {@code volumeClaimTemplates}: every replica gets its own {@link Claim},
 * named {@code <template>-<statefulset>-<ordinal>}, mounted at {@link #mountPath()}.
 *
 * <p>Defaults: access mode {@code ReadWriteOnce}, volume mode {@code Filesystem}, storage class: the
 * app's own StorageClass when it has one, otherwise the cluster's default class.
 *
 * <p>Instead of one claim per replica, a template can stand for <em>one claim shared by every
 * replica</em>: a claim the app creates ({@link Builder#shared}, named {@code <template>-<statefulset>})
 * or one that already exists ({@link Builder#existingClaim}). Replicas mount a shared claim
 * read-only; with more than one replica it must be {@code ReadWriteMany} or {@code ReadOnlyMany}
 * (a {@code ReadWriteOnce} volume attaches to one node: replicas elsewhere fail with Multi-Attach).
 */
public final class ClaimTemplate {
    private static final String SPEC_SET_ALREADY = "none for an existing claim: its spec was set when it was created";

    private final Claim claim;
    private final String mountPath;
    private final boolean readOnly;
    private final String subPath;
    private final String existingClaim;
    private final boolean shared;

    private ClaimTemplate(Builder b) {
        String construct = "ClaimTemplate '" + b.name + "'";
        Validate.dnsLabel(construct, "name", b.name);
        this.mountPath = Validate.absolutePath(construct, "mountPath", b.mountPath);
        this.existingClaim = b.existingClaim == null ? null : Validate.dnsSubdomain(construct, "existingClaim", b.existingClaim);
        if (existingClaim != null) {
            refuseBesideExistingClaim(construct, b);
        }
        this.claim = new Claim(b, construct, "", existingClaim == null, List.of(AccessMode.READ_WRITE_ONCE));
        this.readOnly = b.readOnly;
        this.subPath = b.subPath == null ? null : Validate.relativePath(construct, "subPath", b.subPath);
        if (subPath != null && claim.volumeMode() == VolumeMode.BLOCK) {
            Refusals.refuse(new InvalidPropsException(construct, "subPath", subPath, "none on a Block volume, which is a device, not a file system"));
        }
        this.shared = b.shared || existingClaim != null;
    }

    /** Only access modes and volume mode describe an existing claim: the rest of its spec is the claim's own. */
    private static void refuseBesideExistingClaim(String construct, Builder b) {
        if (b.shared) {
            Refusals.refuse(new InvalidPropsException(construct, "shared", true, "false with existingClaim, which is shared already"));
        }
        if (b.storageClassName != null) {
            Refusals.refuse(new InvalidPropsException(construct, "storageClassName", b.storageClassName, SPEC_SET_ALREADY));
        }
        if (b.volumeAttributesClassName != null) {
            Refusals.refuse(new InvalidPropsException(construct, "volumeAttributesClassName", b.volumeAttributesClassName, SPEC_SET_ALREADY));
        }
        if (b.volumeName != null) {
            Refusals.refuse(new InvalidPropsException(construct, "volumeName", b.volumeName, SPEC_SET_ALREADY));
        }
        if (!b.selector.isEmpty()) {
            Refusals.refuse(new InvalidPropsException(construct, "selector", b.selector.toString(), SPEC_SET_ALREADY));
        }
        if (b.dataSource != null) {
            Refusals.refuse(new InvalidPropsException(construct, "dataSource", b.dataSource.name(), SPEC_SET_ALREADY));
        }
        if (!b.labels.isEmpty() || !b.annotations.isEmpty()) {
            Refusals.refuse(new InvalidPropsException(construct, b.labels.isEmpty() ? "annotations" : "labels",
                    (b.labels.isEmpty() ? b.annotations : b.labels).toString(), SPEC_SET_ALREADY));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code builder().name(name).mountPath(mountPath).size(size).build()}: the common one-line template. */
    public static ClaimTemplate of(String name, String mountPath, String size) {
        return builder().name(name).mountPath(mountPath).size(size).build();
    }

    /** The claim each replica gets (or the one every replica shares). */
    public Claim claim() {
        return claim;
    }

    /** The template name; also the pod volume name. */
    public String name() {
        return claim.name();
    }

    /** Where the volume appears in the container (the device path for {@link VolumeMode#BLOCK}). */
    public String mountPath() {
        return mountPath;
    }

    /** Whether the container mounts the volume read-only. */
    public boolean readOnly() {
        return readOnly;
    }

    /** A sub-directory of the volume to mount instead of its root; {@code null} for the root. */
    public String subPath() {
        return subPath;
    }

    /** The existing claim this template mounts, or {@code null}. */
    public String existingClaim() {
        return existingClaim;
    }

    /** Whether every replica mounts one claim (an existing one, or one the app creates). */
    public boolean isShared() {
        return shared;
    }

    /** Builder for {@link ClaimTemplate}: the claim's props ({@link ClaimBuilder}) and where replicas mount it. */
    public static final class Builder extends ClaimBuilder<Builder> {
        private String mountPath;
        private boolean readOnly;
        private String subPath;
        private String existingClaim;
        private boolean shared;

        private Builder() {
        }

        /** Required. Absolute path in the container (device path for block volumes). */
        public Builder mountPath(String mountPath) {
            this.mountPath = mountPath;
            return this;
        }

        /**
         * Default: the app's own StorageClass if it has one, otherwise the cluster's default class. The
         * empty string {@code ""} means "no class": the claim binds only a pre-provisioned PersistentVolume
         * without a class (use {@link #volumeName} or {@link #selector} to pick it).
         */
        public Builder storageClassName(String storageClassName) {
            this.storageClassName = storageClassName;
            return this;
        }

        /** Bind the PersistentVolume of this name (pre-provisioned). Only for a shared claim or one replica. Default none. */
        public Builder volumeName(String volumeName) {
            this.volumeName = volumeName;
            return this;
        }

        /** Bind only PersistentVolumes with these labels ({@code selector.matchLabels}). Default none. */
        public Builder selector(Map<String, String> matchLabels) {
            this.selector = matchLabels;
            return this;
        }

        /** Mount read-only. Default {@code false}. */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /** Mount a sub-directory of the volume: a relative path without {@code ..}. Default: the volume's root. */
        public Builder subPath(String subPath) {
            this.subPath = subPath;
            return this;
        }

        /**
         * Mount this existing claim (in the app's namespace) in every replica instead of creating claims.
         * Only access modes and volume mode are still read from the template (say what the claim has: the
         * app checks them); size is optional and class, volume name, selector, data source, labels and
         * annotations are refused. Default none.
         */
        public Builder existingClaim(String claimName) {
            this.existingClaim = claimName;
            return this;
        }

        /**
         * Create one claim, {@code <template>-<statefulset>}, that every replica mounts, instead of one claim
         * per replica. Default {@code false}.
         */
        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        public ClaimTemplate build() {
            return new ClaimTemplate(this);
        }
    }
}
