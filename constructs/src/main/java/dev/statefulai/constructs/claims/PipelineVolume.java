package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;

/**
 * One volume of a data pipeline's storage, e.g. a stage ({@code raw}, {@code features},
 * {@code checkpoints}) or a dataset shared by many pods: a {@link Claim}, and the volume and class
 * behind it. Required: {@code name} and {@code size}; everything else has a default documented on its
 * builder method.
 *
 * <p>With an existing {@code volume} the storage makes a PersistentVolume on it and a claim bound to
 * exactly that volume; without one, only a claim, and the class's provisioner creates the volume
 * (dynamic provisioning: EBS, GCE PD and Azure Disk always, EFS with a file system, NFS with a server),
 * optionally restored from a snapshot or cloned from a claim.
 *
 * <p>{@code readOnly(true)} is for a dataset that consumers must not change: the existing volume is
 * published read-only to every pod (the CSI source's {@code readOnly}) and the claim is
 * {@code ReadOnlyMany} by default, so any number of nodes can mount it. Pods that should only read a
 * writable volume mount its claim read-only instead ({@code DataPipelineStorage.podVolume}).
 *
 * <p>The claim's props are checked by the storage, whose messages name them as {@code volumes[i].<prop>}.
 */
public final class PipelineVolume {
    private final Builder props;

    private PipelineVolume(Builder b) {
        this.props = b.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The name as given (checked with the claim). */
    public String name() {
        return props.name;
    }

    /**
     * The volume's claim, checked; refusals name {@code construct} and the props as {@code prefix} + name.
     * Its default access mode is {@code ReadOnlyMany} for a read-only volume, else {@code ReadWriteOnce}.
     */
    public Claim claim(String construct, String prefix) {
        if (props.volume != null && props.volumeAttributesClassName != null) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volumeAttributesClassName", props.volumeAttributesClassName,
                    "none on a claim bound to an existing volume: only a volume the class's driver provisions is modified through its claim here"));
        }
        return new Claim(props, construct, prefix, true,
                List.of(props.readOnly ? AccessMode.READ_ONLY_MANY : AccessMode.READ_WRITE_ONCE));
    }

    /** The existing volume, or {@code null} for a new one from the class's provisioner. */
    public PreProvisionedVolume volume() {
        return props.volume;
    }

    /** The volume's own class, or {@code null} for the storage's class. */
    public StorageClassSpec storageClass() {
        return props.storageClass;
    }

    /** The claim name as given, or {@code null} for the volume's name. */
    public String claimName() {
        return props.claimName;
    }

    /** The PersistentVolume name as given, or {@code null} for the default. */
    public String persistentVolumeName() {
        return props.persistentVolumeName;
    }

    /** Whether the existing volume is published read-only. */
    public boolean readOnly() {
        return props.readOnly;
    }

    /** Builder for {@link PipelineVolume}: the claim's props ({@link ClaimBuilder}) and the volume behind it. */
    public static final class Builder extends ClaimBuilder<Builder> {
        private PreProvisionedVolume volume;
        private StorageClassSpec storageClass;
        private String claimName;
        private String persistentVolumeName;
        private boolean readOnly;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.name = name;
            c.size = size;
            c.accessModes = accessModes == null ? null : List.copyOf(accessModes);
            c.volumeMode = volumeMode;
            c.labels = labels;
            c.annotations = annotations;
            c.dataSource = dataSource;
            c.volumeAttributesClassName = volumeAttributesClassName;
            c.volume = volume;
            c.storageClass = storageClass;
            c.claimName = claimName;
            c.persistentVolumeName = persistentVolumeName;
            c.readOnly = readOnly;
            return c;
        }

        /**
         * The existing volume, e.g. {@code AwsEfs.staticVolumes().existingVolume("fs-...::fsap-...")}.
         * Default none: the class's provisioner creates a new volume for the claim.
         */
        public Builder volume(PreProvisionedVolume volume) {
            this.volume = volume;
            return this;
        }

        /**
         * A class of the volume's own, e.g. an EFS class for a shared dataset in a storage whose other
         * volumes are on EBS. Default: the storage's class. Classes are created once per name.
         */
        public Builder storageClass(StorageClassSpec storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /** Name of the claim pods mount, a DNS-1123 subdomain. Default: the volume's {@code name}. */
        public Builder claimName(String claimName) {
            this.claimName = claimName;
            return this;
        }

        /** Name of the PersistentVolume on an existing volume (cluster-wide). Default {@code <namespace>-<name>}. */
        public Builder persistentVolumeName(String persistentVolumeName) {
            this.persistentVolumeName = persistentVolumeName;
            return this;
        }

        /**
         * Publish the existing volume read-only to every pod that mounts it; needs an existing
         * {@code volume} that can be published read-only (the CSI volumes of every backend here). Default
         * {@code false}.
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public PipelineVolume build() {
            return new PipelineVolume(this);
        }
    }
}
