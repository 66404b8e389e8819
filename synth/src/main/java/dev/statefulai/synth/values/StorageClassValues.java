package dev.statefulai.synth.values;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;

/**
 * A StorageClass in values files.
 *
 * @param name          the class name
 * @param backend       {@code ebs} (EBS CSI, the default), {@code ebs-in-tree} (retired, explicit only) or {@code local}
 * @param reclaimPolicy {@code Retain} (default) or {@code Delete}
 * @param volumeType    EBS volume type; default {@code gp3}
 * @param encrypted     EBS encryption; default {@code true}
 * @param kmsKeyId      EBS KMS key; default the account's key
 * @param iops          EBS provisioned IOPS
 * @param throughput    EBS gp3 throughput in MiB/s
 */
public record StorageClassValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String name, Backend backend, ReclaimPolicy reclaimPolicy,
                                 String volumeType, Boolean encrypted, String kmsKeyId,
                                 @Rule(Rule.Kind.POSITIVE) Integer iops, @Rule(Rule.Kind.POSITIVE) Integer throughput) {

    /** The backends a values file can name. */
    public enum Backend {
        /** AWS EBS through the CSI driver. */
        EBS("ebs"),
        /** AWS EBS through the retired in-tree provisioner: only for clusters that still need it. */
        EBS_IN_TREE("ebs-in-tree"),
        /** Local disks of the nodes, with pre-provisioned volumes. */
        LOCAL("local");

        private final String value;

        Backend(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** The class spec; {@code defaultName} when no name is given. */
    public StorageClassSpec toSpec(String defaultName) {
        StorageClassSpec.Builder spec = StorageClassSpec.builder()
                .name(name != null ? name : defaultName)
                .backend(toBackend());
        Set.ifGiven(reclaimPolicy, spec::reclaimPolicy);
        return spec.build();
    }

    /** The backend named by {@code backend}. */
    public StorageBackend toBackend() {
        Backend kind = backend == null ? Backend.EBS : backend;
        switch (kind) {
            case EBS, EBS_IN_TREE -> {
                AwsEbs.Builder ebs = AwsEbs.builder().legacyInTreeProvisioner(kind == Backend.EBS_IN_TREE);
                Set.ifGiven(volumeType, ebs::volumeType);
                Set.ifGiven(encrypted, ebs::encrypted);
                Set.ifGiven(kmsKeyId, ebs::kmsKeyId);
                Set.ifGiven(iops, ebs::iops);
                Set.ifGiven(throughput, ebs::throughput);
                return ebs.build();
            }
            default -> {
                return LocalDisks.noProvisioner();
            }
        }
    }
}
