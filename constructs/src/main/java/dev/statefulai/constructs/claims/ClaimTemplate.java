package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a StatefulSet's {@code volumeClaimTemplates}: every replica gets its own claim, named
 * {@code <template>-<statefulset>-<ordinal>}, mounted at {@link #mountPath()}.
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
    private final String name;
    private final String mountPath;
    private final String size;
    private final List<AccessMode> accessModes;
    private final String storageClassName;
    private final VolumeMode volumeMode;
    private final boolean readOnly;
    private final String subPath;
    private final String existingClaim;
    private final boolean shared;
    private final String volumeName;
    private final Map<String, String> selector;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final DataSource dataSource;

    /**
     * Where a new claim's data comes from: a {@code VolumeSnapshot} to restore or a claim to clone (both
     * in the claim's namespace; a clone needs the same class and at least the source's size).
     *
     * @param apiGroup {@code snapshot.storage.k8s.io} for snapshots, {@code null} for claims
     * @param kind     {@code VolumeSnapshot} or {@code PersistentVolumeClaim}
     * @param name     the snapshot's or claim's name
     */
    public record DataSource(String apiGroup, String kind, String name) {
    }

    private ClaimTemplate(Builder b) {
        String construct = "ClaimTemplate '" + b.name + "'";
        this.name = Validate.dnsLabel(construct, "name", b.name);
        this.mountPath = Validate.absolutePath(construct, "mountPath", b.mountPath);
        this.existingClaim = b.existingClaim == null ? null : Validate.dnsSubdomain(construct, "existingClaim", b.existingClaim);
        if (existingClaim != null) {
            String already = "none for an existing claim: its spec was set when it was created";
            if (b.shared) {
                Refusals.refuse(new InvalidPropsException(construct, "shared", true, "false with existingClaim, which is shared already"));
            }
            if (b.storageClassName != null) {
                Refusals.refuse(new InvalidPropsException(construct, "storageClassName", b.storageClassName, already));
            }
            if (b.volumeName != null) {
                Refusals.refuse(new InvalidPropsException(construct, "volumeName", b.volumeName, already));
            }
            if (!b.selector.isEmpty()) {
                Refusals.refuse(new InvalidPropsException(construct, "selector", b.selector.toString(), already));
            }
            if (b.dataSource != null) {
                Refusals.refuse(new InvalidPropsException(construct, "dataSource", b.dataSource.name(), already));
            }
            if (!b.labels.isEmpty() || !b.annotations.isEmpty()) {
                Refusals.refuse(new InvalidPropsException(construct, b.labels.isEmpty() ? "annotations" : "labels",
                        (b.labels.isEmpty() ? b.annotations : b.labels).toString(), already));
            }
        }
        this.size = existingClaim != null && b.size == null ? null : Validate.size(construct, "size", b.size);
        Validate.nonEmpty(construct, "accessModes", b.accessModes, "one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod");
        this.accessModes = List.copyOf(new LinkedHashSet<>(b.accessModes));
        if (b.storageClassName != null && !b.storageClassName.isEmpty()) {
            Validate.dnsSubdomain(construct, "storageClassName", b.storageClassName);
        }
        this.storageClassName = b.storageClassName;
        this.volumeMode = b.volumeMode;
        if (volumeMode == VolumeMode.BLOCK && accessModes.contains(AccessMode.READ_WRITE_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, "accessModes", "ReadWriteMany",
                    "ReadWriteOnce or ReadWriteOncePod on a Block volume: two nodes writing one raw block device corrupt it"));
        }
        this.readOnly = b.readOnly;
        this.subPath = b.subPath == null ? null : Validate.relativePath(construct, "subPath", b.subPath);
        if (subPath != null && volumeMode == VolumeMode.BLOCK) {
            Refusals.refuse(new InvalidPropsException(construct, "subPath", subPath, "none on a Block volume, which is a device, not a file system"));
        }
        this.shared = b.shared || existingClaim != null;
        this.volumeName = b.volumeName == null ? null : Validate.dnsSubdomain(construct, "volumeName", b.volumeName);
        this.selector = new TreeMap<>(Validate.labels(construct, "selector", b.selector, false));
        this.labels = new TreeMap<>(Validate.labels(construct, "labels", b.labels, false));
        this.annotations = new TreeMap<>(Validate.labels(construct, "annotations", b.annotations, true));
        if (b.dataSource != null) {
            Validate.dnsSubdomain(construct, "dataSource", b.dataSource.name());
        }
        this.dataSource = b.dataSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The template name; also the pod volume name. */
    public String name() {
        return name;
    }

    /** Where the volume appears in the container (the device path for {@link VolumeMode#BLOCK}). */
    public String mountPath() {
        return mountPath;
    }

    /** The requested size, a Kubernetes quantity; {@code null} for an existing claim given without one. */
    public String size() {
        return size;
    }

    /** The requested access modes, in the order given. */
    public List<AccessMode> accessModes() {
        return accessModes;
    }

    /** The requested storage class; {@code null} means "the app's own class, or the cluster default". */
    public String storageClassName() {
        return storageClassName;
    }

    public VolumeMode volumeMode() {
        return volumeMode;
    }

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

    /** The PersistentVolume the claim binds to by name, or {@code null}. */
    public String volumeName() {
        return volumeName;
    }

    /** Labels a PersistentVolume must carry for the claim to bind it ({@code selector.matchLabels}); empty for any. */
    public Map<String, String> selector() {
        return selector;
    }

    /** Extra labels on the claims, sorted. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Annotations on the claims, sorted. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** The snapshot or claim a new claim is filled from, or {@code null}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether the template asks for a node-exclusive mode only (no {@code ReadWriteMany} or {@code ReadOnlyMany}). */
    public boolean isSingleNode() {
        return accessModes.stream().noneMatch(AccessMode::isShared);
    }

    /** The Kubernetes spelling of the access modes. */
    public List<String> accessModeValues() {
        List<String> values = new ArrayList<>();
        accessModes.forEach(m -> values.add(m.value()));
        return values;
    }

    /** Builder for {@link ClaimTemplate}. */
    public static final class Builder {
        private String name;
        private String mountPath;
        private String size;
        private List<AccessMode> accessModes = List.of(AccessMode.READ_WRITE_ONCE);
        private String storageClassName;
        private VolumeMode volumeMode = VolumeMode.FILESYSTEM;
        private boolean readOnly;
        private String subPath;
        private String existingClaim;
        private boolean shared;
        private String volumeName;
        private Map<String, String> selector = Map.of();
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private DataSource dataSource;

        /** Required. A DNS-1123 label, e.g. {@code data} or {@code model-cache}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Required. Absolute path in the container (device path for block volumes). */
        public Builder mountPath(String mountPath) {
            this.mountPath = mountPath;
            return this;
        }

        /** Required, except with {@link #existingClaim}. Size of each replica's volume, e.g. {@code 100Gi}. */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /** Default {@code [ReadWriteOnce]}. */
        public Builder accessModes(List<AccessMode> accessModes) {
            this.accessModes = accessModes;
            return this;
        }

        /** Convenience for {@link #accessModes(List)}. */
        public Builder accessModes(AccessMode... accessModes) {
            return accessModes(List.of(accessModes));
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

        /** Default {@link VolumeMode#FILESYSTEM}. */
        public Builder volumeMode(VolumeMode volumeMode) {
            this.volumeMode = volumeMode;
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

        /** Extra labels on the claims (beyond {@code app.kubernetes.io/name}). Default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        /** Annotations on the claims. Default none. */
        public Builder annotations(Map<String, String> annotations) {
            this.annotations = annotations;
            return this;
        }

        /**
         * Create each new claim from this {@code VolumeSnapshot} (CSI snapshots, same namespace). Replaces
         * {@link #cloneFromClaim}. Default: an empty volume.
         */
        public Builder restoreFromSnapshot(String snapshotName) {
            this.dataSource = new DataSource("snapshot.storage.k8s.io", "VolumeSnapshot", snapshotName);
            return this;
        }

        /**
         * Create each new claim as a clone of this claim (same namespace, same class, at least its size),
         * e.g. a cache filled once. Replaces {@link #restoreFromSnapshot}. Default: an empty volume.
         */
        public Builder cloneFromClaim(String claimName) {
            this.dataSource = new DataSource(null, "PersistentVolumeClaim", claimName);
            return this;
        }

        public ClaimTemplate build() {
            return new ClaimTemplate(this);
        }
    }
}
