package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

/** The Microsoft Azure drivers: managed disks (and their retired in-tree provisioner). */
public final class AzureDrivers {

    /**
     * Azure managed disks through their CSI driver ("Supported access mode: ReadWriteOnce"; shared disks
     * with {@code maxShares} are left out). Premium SSD v2 and Ultra disks take {@code DiskIOPSReadWrite}
     * and {@code DiskMBpsReadWrite} and only {@code cachingMode: None}.
     */
    public static final StorageDriver DISK = StorageDriver.csi("Azure Disk", "disk.csi.azure.com")
            .docs("https://github.com/kubernetes-sigs/azuredisk-csi-driver/blob/master/docs/driver-parameters.md")
            .attachment(Attachment.ONE_NODE_AT_A_TIME)
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD)
            .placement(Placement.ZONE, "topology.disk.csi.azure.com/zone")
            .volumeHandle(Format.of("/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Compute/disks/[^/]+",
                    "a managed disk's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>"))
            .encryption(Encryption.always("diskEncryptionSetID", "always (platform-managed key); customer key diskEncryptionSetID"))
            .expansion(Expansion.RESIZES)
            .snapshots()
            .clones()
            .parameters(
                    Parameter.csiFsType("ext4", "ext3", "ext2", "xfs", "btrfs", "ntfs"),
                    Parameter.oneOf("skuName", "disk SKU (default StandardSSD_LRS)", "Standard_LRS", "Premium_LRS", "StandardSSD_LRS",
                            "UltraSSD_LRS", "Premium_ZRS", "StandardSSD_ZRS", "PremiumV2_LRS"),
                    Parameter.oneOf("kind", "managed disks (default managed)", "managed"),
                    Parameter.oneOf("fsType", "file system of new disks (default ext4 on Linux)", "ext4", "ext3", "ext2", "xfs", "btrfs", "ntfs"),
                    Parameter.oneOf("cachingMode", "host caching (default ReadOnly)", "None", "ReadOnly", "ReadWrite"),
                    Parameter.text("location", "region of new disks (default the cluster's)"),
                    Parameter.text("resourceGroup", "resource group of new disks (default the cluster's)"),
                    Parameter.wholeNumber("DiskIOPSReadWrite", "IOPS of UltraSSD_LRS and PremiumV2_LRS disks"),
                    Parameter.wholeNumber("DiskMBpsReadWrite", "MB/s of UltraSSD_LRS and PremiumV2_LRS disks"),
                    Parameter.oneOf("LogicalSectorSize", "logical sector size of Ultra disks (default 4096)", "512", "4096"),
                    Parameter.text("tags", "disk tags key1=val1,key2=val2"),
                    Parameter.formatted("diskEncryptionSetID", "resource id of the disk encryption set (customer-managed keys)", Format.of(
                            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Compute/diskEncryptionSets/[^/]+",
                            "a disk encryption set's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/"
                                    + "Microsoft.Compute/diskEncryptionSets/<name>")),
                    Parameter.oneOf("diskEncryptionType", "encryption type of the disk encryption set",
                            "EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys"),
                    Parameter.bool("writeAcceleratorEnabled", "Write Accelerator"),
                    Parameter.oneOf("perfProfile", "block device performance tuning (default none)", "none", "basic", "advanced"),
                    Parameter.oneOf("networkAccessPolicy", "who may generate SAS URIs (default DenyAll)", "AllowAll", "DenyAll", "AllowPrivate"),
                    Parameter.oneOf("publicNetworkAccess", "public access to the disk's data (default Disabled)", "Enabled", "Disabled"),
                    Parameter.text("diskAccessID", "ARM id of a DiskAccess resource (private endpoints)"),
                    Parameter.bool("enableBursting", "on-demand bursting of Premium disks above 512 GiB (default false)"),
                    Parameter.bool("enablePerformancePlus", "performance plus of disks above 512 GiB (default false)"),
                    Parameter.wholeNumber("attachDiskInitialDelay", "milliseconds before batched attach and detach (default 1000)"),
                    Parameter.text("useragent", "user agent for customer usage attribution"),
                    Parameter.text("subscriptionID", "subscription of new disks; needs resourceGroup"))
            .build();

    /** The retired in-tree Azure Disk provisioner (removed in Kubernetes 1.27; only CSI migration to {@link #DISK} serves it). */
    public static final StorageDriver DISK_IN_TREE = StorageDriver.retired("Azure Disk in-tree", "kubernetes.io/azure-disk", "azureDisk", DISK)
            .docs("https://v1-26.docs.kubernetes.io/docs/concepts/storage/storage-classes/#azure-disk")
            .encryption(Encryption.always(null, "always (platform-managed key)"))
            .parameters(
                    Parameter.text("storageaccounttype", "disk SKU, e.g. Premium_LRS"),
                    Parameter.text("skuName", "disk SKU, e.g. Premium_LRS"),
                    Parameter.text("kind", "managed, shared or dedicated (default managed)"),
                    Parameter.text("cachingMode", "host caching: None, ReadOnly or ReadWrite"),
                    Parameter.text("fsType", "file system of new disks (default ext4)"))
            .build();

    private AzureDrivers() {
    }
}
