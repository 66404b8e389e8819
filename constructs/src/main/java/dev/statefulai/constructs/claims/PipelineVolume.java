package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import org.immutables.value.Value;

/**
 * One volume of a data pipeline's storage, e.g. a stage ({@code raw}, {@code features},
 * {@code checkpoints}) or a dataset shared by many pods: a {@link Claim}, and the volume and class
 * behind it. Required: {@code name} and {@code size}; everything else has a default documented on its
 * accessor.
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
@Value.Immutable
@PropsStyle
public abstract class PipelineVolume extends ClaimProps {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The volume's claim, checked; refusals name {@code construct} and the props as {@code prefix} + name.
     * Its default access mode is {@code ReadOnlyMany} for a read-only volume, else {@code ReadWriteOnce}.
     */
    public Claim claim(String construct, String prefix) {
        if (volume() != null && volumeAttributesClassName() != null) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "volumeAttributesClassName", volumeAttributesClassName(),
                    "none on a claim bound to an existing volume: only a volume the class's driver provisions is modified through its claim here"));
        }
        return Claim.of(this, construct, prefix, true, List.of(readOnly() ? AccessMode.READ_ONLY_MANY : AccessMode.READ_WRITE_ONCE));
    }

    /**
     * The existing volume, e.g. {@code AwsEfs.staticVolumes().existingVolume("fs-...::fsap-...")}.
     *
     * @default none: the class's provisioner creates a new volume for the claim
     */
    @Nullable
    public abstract PreProvisionedVolume volume();

    /**
     * A class of the volume's own, e.g. an EFS class for a shared dataset in a storage whose other
     * volumes are on EBS. Classes are created once per name.
     *
     * @default the storage's class
     */
    @Nullable
    public abstract StorageClassSpec storageClass();

    /**
     * Name of the claim pods mount, a DNS-1123 subdomain.
     *
     * @default the volume's {@code name}
     */
    @Nullable
    public abstract String claimName();

    /**
     * Name of the PersistentVolume on an existing volume (cluster-wide).
     *
     * @default {@code <namespace>-<name>}
     */
    @Nullable
    public abstract String persistentVolumeName();

    /**
     * Publish the existing volume read-only to every pod that mounts it; needs an existing
     * {@code volume} that can be published read-only (the CSI volumes of every backend here).
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean readOnly() {
        return false;
    }

    /** Builder for {@link PipelineVolume}: the claim's props ({@link ClaimProps}, {@link ClaimBuilder}) and the volume behind it. */
    public static final class Builder extends ImmutablePipelineVolume.Builder implements ClaimBuilder<Builder> {
    }
}
