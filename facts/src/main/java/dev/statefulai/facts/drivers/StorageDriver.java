package dev.statefulai.facts.drivers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the project knows of one storage driver (a StorageClass {@code provisioner}): the one place
 * the constructs, the values checks, the safety gate and the README take it from. Each entry cites
 * the driver's own documentation of its parameters ({@link #docs()}).
 *
 * @param name                a short human name for messages, e.g. {@code AWS EBS}
 * @param provisioner         the StorageClass {@code provisioner}
 * @param csiDriver           the CSI driver name (a PV's {@code spec.csi.driver}); null for in-tree and no provisioner
 * @param replacedBy          for a retired in-tree provisioner, the CSI driver that took its place; otherwise null
 * @param inTreeVolumeSource  for a retired in-tree provisioner, its PersistentVolume source field; otherwise null
 * @param attachment          how volumes reach a pod's node
 * @param accessModes         the access modes a volume can be mounted with ({@link Modes})
 * @param volumeModes         {@code Filesystem} and, where the driver gives raw devices, {@code Block}
 * @param parameters          the StorageClass parameters the driver documents
 * @param encryption          whether and how volumes are encrypted at rest
 * @param expansion           whether bound claims can grow
 * @param capabilities        what the driver can do: create volumes for claims, snapshots, clones, ReadOnlyMany from snapshots
 * @param placement           where a volume can be used, as node labels say it
 * @param topologyKey         the topology key the driver reports and {@code allowedTopologies} names; null for none
 * @param volumeHandle        the shape of the volume handle (in-tree: volume id) of an existing volume; null when any unique text does
 * @param docs                the page that documents the driver's StorageClass parameters
 * @param bucketMount         for {@link Attachment#OBJECT_STORAGE}, how a bucket is mounted; otherwise null
 */
public record StorageDriver(String name, String provisioner, String csiDriver, String replacedBy, String inTreeVolumeSource,
                            Attachment attachment, List<String> accessModes, List<String> volumeModes, List<Parameter> parameters,
                            Encryption encryption, Expansion expansion, Set<Capability> capabilities,
                            Placement placement, String topologyKey, Format volumeHandle, String docs, BucketMount bucketMount) {

    public StorageDriver {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(attachment, name + ": attachment");
        Objects.requireNonNull(encryption, name + ": encryption");
        Objects.requireNonNull(expansion, name + ": expansion");
        Objects.requireNonNull(placement, name + ": placement");
        Objects.requireNonNull(docs, name + ": docs");
        accessModes = List.copyOf(accessModes);
        volumeModes = List.copyOf(volumeModes);
        parameters = List.copyOf(parameters);
        capabilities = Collections.unmodifiableSet(capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
        if (!Modes.ACCESS_MODES.containsAll(accessModes) || accessModes.isEmpty()) {
            throw new IllegalArgumentException(name + ": access modes " + accessModes + " are not among " + Modes.ACCESS_MODES);
        }
        if (!Modes.VOLUME_MODES.containsAll(volumeModes) || !volumeModes.contains(Modes.FILESYSTEM)) {
            throw new IllegalArgumentException(name + ": volume modes " + volumeModes + " must hold Filesystem, and only " + Modes.VOLUME_MODES);
        }
        if (parameters.stream().map(Parameter::key).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException(name + ": a parameter is listed twice");
        }
        if ((attachment == Attachment.OBJECT_STORAGE) != (bucketMount != null)) {
            throw new IllegalArgumentException(name + ": a bucket mount is given for object storage, and only then");
        }
        if (capabilities.contains(Capability.READ_ONLY_MANY_FROM_SNAPSHOTS)
                && !(capabilities.contains(Capability.SNAPSHOTS) && accessModes.contains(Modes.READ_ONLY_MANY))) {
            throw new IllegalArgumentException(name + ": ReadOnlyMany volumes from snapshots need snapshots and ReadOnlyMany");
        }
    }

    /** A CSI driver, whose provisioner and driver name are the same, giving volumes by {@code attachment}. */
    public static Builder csi(String name, String driver, Attachment attachment) {
        return new Builder(name, driver, driver, attachment);
    }

    /** A provisioner that is no CSI driver (the no-provisioner of local volumes), giving volumes by {@code attachment}. */
    public static Builder provisioner(String name, String provisioner, Attachment attachment) {
        return new Builder(name, provisioner, null, attachment);
    }

    /**
     * A retired in-tree provisioner. Since the in-tree code is gone, its classes and volumes work only
     * through CSI migration to {@code replacement}: they give what the replacement gives (access and
     * volume modes, placement, expansion), but no snapshots or clones, which migration does not carry.
     */
    public static Builder retired(String name, String provisioner, String volumeSource, StorageDriver replacement) {
        Builder b = new Builder(name, provisioner, null, replacement.attachment());
        b.replacedBy = replacement.provisioner();
        b.inTreeVolumeSource = volumeSource;
        b.accessModes = replacement.accessModes();
        b.volumeModes = replacement.volumeModes();
        b.expansion = replacement.expansion();
        b.placement = replacement.placement();
        b.topologyKey = Placement.ZONE.nodeLabel().orElseThrow();
        b.volumeHandle = replacement.volumeHandle();
        return b;
    }

    /** Whether the driver can do {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** Whether the driver takes CSI volume snapshots ({@link Capability#SNAPSHOTS}). */
    public boolean snapshots() { return has(Capability.SNAPSHOTS); }

    /** Whether a claim can be a clone of another ({@link Capability#CLONES}). */
    public boolean clones() { return has(Capability.CLONES); }

    /** Whether the driver creates volumes for claims ({@link Capability#DYNAMIC_PROVISIONING}); false: pre-provisioned only. */
    public boolean dynamicProvisioning() { return has(Capability.DYNAMIC_PROVISIONING); }

    /** Whether a volume restored from a snapshot can be ReadOnlyMany ({@link Capability#READ_ONLY_MANY_FROM_SNAPSHOTS}). */
    public boolean readOnlyManyFromSnapshots() { return has(Capability.READ_ONLY_MANY_FROM_SNAPSHOTS); }

    /** Whether this is a retired in-tree provisioner. */
    public boolean isRetired() {
        return replacedBy != null;
    }

    /** The CSI driver that replaced this retired provisioner. */
    public Optional<String> replacement() {
        return Optional.ofNullable(replacedBy);
    }

    /** The parameter named {@code key}. */
    public Optional<Parameter> parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Whether a volume can be mounted with {@code accessMode} (Kubernetes spelling). */
    public boolean gives(String accessMode) {
        return accessModes.contains(accessMode);
    }

    /** Whether volumes can be raw block devices ({@code volumeMode: Block}). */
    public boolean givesBlockVolumes() {
        return volumeModes.contains(Modes.BLOCK);
    }

    /** How a bucket is mounted, for a driver of object storage. */
    public Optional<BucketMount> bucket() {
        return Optional.ofNullable(bucketMount);
    }

    /**
     * Builder for {@link StorageDriver}, started from what the driver is (name, provisioner, CSI driver, attachment);
     * each entry states every other fact but the defaults noted here.
     */
    public static final class Builder {
        private final String name;
        private final String provisioner;
        private final String csiDriver;
        private final Attachment attachment;
        private String replacedBy;
        private String inTreeVolumeSource;
        private List<String> accessModes = List.of();
        private List<String> volumeModes = List.of(Modes.FILESYSTEM, Modes.BLOCK);
        private final List<Parameter> parameters = new ArrayList<>();
        private Encryption encryption;
        private Expansion expansion;
        private final Set<Capability> capabilities = EnumSet.of(Capability.DYNAMIC_PROVISIONING);
        private Placement placement;
        private String topologyKey;
        private Format volumeHandle;
        private String docs;
        private BucketMount bucketMount;

        private Builder(String name, String provisioner, String csiDriver, Attachment attachment) {
            this.name = name;
            this.provisioner = provisioner;
            this.csiDriver = csiDriver;
            this.attachment = attachment;
        }

        public Builder accessModes(String... accessModes) {
            this.accessModes = List.of(accessModes);
            return this;
        }

        /**
         * A file system that every node can mount, with no topology ({@link Placement#ANY_NODE}, {@code Filesystem}
         * volumes only): the shape of the shared file systems and buckets. Default volume modes: {@code Filesystem}
         * and {@code Block}.
         */
        public Builder fileSystemOnAnyNode(String... accessModes) {
            this.volumeModes = List.of(Modes.FILESYSTEM);
            return accessModes(accessModes).placement(Placement.ANY_NODE, null);
        }

        public Builder parameters(Parameter... parameters) {
            return parameters(List.of(parameters));
        }

        /** Adds {@code parameters} after those given before (a group of {@link CommonParameters} among the entry's own). */
        public Builder parameters(List<Parameter> parameters) {
            this.parameters.addAll(parameters);
            return this;
        }

        public Builder encryption(Encryption encryption) {
            this.encryption = encryption;
            return this;
        }

        public Builder expansion(Expansion expansion) {
            this.expansion = expansion;
            return this;
        }

        /** What the driver can do besides creating volumes for claims. Default: {@link Capability#DYNAMIC_PROVISIONING} only. */
        public Builder can(Capability... capabilities) {
            Collections.addAll(this.capabilities, capabilities);
            return this;
        }

        /** Only pre-provisioned volumes: the driver creates none. Default: it creates volumes for claims. */
        public Builder preProvisionedOnly() {
            capabilities.remove(Capability.DYNAMIC_PROVISIONING);
            return this;
        }

        /** Where volumes can be used, and the driver's own topology key (or null). */
        public Builder placement(Placement placement, String topologyKey) {
            this.placement = placement;
            this.topologyKey = topologyKey;
            return this;
        }

        /** The shape of an existing volume's handle. Default: none, any unique text. */
        public Builder volumeHandle(Format volumeHandle) {
            this.volumeHandle = volumeHandle;
            return this;
        }

        public Builder docs(String docs) {
            this.docs = docs;
            return this;
        }

        /** How a bucket of object storage is mounted. Default: none (not object storage). */
        public Builder bucket(BucketMount bucketMount) {
            this.bucketMount = bucketMount;
            return this;
        }

        public StorageDriver build() {
            return new StorageDriver(name, provisioner, csiDriver, replacedBy, inTreeVolumeSource, attachment, accessModes, volumeModes,
                    parameters, encryption, expansion, capabilities, placement, topologyKey, volumeHandle, docs, bucketMount);
        }
    }
}
