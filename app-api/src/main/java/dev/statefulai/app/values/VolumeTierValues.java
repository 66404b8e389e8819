package dev.statefulai.app.values;

import dev.statefulai.constructs.tier.VolumeTier;

/**
 * An EBS performance tier to move an app's existing volumes to in place (see {@link VolumeTier}): the CSI
 * driver's volume modifier applies it; EC2 allows one change per volume in six hours.
 *
 * @param volumeType the EBS volume type; default gp3
 * @param iops       provisioned IOPS (gp3 3000-80000, io1 100-64000, io2 100-256000)
 * @param throughput MiB/s (gp3: 125-2000, at most a quarter of the IOPS)
 */
public record VolumeTierValues(String volumeType, @Rule(Rule.Kind.POSITIVE) Integer iops, @Rule(Rule.Kind.POSITIVE) Integer throughput) {

    /** The tier; its refusals (of {@code AwsEbs}: {@code iops}, {@code throughput}, {@code volumeType}) name this record's keys. */
    public VolumeTier toTier() {
        PropSources.feeds("AwsEbs", "iops", this, "iops");
        PropSources.feeds("AwsEbs", "throughput", this, "throughput");
        PropSources.feeds("AwsEbs", "volumeType", this, "volumeType");
        return VolumeTier.ebs(volumeType, iops, throughput);
    }
}
