package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Azure managed disks through the Azure Disk CSI driver ({@code disk.csi.azure.com}).
 *
 * <p>Defaults: SKU {@code Premium_LRS}, the driver's host caching ({@code ReadOnly}), file system
 * {@code ext4}, encrypted with a platform-managed key, expansion allowed. A disk attaches to one node
 * ({@code ReadWriteOnce}, {@code ReadWriteOncePod}). LRS disks live in one zone; ZRS disks
 * ({@code Premium_ZRS}, {@code StandardSSD_ZRS}) are replicated across the region's zones and attach
 * in any of them.
 *
 * <p>{@code PremiumV2_LRS} (Premium SSD v2) and {@code UltraSSD_LRS} take their own IOPS and
 * throughput ({@code DiskIOPSReadWrite}, {@code DiskMBpsReadWrite}), support no host caching (the
 * class says {@code cachingMode: None}), are zonal only, and need VM sizes and regions that offer
 * them; Premium SSD v2 gives 3000-80000 IOPS and 125-1200 MB/s.
 */
public final class AzureDisk implements StorageBackend {
    /** The Azure Disk CSI driver's name. */
    public static final String CSI_DRIVER = "disk.csi.azure.com";
    private static final Set<String> SKUS = Set.of("Premium_LRS", "PremiumV2_LRS", "Premium_ZRS", "StandardSSD_LRS",
            "StandardSSD_ZRS", "Standard_LRS", "UltraSSD_LRS");
    private static final Set<String> TUNABLE = Set.of("PremiumV2_LRS", "UltraSSD_LRS");
    private static final Set<String> CACHING = Set.of("None", "ReadOnly", "ReadWrite");
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
        if (!SKUS.contains(b.skuName)) {
            Refusals.refuse(new InvalidPropsException(construct, "skuName", b.skuName, "one of " + new TreeSet<>(SKUS)));
        }
        boolean tunable = TUNABLE.contains(b.skuName);
        if (b.cachingMode != null && !CACHING.contains(b.cachingMode)) {
            Refusals.refuse(new InvalidPropsException(construct, "cachingMode", b.cachingMode, "one of [None, ReadOnly, ReadWrite]"));
        }
        if (tunable && b.cachingMode != null && !"None".equals(b.cachingMode)) {
            Refusals.refuse(new InvalidPropsException(construct, "cachingMode", b.cachingMode,
                    "None for skuName " + b.skuName + ", which has no host caching"));
        }
        if (!tunable && (b.diskIops != null || b.diskMbps != null)) {
            Refusals.refuse(new InvalidPropsException(construct, b.diskIops != null ? "diskIops" : "diskMbps",
                    b.diskIops != null ? b.diskIops : b.diskMbps,
                    "only with skuName PremiumV2_LRS or UltraSSD_LRS; " + b.skuName + " performance follows the disk size"));
        }
        if ("PremiumV2_LRS".equals(b.skuName)) {
            range(construct, "diskIops", b.diskIops, 3000, 80000, "PremiumV2_LRS");
            range(construct, "diskMbps", b.diskMbps, 125, 1200, "PremiumV2_LRS");
        } else if ("UltraSSD_LRS".equals(b.skuName)) {
            range(construct, "diskIops", b.diskIops, 100, 400000, "UltraSSD_LRS");
            range(construct, "diskMbps", b.diskMbps, 1, 10000, "UltraSSD_LRS");
        }
        if (b.diskEncryptionSetId != null && !ENCRYPTION_SET.matcher(b.diskEncryptionSetId).matches()) {
            Refusals.refuse(new InvalidPropsException(construct, "diskEncryptionSetId", b.diskEncryptionSetId,
                    "a disk encryption set's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/"
                            + "Microsoft.Compute/diskEncryptionSets/<name>"));
        }
        this.skuName = b.skuName;
        this.cachingMode = tunable ? "None" : b.cachingMode;
        this.diskIops = b.diskIops;
        this.diskMbps = b.diskMbps;
        this.diskEncryptionSetId = b.diskEncryptionSetId;
        this.fsType = b.fsType;
    }

    private static void range(String construct, String prop, Integer value, int min, int max, String sku) {
        if (value != null && (value < min || value > max)) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, "from " + min + " to " + max + " for skuName " + sku));
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
    public String provisioner() {
        return CSI_DRIVER;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new TreeMap<>();
        p.put("skuName", skuName);
        if (cachingMode != null) {
            p.put("cachingMode", cachingMode);
        }
        if (diskIops != null) {
            p.put("DiskIOPSReadWrite", String.valueOf(diskIops));
        }
        if (diskMbps != null) {
            p.put("DiskMBpsReadWrite", String.valueOf(diskMbps));
        }
        if (diskEncryptionSetId != null) {
            p.put("diskEncryptionSetID", diskEncryptionSetId);
        }
        p.put("csi.storage.k8s.io/fstype", fsType);
        return p;
    }

    @Override
    public Set<AccessMode> accessModes() {
        return Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD);
    }

    @Override
    public boolean supportsExpansion() {
        return true;
    }

    @Override
    public boolean isNodeLocal() {
        return false;
    }

    @Override
    public boolean supportsSnapshots() {
        return true;
    }

    @Override
    public String displayName() {
        return "Azure Disk " + skuName + " (" + CSI_DRIVER + ")";
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
