package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;

import java.util.List;

/**
 * One volume of a {@link DataPipelineStorage}, e.g. a stage of the pipeline ({@code raw},
 * {@code features}, {@code checkpoints}) or a dataset shared by many pods. Required: {@code name} and
 * {@code size}; everything else has a default documented on its builder method.
 *
 * <p>With an existing {@code volume} the storage makes a PersistentVolume on it and a claim bound to
 * exactly that volume; without one, only a claim, and the class's provisioner creates the volume
 * (dynamic provisioning: EBS, GCE PD and Azure Disk always, EFS with a file system, NFS with a server).
 *
 * <p>{@code readOnly(true)} is for a dataset that consumers must not change: the existing volume is
 * published read-only to every pod (the CSI source's {@code readOnly}) and the claim is
 * {@code ReadOnlyMany} by default, so any number of nodes can mount it. Pods that should only read a
 * writable volume mount its claim read-only instead: see {@link DataPipelineStorage#podVolume}.
 */
public final class PipelineVolume {
    private final String name;
    private final String size;
    private final List<AccessMode> accessModes;
    private final VolumeMode volumeMode;
    private final PreProvisionedVolume volume;
    private final StorageClassSpec storageClass;
    private final String claimName;
    private final String persistentVolumeName;
    private final boolean readOnly;

    private PipelineVolume(Builder b) {
        this.name = b.name;
        this.size = b.size;
        this.accessModes = b.accessModes == null ? null : List.copyOf(b.accessModes);
        this.volumeMode = b.volumeMode;
        this.volume = b.volume;
        this.storageClass = b.storageClass;
        this.claimName = b.claimName;
        this.persistentVolumeName = b.persistentVolumeName;
        this.readOnly = b.readOnly;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The volume's name within the storage. */
    public String name() {
        return name;
    }

    /** The size of the claim (and of the PersistentVolume on an existing volume). */
    public String size() {
        return size;
    }

    /** The access modes as given; {@code null} when left to the default. */
    public List<AccessMode> accessModes() {
        return accessModes;
    }

    /** File system or block device. */
    public VolumeMode volumeMode() {
        return volumeMode;
    }

    /** The existing volume, or {@code null} for a dynamically provisioned one. */
    public PreProvisionedVolume volume() {
        return volume;
    }

    /** The volume's own class, or {@code null} for the storage's class. */
    public StorageClassSpec storageClass() {
        return storageClass;
    }

    /** The claim name as given, or {@code null} for the default. */
    public String claimName() {
        return claimName;
    }

    /** The PersistentVolume name as given, or {@code null} for the default. */
    public String persistentVolumeName() {
        return persistentVolumeName;
    }

    /** Whether the volume is published read-only. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Builder for {@link PipelineVolume}. */
    public static final class Builder {
        private String name;
        private String size;
        private List<AccessMode> accessModes;
        private VolumeMode volumeMode = VolumeMode.FILESYSTEM;
        private PreProvisionedVolume volume;
        private StorageClassSpec storageClass;
        private String claimName;
        private String persistentVolumeName;
        private boolean readOnly;

        /** Required. The volume's name, a DNS-1123 label, e.g. {@code raw-events}; unique within the storage. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Required. Size of the claim and of the PersistentVolume on an existing volume, e.g.
         * {@code 500Gi}. EFS and NFS do not enforce it.
         */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * Default {@code [ReadWriteOnce]}, or {@code [ReadOnlyMany]} for a {@link #readOnly(boolean)}
         * volume; the class's backend must be able to give every mode. A new (dynamically provisioned)
         * volume needs a mode that writes: it starts empty.
         */
        public Builder accessModes(List<AccessMode> accessModes) {
            this.accessModes = accessModes;
            return this;
        }

        /** Default {@link VolumeMode#FILESYSTEM}; {@code BLOCK} only on block disks (EBS, GCE PD, Azure Disk, local). */
        public Builder volumeMode(VolumeMode volumeMode) {
            this.volumeMode = volumeMode;
            return this;
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
