package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import org.immutables.value.Value;

/**
 * A block-disk backend whose new disks get a file system: the prop the EBS, PD and Azure Disk backends share, and
 * the class parameter that carries it.
 */
public abstract class FormattedDisk extends CatalogBackend {

    /** A disk backend, called {@code construct} in refusals, of {@code driver}'s catalog entry. */
    protected FormattedDisk(String construct, StorageDriver driver) {
        super(construct, driver);
    }

    /**
     * File system for new disks ({@code ext4}, {@code xfs}, ...).
     *
     * @default {@code ext4}
     */
    @Nullable
    @Value.Default
    public String fsType() {
        return "ext4";
    }

    /**
     * The class parameter that names the file system: {@code csi.storage.k8s.io/fstype}, which the CSI
     * external-provisioner hands to every CSI driver (see {@code Parameter.csiFsType}).
     */
    protected String fsTypeParameter() {
        return "csi.storage.k8s.io/fstype";
    }

    /** Adds the disk's own parameters, all but the file system, to {@code parameters} and returns it. */
    protected abstract ClassParameters diskParameters(ClassParameters parameters);

    @Override
    protected final ClassParameters classParameters(ClassParameters parameters) {
        return diskParameters(parameters).put(fsTypeParameter(), fsType());
    }
}
