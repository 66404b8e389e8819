package dev.statefulai.constructs.tier;

import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.facts.drivers.VolumeModification;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A performance tier to move existing volumes to in place, without a new volume or a restart: the
 * annotations a driver's volume modifier reads on a bound claim (see {@link VolumeModification}). On
 * EBS, {@link #ebs()} writes {@code ebs.csi.aws.com/type}, {@code ebs.csi.aws.com/iops} and
 * {@code ebs.csi.aws.com/throughput}, checked against the volume type's limits like {@link AwsEbs}.
 *
 * <p>Two limits to plan with: the cluster needs the driver's modifier (EBS: the CSI driver's
 * {@code volumemodifier} sidecar, Helm value {@code controller.volumeModificationFeature.enabled: true});
 * and EC2 refuses a second change of the same volume for six hours, so the annotations of a claim should
 * change at most once in that time (a change made sooner waits, and the modifier retries it).
 */
public final class VolumeTier {
    private final VolumeModification modification;
    private final Map<String, String> annotations;

    private VolumeTier(VolumeModification modification, Map<String, String> annotations) {
        this.modification = modification;
        this.annotations = new TreeMap<>(annotations);
    }

    /** An EBS tier: {@code volumeType} (default gp3), {@code iops}, {@code throughput}. */
    public static EbsBuilder ebs() {
        return new EbsBuilder();
    }

    /** The driver that modifies the volumes, as a StorageClass names it. */
    public String provisioner() {
        return modification.provisioner();
    }

    /** The claim annotations, sorted. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** How long the storage refuses another change of a volume after one. */
    public Duration cooldown() {
        return modification.cooldown();
    }

    /** What the cluster needs for the annotations to take effect. */
    public String prerequisite() {
        return modification.prerequisite();
    }

    @Override
    public String toString() {
        return annotations.toString();
    }

    /** Builder of an EBS tier; refusals name {@code AwsEbs} and the prop, as a class with these values would. */
    public static final class EbsBuilder {
        private String volumeType = "gp3";
        private Integer iops;
        private Integer throughput;

        private EbsBuilder() {
        }

        /**
         * The volume type to move to.
         *
         * @default {@code gp3}
         */
        public EbsBuilder volumeType(String volumeType) {
            this.volumeType = volumeType;
            return this;
        }

        /**
         * Provisioned IOPS (gp3 3000-80000, io1 100-64000, io2 100-256000).
         *
         * @default unchanged (required for io1 and io2)
         */
        public EbsBuilder iops(Integer iops) {
            this.iops = iops;
            return this;
        }

        /**
         * Throughput in MiB/s (gp3: 125-2000, at most a quarter of the IOPS).
         *
         * @default unchanged
         */
        public EbsBuilder throughput(Integer throughput) {
            this.throughput = throughput;
            return this;
        }

        public VolumeTier build() {
            // The same limits as a class of these values: AwsEbs checks them (and refuses with its own prop names).
            Map<String, String> parameters = AwsEbs.builder().volumeType(volumeType).iops(iops).throughput(throughput).build().parameters();
            VolumeModification ebs = VolumeModification.EBS;
            Map<String, String> annotations = new TreeMap<>();
            for (String key : new String[] {"type", "iops", "throughput"}) {
                if (parameters.containsKey(key)) {
                    annotations.put(ebs.annotation(key), parameters.get(key));
                }
            }
            return new VolumeTier(ebs, annotations);
        }
    }
}
