package dev.statefulai.constructs.tier;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.facts.drivers.Parameter;
import dev.statefulai.facts.drivers.tiers.VolumeModification;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A performance tier to move existing volumes to in place, without a new volume or a restart: the
 * annotations a driver's volume modifier reads on a bound claim (see {@link VolumeModification}). The
 * tier is described as the backend a class of it would have, so it is checked by the same limits:
 * {@code VolumeTier.of(AwsEbs.builder().iops(8000).throughput(500).build())} writes
 * {@code ebs.csi.aws.com/type: gp3}, {@code ebs.csi.aws.com/iops: "8000"} and
 * {@code ebs.csi.aws.com/throughput: "500"}; what the driver cannot change in place (encryption, the
 * file system) is not written.
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

    /**
     * The tier of {@code backend}'s class parameters that its driver can change in place; refused for a
     * driver that changes none (a StorageClass of that backend is the only way to another tier).
     */
    public static VolumeTier of(StorageBackend backend) {
        VolumeModification modification = VolumeModification.of(backend.provisioner()).orElseThrow(() -> new InvalidPropsException(
                "VolumeTier", "backend", backend.displayName(), "a backend whose driver changes volumes in place: AWS EBS (ebs.csi.aws.com)"));
        Map<String, String> parameters = backend.parameters();
        Map<String, String> annotations = new TreeMap<>();
        for (Parameter p : modification.parameters()) {
            if (parameters.containsKey(p.key())) {
                annotations.put(modification.annotation(p.key()), parameters.get(p.key()));
            }
        }
        return new VolumeTier(modification, annotations);
    }

    /** An EBS tier: {@link #of} an {@link AwsEbs} of {@code volumeType}, {@code iops} and {@code throughput} (each null: the default). */
    public static VolumeTier ebs(String volumeType, Integer iops, Integer throughput) {
        return of(AwsEbs.builder().volumeType(volumeType == null ? "gp3" : volumeType).iops(iops).throughput(throughput).build());
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

    @Override
    public String toString() {
        return annotations.toString();
    }
}
