package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.storage.keys.AwsKmsKey;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Amazon EBS volumes, through the EBS CSI driver ({@code ebs.csi.aws.com}) by default: encrypted
 * {@code gp3} at its baseline (3000 IOPS, 125 MiB/s) with {@code ext4} unless the builder says otherwise.
 * {@code iops} and {@code throughput} are checked against the volume type's limits (gp3: 3000-80000
 * IOPS, 125-2000 MiB/s and at most 0.25 MiB/s per IOPS; io1: 100-64000; io2: 100-256000 IOPS; the
 * per-GiB limits depend on the claim's size and are checked by AWS). The retired in-tree provisioner
 * {@code kubernetes.io/aws-ebs} is available only through {@link Builder#legacyInTreeProvisioner(boolean)},
 * for clusters that still migrate it to CSI. What the driver gives (access modes, expansion, snapshots)
 * is its entry in the storage-driver catalog, {@link AwsDrivers#EBS}.
 */
@Value.Immutable
@PropsStyle
public abstract class AwsEbs extends FormattedDisk implements AwsKmsKey {
    /** Provisioned IOPS per volume type, from the EBS volume type limits (gp3 as raised in 2025). */
    private static final Map<String, int[]> IOPS_RANGES = Map.of(
            "gp3", new int[] {3000, 80000}, "io1", new int[] {100, 64000}, "io2", new int[] {100, 256000});
    private static final int GP3_BASELINE_IOPS = 3000;
    private static final int GP3_BASELINE_THROUGHPUT = 125;
    private static final int GP3_MAX_THROUGHPUT = 2000;

    AwsEbs() {
        super("AwsEbs", AwsDrivers.EBS);
    }

    /** EBS volume type. Default {@code gp3}. */
    @Nullable
    @Value.Default
    public String volumeType() {
        return "gp3";
    }

    /** Encrypt volumes at rest. Default {@code true}. */
    @Value.Default
    public boolean encrypted() {
        return true;
    }

    /**
     * Provisioned IOPS: gp3 3000-80000, io1 100-64000, io2 100-256000; not for gp2, st1, sc1,
     * standard. Default: the gp3 baseline of 3000; required for io1 and io2.
     */
    @Nullable
    public abstract Integer iops();

    /**
     * Throughput in MiB/s (gp3 only): 125-2000, and at most a quarter of the IOPS (750 at the 3000
     * IOPS baseline). Default: the gp3 baseline of 125.
     */
    @Nullable
    public abstract Integer throughput();

    /**
     * Use the retired in-tree provisioner {@code kubernetes.io/aws-ebs} instead of the CSI driver.
     * Default {@code false}; only for clusters that have not moved to CSI.
     */
    @Value.Default
    public boolean legacyInTreeProvisioner() {
        return false;
    }

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        parameter("volumeType", volumeType(), "type");
        if (throughput() != null && !"gp3".equals(volumeType())) {
            refuse("throughput", throughput(), "only with volumeType gp3");
        }
        if (legacyInTreeProvisioner() && (iops() != null || throughput() != null)) {
            refuse("legacyInTreeProvisioner", true,
                    "false when iops or throughput are set: the in-tree provisioner does not take them");
        }
        int[] iopsRange = IOPS_RANGES.get(volumeType());
        if (iops() != null && iopsRange == null) {
            refuse("iops", iops(),
                    "only with volumeType gp3, io1 or io2 (" + volumeType() + " has a fixed performance per GiB)");
        }
        if (iops() == null && !legacyInTreeProvisioner() && ("io1".equals(volumeType()) || "io2".equals(volumeType()))) {
            refuse("iops", null, "the provisioned IOPS of every " + volumeType() + " volume, from " + iopsRange[0] + " to "
                    + iopsRange[1] + ": " + volumeType() + " has no baseline");
        }
        if (iops() != null) {
            Checks.range(construct(), "iops", iops(), iopsRange[0], iopsRange[1], "for volumeType " + volumeType());
        }
        int iopsOrBaseline = iops() == null ? GP3_BASELINE_IOPS : iops();
        Checks.range(construct(), "throughput", throughput(), GP3_BASELINE_THROUGHPUT, Math.min(GP3_MAX_THROUGHPUT, iopsOrBaseline / 4),
                "MiB/s: gp3 gives at most " + GP3_MAX_THROUGHPUT + " MiB/s and 0.25 MiB/s per provisioned IOPS (" + iopsOrBaseline
                        + " IOPS" + (iops() == null ? ", the baseline" : "") + ")");
        if (kmsKeyId() != null) {
            if (!encrypted()) {
                refuse("kmsKeyId", kmsKeyId(), "only with encrypted true");
            }
            parameter("kmsKeyId", kmsKeyId(), "kmsKeyId");
        }
    }

    /** Encrypted gp3 through the CSI driver: the right default for almost every workload. */
    public static AwsEbs gp3() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link AwsDrivers#EBS}, or {@link AwsDrivers#EBS_IN_TREE} for the retired in-tree provisioner (which takes no snapshots). */
    @Override
    public StorageDriver driver() {
        return legacyInTreeProvisioner() ? AwsDrivers.EBS_IN_TREE : super.driver();
    }

    @Override
    protected ClassParameters diskParameters(ClassParameters parameters) {
        // The CSI driver and the in-tree provisioner spell kmsKeyId the same way, the file system not (see fsTypeParameter).
        return parameters.put("type", volumeType()).put("encrypted", encrypted())
                .put("kmsKeyId", kmsKeyId()).put("iops", iops()).put("throughput", throughput());
    }

    /** The in-tree provisioner's own {@code fsType}, else the CSI key. */
    @Override
    protected String fsTypeParameter() {
        return legacyInTreeProvisioner() ? "fsType" : super.fsTypeParameter();
    }

    /** The volume type; messages name the EBS driver even with the in-tree provisioner. */
    @Override
    protected String variant() {
        return volumeType();
    }

    /** Whether this backend uses the retired in-tree provisioner. */
    public boolean isInTree() {
        return legacyInTreeProvisioner();
    }

    /** Whether volumes are encrypted at rest. */
    public boolean isEncrypted() {
        return encrypted();
    }

    /**
     * An existing EBS volume, for a pre-provisioned PersistentVolume.
     *
     * @param volumeId the EBS volume id, {@code vol-} followed by 8 or 17 hex digits
     * @param zone     the availability zone the volume is in, e.g. {@code us-east-1a}
     */
    public EbsVolume existingVolume(String volumeId, String zone) {
        return new EbsVolume(volumeId, zone, fsType(), legacyInTreeProvisioner());
    }

    /** Builder for {@link AwsEbs}. */
    public static final class Builder extends ImmutableAwsEbs.Builder {
    }
}
