package dev.statefulai.synth.values;

import dev.statefulai.constructs.InvalidPropsException;
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
public record StorageClassValues(String name, String backend, ReclaimPolicy reclaimPolicy, String volumeType,
                                 Boolean encrypted, String kmsKeyId, Integer iops, Integer throughput) {

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
        String kind = backend == null ? "ebs" : backend;
        switch (kind) {
            case "ebs", "ebs-in-tree" -> {
                AwsEbs.Builder ebs = AwsEbs.builder().legacyInTreeProvisioner(kind.equals("ebs-in-tree"));
                Set.ifGiven(volumeType, ebs::volumeType);
                Set.ifGiven(encrypted, ebs::encrypted);
                Set.ifGiven(kmsKeyId, ebs::kmsKeyId);
                Set.ifGiven(iops, ebs::iops);
                Set.ifGiven(throughput, ebs::throughput);
                return ebs.build();
            }
            case "local" -> {
                return LocalDisks.noProvisioner();
            }
            default -> throw new InvalidPropsException("StorageClass", "backend", kind, "one of ebs, ebs-in-tree, local");
        }
    }
}
