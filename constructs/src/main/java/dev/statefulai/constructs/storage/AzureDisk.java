package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

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
    /** The SKUs that take their own IOPS and throughput (and no host caching): IOPS from, to, then MB/s from, to. */
    private static final Map<String, int[]> TUNABLE = Map.of(
            "PremiumV2_LRS", new int[] {3000, 80000, 125, 1200}, "UltraSSD_LRS", new int[] {100, 400000, 1, 10000});

    private final Props props;

    private record Props(String skuName, String cachingMode, Integer diskIops, Integer diskMbps, String diskEncryptionSetId,
                         String fsType) {
    }

    private AzureDisk(Props p) {
        String construct = "AzureDisk";
        Checks.parameter(construct, "skuName", p.skuName(), AzureDrivers.DISK, "skuName");
        int[] limits = TUNABLE.get(p.skuName());
        boolean tunable = limits != null;
        Checks.parameter(construct, "cachingMode", p.cachingMode(), AzureDrivers.DISK, "cachingMode");
        if (tunable && p.cachingMode() != null && !"None".equals(p.cachingMode())) {
            refuse(construct, "cachingMode", p.cachingMode(), "None for skuName " + p.skuName() + ", which has no host caching");
        }
        if (!tunable && (p.diskIops() != null || p.diskMbps() != null)) {
            refuse(construct, p.diskIops() != null ? "diskIops" : "diskMbps", p.diskIops() != null ? p.diskIops() : p.diskMbps(),
                    "only with skuName PremiumV2_LRS or UltraSSD_LRS; " + p.skuName() + " performance follows the disk size");
        }
        if (tunable) {
            Checks.range(construct, "diskIops", p.diskIops(), limits[0], limits[1], "for skuName " + p.skuName());
            Checks.range(construct, "diskMbps", p.diskMbps(), limits[2], limits[3], "for skuName " + p.skuName());
        }
        Checks.parameter(construct, "diskEncryptionSetId", p.diskEncryptionSetId(), AzureDrivers.DISK, "diskEncryptionSetID");
        this.props = p;
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
        // Premium SSD v2 and Ultra disks have no host caching: the class says so.
        String caching = TUNABLE.containsKey(props.skuName()) ? "None" : props.cachingMode();
        return new ClassParameters(driver()).put("skuName", props.skuName()).put("cachingMode", caching)
                .put("DiskIOPSReadWrite", props.diskIops()).put("DiskMBpsReadWrite", props.diskMbps())
                .put("diskEncryptionSetID", props.diskEncryptionSetId()).put("csi.storage.k8s.io/fstype", props.fsType()).toMap();
    }

    @Override
    public String displayName() {
        return driver().name() + " " + props.skuName() + " (" + provisioner() + ")";
    }

    /** The disk SKU. */
    public String skuName() {
        return props.skuName();
    }

    /** Whether disks are zone-redundant (ZRS) rather than in one zone. */
    public boolean isZoneRedundant() {
        return props.skuName().endsWith("_ZRS");
    }

    /**
     * An existing managed disk, for a pre-provisioned PersistentVolume.
     *
     * @param diskId the disk's resource id, {@code /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>}
     * @param zone   the disk's zone, e.g. {@code eastus-1}, for node affinity: required for LRS disks,
     *               none ({@code null}) for ZRS disks, which attach in any zone of the region
     */
    public AzureDiskVolume existingVolume(String diskId, String zone) {
        return new AzureDiskVolume(diskId, zone, isZoneRedundant(), props.fsType());
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
            return new AzureDisk(new Props(skuName, cachingMode, diskIops, diskMbps, diskEncryptionSetId, fsType));
        }
    }
}
