package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import org.immutables.value.Value;

/** A block-disk backend whose new disks get a file system: the prop the EBS, PD and Azure Disk backends share. */
public interface FormattedDisk {

    /**
     * File system for new disks ({@code ext4}, {@code xfs}, ...).
     *
     * @default {@code ext4}
     */
    @Nullable
    @Value.Default
    default String fsType() {
        return "ext4";
    }
}
