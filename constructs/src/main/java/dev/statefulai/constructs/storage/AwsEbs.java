package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

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
public final class AwsEbs implements StorageBackend {
    /** Provisioned IOPS per volume type, from the EBS volume type limits (gp3 as raised in 2025). */
    private static final Map<String, int[]> IOPS_RANGES = Map.of(
            "gp3", new int[] {3000, 80000}, "io1", new int[] {100, 64000}, "io2", new int[] {100, 256000});
    private static final int GP3_BASELINE_IOPS = 3000;
    private static final int GP3_BASELINE_THROUGHPUT = 125;
    private static final int GP3_MAX_THROUGHPUT = 2000;

    private final Props props;

    private record Props(String volumeType, boolean encrypted, String kmsKeyId, Integer iops, Integer throughput, String fsType,
                         boolean inTree) {
    }

    private AwsEbs(Props p) {
        String construct = "AwsEbs";
        Checks.parameter(construct, "volumeType", p.volumeType(), AwsDrivers.EBS, "type");
        if (p.throughput() != null && !"gp3".equals(p.volumeType())) {
            refuse(construct, "throughput", p.throughput(), "only with volumeType gp3");
        }
        if (p.inTree() && (p.iops() != null || p.throughput() != null)) {
            refuse(construct, "legacyInTreeProvisioner", true,
                    "false when iops or throughput are set: the in-tree provisioner does not take them");
        }
        int[] iopsRange = IOPS_RANGES.get(p.volumeType());
        if (p.iops() != null && iopsRange == null) {
            refuse(construct, "iops", p.iops(),
                    "only with volumeType gp3, io1 or io2 (" + p.volumeType() + " has a fixed performance per GiB)");
        }
        if (p.iops() == null && !p.inTree() && ("io1".equals(p.volumeType()) || "io2".equals(p.volumeType()))) {
            refuse(construct, "iops", null, "the provisioned IOPS of every " + p.volumeType() + " volume, from " + iopsRange[0] + " to "
                    + iopsRange[1] + ": " + p.volumeType() + " has no baseline");
        }
        if (p.iops() != null) {
            Checks.range(construct, "iops", p.iops(), iopsRange[0], iopsRange[1], "for volumeType " + p.volumeType());
        }
        int iopsOrBaseline = p.iops() == null ? GP3_BASELINE_IOPS : p.iops();
        Checks.range(construct, "throughput", p.throughput(), GP3_BASELINE_THROUGHPUT, Math.min(GP3_MAX_THROUGHPUT, iopsOrBaseline / 4),
                "MiB/s: gp3 gives at most " + GP3_MAX_THROUGHPUT + " MiB/s and 0.25 MiB/s per provisioned IOPS (" + iopsOrBaseline
                        + " IOPS" + (p.iops() == null ? ", the baseline" : "") + ")");
        if (p.kmsKeyId() != null) {
            if (!p.encrypted()) {
                refuse(construct, "kmsKeyId", p.kmsKeyId(), "only with encrypted true");
            }
            Checks.parameter(construct, "kmsKeyId", p.kmsKeyId(), AwsDrivers.EBS, "kmsKeyId");
        }
        this.props = p;
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
        return props.inTree() ? AwsDrivers.EBS_IN_TREE : AwsDrivers.EBS;
    }

    @Override
    public Map<String, String> parameters() {
        // The CSI driver and the in-tree provisioner spell kmsKeyId the same way, the file system not.
        return new ClassParameters(driver()).put("type", props.volumeType()).put("encrypted", props.encrypted())
                .put("kmsKeyId", props.kmsKeyId()).put("iops", props.iops()).put("throughput", props.throughput())
                .put(props.inTree() ? "fsType" : "csi.storage.k8s.io/fstype", props.fsType()).toMap();
    }

    @Override
    public String displayName() {
        return AwsDrivers.EBS.name() + " " + props.volumeType() + " (" + provisioner() + ")";
    }

    /** The EBS volume type. */
    public String volumeType() {
        return props.volumeType();
    }

    /** Whether this backend uses the retired in-tree provisioner. */
    public boolean isInTree() {
        return props.inTree();
    }

    /** Whether volumes are encrypted at rest. */
    public boolean isEncrypted() {
        return props.encrypted();
    }

    /** The file system created on new volumes. */
    public String fsType() {
        return props.fsType();
    }

    /**
     * An existing EBS volume, for a pre-provisioned PersistentVolume.
     *
     * @param volumeId the EBS volume id, {@code vol-} followed by 8 or 17 hex digits
     * @param zone     the availability zone the volume is in, e.g. {@code us-east-1a}
     */
    public EbsVolume existingVolume(String volumeId, String zone) {
        return new EbsVolume(volumeId, zone, props.fsType(), props.inTree());
    }

    /** Builder for {@link AwsEbs}. */
    public static final class Builder {
        private String volumeType = "gp3";
        private boolean encrypted = true;
        private String kmsKeyId;
        private Integer iops;
        private Integer throughput;
        private String fsType = "ext4";
        private boolean inTree;

        /** EBS volume type. Default {@code gp3}. */
        public Builder volumeType(String volumeType) {
            this.volumeType = volumeType;
            return this;
        }

        /** Encrypt volumes at rest. Default {@code true}. */
        public Builder encrypted(boolean encrypted) {
            this.encrypted = encrypted;
            return this;
        }

        /**
         * The ARN of the KMS key (or alias) that encrypts the volumes; only with {@code encrypted(true)}.
         * Default: the account's default EBS key.
         */
        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /**
         * Provisioned IOPS: gp3 3000-80000, io1 100-64000, io2 100-256000; not for gp2, st1, sc1,
         * standard. Default: the gp3 baseline of 3000; required for io1 and io2.
         */
        public Builder iops(Integer iops) {
            this.iops = iops;
            return this;
        }

        /**
         * Throughput in MiB/s (gp3 only): 125-2000, and at most a quarter of the IOPS (750 at the 3000
         * IOPS baseline). Default: the gp3 baseline of 125.
         */
        public Builder throughput(Integer throughput) {
            this.throughput = throughput;
            return this;
        }

        /** File system for new volumes ({@code ext4}, {@code xfs}, ...). Default {@code ext4}. */
        public Builder fsType(String fsType) {
            this.fsType = fsType;
            return this;
        }

        /**
         * Use the retired in-tree provisioner {@code kubernetes.io/aws-ebs} instead of the CSI driver.
         * Default {@code false}; only for clusters that have not moved to CSI.
         */
        public Builder legacyInTreeProvisioner(boolean inTree) {
            this.inTree = inTree;
            return this;
        }

        public AwsEbs build() {
            return new AwsEbs(new Props(volumeType, encrypted, kmsKeyId, iops, throughput, fsType, inTree));
        }
    }
}
