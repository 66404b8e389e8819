package dev.statefulai.constructs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of a StatefulSet's {@code volumeClaimTemplates}: every replica gets its own claim, named
 * {@code <template>-<statefulset>-<ordinal>}, mounted at {@link #mountPath()}.
 *
 * <p>Defaults: access mode {@code ReadWriteOnce}, volume mode {@code Filesystem}, storage class: the
 * app's own StorageClass when it has one, otherwise the cluster's default class.
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

    private ClaimTemplate(Builder b) {
        String construct = "ClaimTemplate '" + b.name + "'";
        this.name = Validate.dnsLabel(construct, "name", b.name);
        this.mountPath = Validate.absolutePath(construct, "mountPath", b.mountPath);
        this.size = Validate.size(construct, "size", b.size);
        Validate.nonEmpty(construct, "accessModes", b.accessModes, "one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod");
        this.accessModes = List.copyOf(new LinkedHashSet<>(b.accessModes));
        if (b.storageClassName != null && !b.storageClassName.isEmpty()) {
            Validate.dnsSubdomain(construct, "storageClassName", b.storageClassName);
        }
        this.storageClassName = b.storageClassName;
        this.volumeMode = b.volumeMode;
        if (volumeMode == VolumeMode.BLOCK && accessModes.contains(AccessMode.READ_WRITE_MANY)) {
            throw new InvalidPropsException(construct, "accessModes", "ReadWriteMany",
                    "ReadWriteOnce or ReadWriteOncePod on a Block volume: two nodes writing one raw block device corrupt it");
        }
        this.readOnly = b.readOnly;
        this.subPath = b.subPath;
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

    /** The requested size, a Kubernetes quantity. */
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

        /** Required. Size of each replica's volume, e.g. {@code 100Gi}. */
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

        /** Default: the app's own StorageClass if it has one, otherwise the cluster's default class. */
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

        /** Mount a sub-directory of the volume. Default: the volume's root. */
        public Builder subPath(String subPath) {
            this.subPath = subPath;
            return this;
        }

        public ClaimTemplate build() {
            return new ClaimTemplate(this);
        }
    }
}
