package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Azure managed disks through the Azure Disk CSI driver ({@code disk.csi.azure.com}): {@code Premium_LRS}
 * with the driver's host caching ({@code ReadOnly}) and {@code ext4} unless the builder says otherwise.
 * LRS disks live in one zone; ZRS disks ({@code Premium_ZRS}, {@code StandardSSD_ZRS}) are replicated
 * across the region's zones and attach in any of them. {@code PremiumV2_LRS} (Premium SSD v2, 3000-80000
 * IOPS and 125-1200 MB/s) and {@code UltraSSD_LRS} take their own IOPS and throughput, no host caching
 * (the class says {@code cachingMode: None}), and need VM sizes and regions that offer them. What the
 * driver gives is {@link AzureDrivers#DISK}.
 */
@Value.Immutable
@PropsStyle
public abstract class AzureDisk extends FormattedDisk {
    /** The SKUs that take their own IOPS and throughput (and no host caching): IOPS from, to, then MB/s from, to. */
    private static final Map<String, int[]> TUNABLE = Map.of(
            "PremiumV2_LRS", new int[] {3000, 80000, 125, 1200}, "UltraSSD_LRS", new int[] {100, 400000, 1, 10000});

    AzureDisk() {
        super("AzureDisk", AzureDrivers.DISK);
    }

    /**
     * One of {@code Premium_LRS}, {@code PremiumV2_LRS}, {@code Premium_ZRS}, {@code StandardSSD_LRS},
     * {@code StandardSSD_ZRS}, {@code Standard_LRS}, {@code UltraSSD_LRS}. Default {@code Premium_LRS}.
     */
    @Nullable
    @Value.Default
    public String skuName() {
        return "Premium_LRS";
    }

    /**
     * Host caching: {@code None}, {@code ReadOnly} or {@code ReadWrite}. Default: not written, so the
     * driver's {@code ReadOnly}; {@code None} (the only choice) for PremiumV2_LRS and UltraSSD_LRS.
     */
    @Nullable
    public abstract String cachingMode();

    /**
     * Provisioned IOPS ({@code DiskIOPSReadWrite}), PremiumV2_LRS (3000-80000) and UltraSSD_LRS only.
     * Default: the SKU's baseline (3000 for Premium SSD v2).
     */
    @Nullable
    public abstract Integer diskIops();

    /**
     * Provisioned throughput in MB/s ({@code DiskMBpsReadWrite}), PremiumV2_LRS (125-1200) and
     * UltraSSD_LRS only. Default: the SKU's baseline (125 for Premium SSD v2).
     */
    @Nullable
    public abstract Integer diskMbps();

    /** A disk encryption set for customer-managed keys ({@code diskEncryptionSetID}). Default: platform-managed keys. */
    @Nullable
    public abstract String diskEncryptionSetId();

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        parameter("skuName", skuName(), "skuName");
        int[] limits = TUNABLE.get(skuName());
        boolean tunable = limits != null;
        parameter("cachingMode", cachingMode(), "cachingMode");
        if (tunable && cachingMode() != null && !"None".equals(cachingMode())) {
            refuse("cachingMode", cachingMode(), "None for skuName " + skuName() + ", which has no host caching");
        }
        if (!tunable && (diskIops() != null || diskMbps() != null)) {
            refuse(diskIops() != null ? "diskIops" : "diskMbps", diskIops() != null ? diskIops() : diskMbps(),
                    "only with skuName PremiumV2_LRS or UltraSSD_LRS; " + skuName() + " performance follows the disk size");
        }
        if (tunable) {
            Checks.range(construct(), "diskIops", diskIops(), limits[0], limits[1], "for skuName " + skuName());
            Checks.range(construct(), "diskMbps", diskMbps(), limits[2], limits[3], "for skuName " + skuName());
        }
        parameter("diskEncryptionSetId", diskEncryptionSetId(), "diskEncryptionSetID");
    }

    /** {@code Premium_LRS}: the default for most workloads. */
    public static AzureDisk premium() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected ClassParameters diskParameters(ClassParameters parameters) {
        // Premium SSD v2 and Ultra disks have no host caching: the class says so.
        String caching = TUNABLE.containsKey(skuName()) ? "None" : cachingMode();
        return parameters.put("skuName", skuName()).put("cachingMode", caching)
                .put("DiskIOPSReadWrite", diskIops()).put("DiskMBpsReadWrite", diskMbps())
                .put("diskEncryptionSetID", diskEncryptionSetId());
    }

    @Override
    protected String variant() {
        return skuName();
    }

    /** Whether disks are zone-redundant (ZRS) rather than in one zone. */
    public boolean isZoneRedundant() {
        return skuName().endsWith("_ZRS");
    }

    /**
     * An existing managed disk, for a pre-provisioned PersistentVolume.
     *
     * @param diskId the disk's resource id, {@code /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>}
     * @param zone   the disk's zone, e.g. {@code eastus-1}, for node affinity: required for LRS disks,
     *               none ({@code null}) for ZRS disks, which attach in any zone of the region
     */
    public AzureDiskVolume existingVolume(String diskId, String zone) {
        return new AzureDiskVolume(diskId, zone, isZoneRedundant(), fsType());
    }

    /** Builder for {@link AzureDisk}. */
    public static final class Builder extends ImmutableAzureDisk.Builder {
    }
}
