package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Azure managed disks through the Azure Disk CSI driver ({@code disk.csi.azure.com}): {@code Premium_LRS}
 * with the driver's host caching ({@code ReadOnly}) and {@code ext4} unless the builder says otherwise.
 * LRS disks live in one zone; ZRS disks ({@code Premium_ZRS}, {@code StandardSSD_ZRS}) are replicated
 * across the region's zones and attach in any of them. {@code PremiumV2_LRS} (Premium SSD v2, 3000-80000
 * IOPS and 125-1200 MB/s) and {@code UltraSSD_LRS} take their own IOPS and throughput, no host caching
 * (the class says {@code cachingMode: None}), and need VM sizes and regions that offer them. What the
 * driver gives is {@link AzureDrivers#DISK}.
 */
public final class AzureDisk implements StorageBackend {
    /** The SKUs that take their own IOPS and throughput and no host caching. */
    private static final Set<String> TUNABLE = Set.of("PremiumV2_LRS", "UltraSSD_LRS");
    private static final Pattern ENCRYPTION_SET = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Compute/diskEncryptionSets/[^/]+");

    private final String skuName;
    private final String cachingMode;
    private final Integer diskIops;
    private final Integer diskMbps;
    private final String diskEncryptionSetId;
    private final String fsType;

    private AzureDisk(Builder b) {
        String construct = "AzureDisk";
        Checks.oneOf(construct, "skuName", b.skuName, AzureDrivers.DISK, "skuName");
        boolean tunable = TUNABLE.contains(b.skuName);
        Checks.oneOf(construct, "cachingMode", b.cachingMode, AzureDrivers.DISK, "cachingMode");
        if (tunable && b.cachingMode != null && !"None".equals(b.cachingMode)) {
            refuse(construct, "cachingMode", b.cachingMode, "None for skuName " + b.skuName + ", which has no host caching");
        }
        if (!tunable && (b.diskIops != null || b.diskMbps != null)) {
            refuse(construct, b.diskIops != null ? "diskIops" : "diskMbps", b.diskIops != null ? b.diskIops : b.diskMbps,
                    "only with skuName PremiumV2_LRS or UltraSSD_LRS; " + b.skuName + " performance follows the disk size");
        }
        if ("PremiumV2_LRS".equals(b.skuName)) {
            range(construct, "diskIops", b.diskIops, 3000, 80000, "PremiumV2_LRS");
            range(construct, "diskMbps", b.diskMbps, 125, 1200, "PremiumV2_LRS");
        } else if ("UltraSSD_LRS".equals(b.skuName)) {
            range(construct, "diskIops", b.diskIops, 100, 400000, "UltraSSD_LRS");
            range(construct, "diskMbps", b.diskMbps, 1, 10000, "UltraSSD_LRS");
        }
        Checks.optional(construct, "diskEncryptionSetId", b.diskEncryptionSetId, ENCRYPTION_SET.asMatchPredicate(),
                "a disk encryption set's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/"
                        + "Microsoft.Compute/diskEncryptionSets/<name>");
        this.skuName = b.skuName;
        this.cachingMode = tunable ? "None" : b.cachingMode;
        this.diskIops = b.diskIops;
        this.diskMbps = b.diskMbps;
        this.diskEncryptionSetId = b.diskEncryptionSetId;
        this.fsType = b.fsType;
    }

    private static void range(String construct, String prop, Integer value, int min, int max, String sku) {
        if (value != null && (value < min || value > max)) {
            refuse(construct, prop, value, "from " + min + " to " + max + " for skuName " + sku);
        }
    }

    /** {@code Premium_LRS}: the default for most workloads. */
    public static AzureDisk premium() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StorageDriver driver() {
        return AzureDrivers.DISK;
    }

    @Override
    public Map<String, String> parameters() {
        return new ClassParameters(driver()).put("skuName", skuName).put("cachingMode", cachingMode).put("DiskIOPSReadWrite", diskIops)
                .put("DiskMBpsReadWrite", diskMbps).put("diskEncryptionSetID", diskEncryptionSetId)
                .put("csi.storage.k8s.io/fstype", fsType).toMap();
    }

    @Override
    public String displayName() {
        return driver().name() + " " + skuName + " (" + provisioner() + ")";
    }

    /** The disk SKU. */
    public String skuName() {
        return skuName;
    }

    /** Whether disks are zone-redundant (ZRS) rather than in one zone. */
    public boolean isZoneRedundant() {
        return skuName.endsWith("_ZRS");
    }

    /**
     * An existing managed disk, for a pre-provisioned PersistentVolume.
     *
     * @param diskId the disk's resource id, {@code /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>}
     * @param zone   the disk's zone, e.g. {@code eastus-1}, for node affinity: required for LRS disks,
     *               none ({@code null}) for ZRS disks, which attach in any zone of the region
     */
    public AzureDiskVolume existingVolume(String diskId, String zone) {
        return new AzureDiskVolume(diskId, zone, isZoneRedundant(), fsType);
    }

    /** Builder for {@link AzureDisk}. */
    public static final class Builder {
        private String skuName = "Premium_LRS";
        private String cachingMode;
        private Integer diskIops;
        private Integer diskMbps;
        private String diskEncryptionSetId;
        private String fsType = "ext4";

        /**
         * One of {@code Premium_LRS}, {@code PremiumV2_LRS}, {@code Premium_ZRS}, {@code StandardSSD_LRS},
         * {@code StandardSSD_ZRS}, {@code Standard_LRS}, {@code UltraSSD_LRS}. Default {@code Premium_LRS}.
         */
        public Builder skuName(String skuName) {
            this.skuName = skuName;
            return this;
        }

        /**
         * Host caching: {@code None}, {@code ReadOnly} or {@code ReadWrite}. Default: not written, so the
         * driver's {@code ReadOnly}; {@code None} (the only choice) for PremiumV2_LRS and UltraSSD_LRS.
         */
        public Builder cachingMode(String cachingMode) {
            this.cachingMode = cachingMode;
            return this;
        }

        /**
         * Provisioned IOPS ({@code DiskIOPSReadWrite}), PremiumV2_LRS (3000-80000) and UltraSSD_LRS only.
         * Default: the SKU's baseline (3000 for Premium SSD v2).
         */
        public Builder diskIops(Integer diskIops) {
            this.diskIops = diskIops;
            return this;
        }

        /**
         * Provisioned throughput in MB/s ({@code DiskMBpsReadWrite}), PremiumV2_LRS (125-1200) and
         * UltraSSD_LRS only. Default: the SKU's baseline (125 for Premium SSD v2).
         */
        public Builder diskMbps(Integer diskMbps) {
            this.diskMbps = diskMbps;
            return this;
        }

        /** A disk encryption set for customer-managed keys ({@code diskEncryptionSetID}). Default: platform-managed keys. */
        public Builder diskEncryptionSetId(String diskEncryptionSetId) {
            this.diskEncryptionSetId = diskEncryptionSetId;
            return this;
        }

        /** File system for new disks. Default {@code ext4}. */
        public Builder fsType(String fsType) {
            this.fsType = fsType;
            return this;
        }

        public AzureDisk build() {
            return new AzureDisk(this);
        }
    }
}
