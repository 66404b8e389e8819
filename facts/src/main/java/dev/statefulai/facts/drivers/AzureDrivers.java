package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

import java.util.List;

/** The Microsoft Azure drivers: managed disks (and their retired in-tree provisioner) and Blob storage. */
public final class AzureDrivers {
    /** How Blob storage is mounted, a class parameter and a volume attribute alike (docs/driver-parameters.md). */
    private static final Parameter PROTOCOL = Parameter.oneOf("protocol", "blobfuse, blobfuse2 or NFSv3 (default fuse)", "fuse", "fuse2", "nfs");
    /** A workload identity mount of Blob storage, a class parameter and a volume attribute alike (docs/driver-parameters.md). */
    private static final Parameter WORKLOAD_IDENTITY_TOKEN = Parameter.bool("mountWithWorkloadIdentityToken",
            "mount with the workload identity token only");

    /**
     * Azure managed disks through their CSI driver ("Supported access mode: ReadWriteOnce"; shared disks
     * with {@code maxShares} are left out). Premium SSD v2 and Ultra disks take {@code DiskIOPSReadWrite}
     * and {@code DiskMBpsReadWrite} and only {@code cachingMode: None}.
     */
    public static final StorageDriver DISK = DriverShapes.zonalDisk("Azure Disk", "disk.csi.azure.com", "topology.disk.csi.azure.com/zone")
            .docs("https://github.com/kubernetes-sigs/azuredisk-csi-driver/blob/master/docs/driver-parameters.md")
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD)
            .volumeHandle(Format.of("/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Compute/disks/[^/]+",
                    "a managed disk's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>"))
            .encryption(Encryption.always("diskEncryptionSetID", "always (platform-managed key); customer key diskEncryptionSetID"))
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
    public static final StorageDriver DISK_IN_TREE = DriverShapes.retired("Azure Disk in-tree", "kubernetes.io/azure-disk", "azureDisk", DISK,
                    "azure-disk")
            .encryption(Encryption.always(null, "always (platform-managed key)"))
            .parameters(
                    Parameter.text("storageaccounttype", "disk SKU, e.g. Premium_LRS"),
                    Parameter.text("skuName", "disk SKU, e.g. Premium_LRS"),
                    Parameter.text("kind", "managed, shared or dedicated (default managed)"),
                    Parameter.text("cachingMode", "host caching: None, ReadOnly or ReadWrite"),
                    CommonParameters.fsType("fsType", "disks"))
            .build();

    /**
     * Azure Blob storage through its CSI driver, mounted with blobfuse (or NFSv3): an existing container as a
     * pre-provisioned volume ({@code volumeAttributes} {@code storageAccount} and {@code containerName}), or a
     * new container per claim. Access modes of pkg/blob/blob.go ({@code AddVolumeCapabilityAccessModes}); it
     * expands and clones but takes no snapshots ({@code AddControllerServiceCapabilities}). A blobfuse mount
     * ignores {@code fsGroup} ("blobfuse volume mount does not respect securityContext.fsGroup. Instead, you
     * could utilize -o gid=1000 in mountOptions", docs/driver-parameters.md), and caches on the node's
     * {@code /mnt}. Per-pod identity: workload identity with the volume attribute {@code clientID} and the
     * pod's ServiceAccount (docs/workload-identity-static-pv-mount.md).
     */
    public static final StorageDriver BLOB = DriverShapes.objectStorage("Azure Blob", "blob.csi.azure.com",
                    "the storage account's own setting; requireInfraEncryption adds a second layer",
                    READ_WRITE_ONCE, READ_WRITE_ONCE_POD, READ_ONLY_MANY, READ_WRITE_MANY)
            .docs("https://github.com/kubernetes-sigs/blob-csi-driver/blob/master/docs/driver-parameters.md")
            .expansion(Expansion.RESIZES)
            .can(Capability.CLONES)
            .parameters(
                    Parameter.text("skuName", "storage account type (default Standard_LRS)"),
                    Parameter.text("location", "Azure location (default the cluster's)"),
                    Parameter.text("resourceGroup", "resource group (default the cluster's)"),
                    Parameter.text("subscriptionID", "subscription of the container; needs resourceGroup"),
                    Parameter.text("storageAccount", "an existing storage account"),
                    PROTOCOL,
                    Parameter.text("containerName", "an existing container (default: a new one per claim)"),
                    Parameter.text("containerNamePrefix", "prefix of new containers"),
                    Parameter.oneOf("networkEndpointType", "a private endpoint for a new storage account", "privateEndpoint"),
                    Parameter.bool("allowBlobPublicAccess", "public access to a new storage account (default false)"),
                    Parameter.bool("requireInfraEncryption", "a second layer of encryption at rest (default false)"),
                    Parameter.text("tags", "tags of a new storage account, foo=aaa,bar=bbb"),
                    Parameter.bool("isHnsEnabled", "hierarchical namespace (Data Lake) for a new account (default false)"),
                    Parameter.text("clientID", "client id of the managed identity for workload identity mounts"),
                    WORKLOAD_IDENTITY_TOKEN)
            .bucket(new BucketMount("containerName", List.of(
                    Parameter.text("storageAccount", "the existing storage account (required)"),
                    Parameter.text("containerName", "the existing container (required)"),
                    Parameter.text("resourceGroup", "its resource group (default the cluster's node resource group)"),
                    Parameter.text("subscriptionID", "its subscription; needs resourceGroup"),
                    PROTOCOL,
                    Parameter.text("clientID", "client id of the managed identity, for workload identity"),
                    WORKLOAD_IDENTITY_TOKEN),
                    List.of("-o allow_other", "-o uid", "-o gid", "--file-cache-timeout-in-seconds", "--cache-size-mb", "--tmp-path",
                            "--use-adls"),
                    new FileCache.NodeDisk("--cache-size-mb", "the node's /mnt (the temporary disk, else the OS disk); --tmp-path moves it"),
                    false, null, null,
                    "https://github.com/kubernetes-sigs/blob-csi-driver/blob/master/docs/workload-identity-static-pv-mount.md"))
            .build();

    private AzureDrivers() {
    }
}
