package dev.statefulai.facts.drivers.tiers;

import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.Parameter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a driver changes a bound volume's performance tier in place, by annotations on its claim: a
 * controller (for EBS the {@code volume-modifier-for-k8s} sidecar) watches claims for annotations
 * {@code <prefix><key>} and asks the driver to modify the volume. Not every driver can; those that can
 * are listed in {@link #of(String)}.
 *
 * @param provisioner  the driver, as a StorageClass names it
 * @param prefix       the annotation prefix, the driver's name and a slash
 * @param parameters   the keys after the prefix, with their types and allowed values
 * @param cooldown     how long the storage refuses a second change of the same volume
 * @param prerequisite what the cluster needs for the annotations to have an effect
 * @param docs         the driver's page on modifying volumes
 */
public record VolumeModification(String provisioner, String prefix, List<Parameter> parameters, Duration cooldown,
                                 String prerequisite, String docs) {

    /**
     * Amazon EBS through its CSI driver. The keys are the driver's {@code ModificationKeyVolumeType},
     * {@code ModificationKeyIOPS} and {@code ModificationKeyThroughput} ({@code pkg/driver/controller_modify_volume.go};
     * {@code volumeType} is its deprecated spelling of {@code type}); the prefix is the driver's name, which
     * volume-modifier-for-k8s strips ({@code AnnotationPrefixPattern} in its {@code pkg/controller}). EC2's
     * {@code ModifyVolume} then refuses another change of the volume for at least six hours ("cooldown
     * period", https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVolume.html).
     */
    public static final VolumeModification EBS = new VolumeModification(AwsDrivers.EBS.provisioner(),
            AwsDrivers.EBS.provisioner() + "/",
            List.of(Parameter.oneOf("type", "EBS volume type to change to", "io1", "io2", "gp2", "gp3", "sc1", "st1", "standard"),
                    Parameter.wholeNumber("iops", "IOPS to change to (io1, io2, gp3)"),
                    Parameter.wholeNumber("throughput", "MiB/s to change to (gp3)")),
            Duration.ofHours(6),
            "the EBS CSI driver's volume modifier sidecar: Helm value controller.volumeModificationFeature.enabled: true",
            "https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/modify-volume.md");

    private static final List<VolumeModification> ALL = List.of(EBS);

    public VolumeModification {
        Objects.requireNonNull(provisioner, "provisioner");
        parameters = List.copyOf(parameters);
    }

    /** How {@code provisioner} changes volumes in place, if it can. */
    public static Optional<VolumeModification> of(String provisioner) {
        return ALL.stream().filter(m -> m.provisioner.equals(provisioner)).findFirst();
    }

    /** The annotation that sets {@code key}. */
    public String annotation(String key) {
        if (parameters.stream().noneMatch(p -> p.key().equals(key))) {
            throw new IllegalArgumentException(provisioner + " modifies no volume attribute '" + key + "' (" + docs + ")");
        }
        return prefix + key;
    }

    /** The parameter an annotation sets, if {@code annotation} is one of this driver's. */
    public Optional<Parameter> parameterOf(String annotation) {
        if (!annotation.startsWith(prefix)) {
            return Optional.empty();
        }
        String key = annotation.substring(prefix.length());
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
