package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Amazon EBS volumes, through the EBS CSI driver ({@code ebs.csi.aws.com}) by default.
 *
 * <p>Defaults: volume type {@code gp3}, encrypted, file system {@code ext4}, expansion allowed. EBS
 * volumes attach to one node in one zone, so only {@code ReadWriteOnce} and {@code ReadWriteOncePod}
 * are possible. The in-tree provisioner {@code kubernetes.io/aws-ebs} was removed from Kubernetes;
 * it is available only through {@link Builder#legacyInTreeProvisioner(boolean)}, for clusters that
 * still migrate it to CSI.
 */
public final class AwsEbs implements StorageBackend {
    /** The EBS CSI driver's name. */
    public static final String CSI_DRIVER = "ebs.csi.aws.com";
    /** The retired in-tree provisioner. */
    public static final String IN_TREE_PROVISIONER = "kubernetes.io/aws-ebs";
    private static final Set<String> TYPES = Set.of("gp3", "gp2", "io1", "io2", "st1", "sc1", "standard");

    private final String volumeType;
    private final boolean encrypted;
    private final String kmsKeyId;
    private final Integer iops;
    private final Integer throughput;
    private final String fsType;
    private final boolean inTree;

    private AwsEbs(Builder b) {
        String construct = "AwsEbs";
        if (!TYPES.contains(b.volumeType)) {
            throw new InvalidPropsException(construct, "volumeType", b.volumeType, "one of " + new java.util.TreeSet<>(TYPES));
        }
        if (b.throughput != null && !"gp3".equals(b.volumeType)) {
            throw new InvalidPropsException(construct, "throughput", b.throughput, "only with volumeType gp3");
        }
        if (b.inTree && (b.iops != null || b.throughput != null)) {
            throw new InvalidPropsException(construct, "legacyInTreeProvisioner", true,
                    "false when iops or throughput are set: the in-tree provisioner does not take them");
        }
        this.volumeType = b.volumeType;
        this.encrypted = b.encrypted;
        this.kmsKeyId = b.kmsKeyId;
        this.iops = b.iops;
        this.throughput = b.throughput;
        this.fsType = b.fsType;
        this.inTree = b.inTree;
    }

    /** Encrypted gp3 through the CSI driver: the right default for almost every workload. */
    public static AwsEbs gp3() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String provisioner() {
        return inTree ? IN_TREE_PROVISIONER : CSI_DRIVER;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new TreeMap<>();
        p.put("type", volumeType);
        p.put("encrypted", String.valueOf(encrypted));
        if (kmsKeyId != null) {
            p.put(inTree ? "kmsKeyId" : "kmsKeyId", kmsKeyId);
        }
        if (iops != null) {
            p.put("iops", String.valueOf(iops));
        }
        if (throughput != null) {
            p.put("throughput", String.valueOf(throughput));
        }
        p.put(inTree ? "fsType" : "csi.storage.k8s.io/fstype", fsType);
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
    public String displayName() {
        return "AWS EBS " + volumeType + " (" + provisioner() + ")";
    }

    /** Whether this backend uses the retired in-tree provisioner. */
    public boolean isInTree() {
        return inTree;
    }

    /** Whether volumes are encrypted at rest. */
    public boolean isEncrypted() {
        return encrypted;
    }

    /** The file system created on new volumes. */
    public String fsType() {
        return fsType;
    }

    /**
     * An existing EBS volume, for a pre-provisioned PersistentVolume.
     *
     * @param volumeId the EBS volume id, {@code vol-} followed by 8 or 17 hex digits
     * @param zone     the availability zone the volume is in, e.g. {@code us-east-1a}
     */
    public EbsVolume existingVolume(String volumeId, String zone) {
        return new EbsVolume(volumeId, zone, fsType, inTree);
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

        /** KMS key for encryption. Default: the account's EBS default key. */
        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /** Provisioned IOPS (gp3, io1, io2). Default: the volume type's baseline. */
        public Builder iops(Integer iops) {
            this.iops = iops;
            return this;
        }

        /** Throughput in MiB/s (gp3 only). Default: the gp3 baseline of 125. */
        public Builder throughput(Integer throughput) {
            this.throughput = throughput;
            return this;
        }

        /** File system for new volumes. Default {@code ext4}. */
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
            return new AwsEbs(this);
        }
    }
}
