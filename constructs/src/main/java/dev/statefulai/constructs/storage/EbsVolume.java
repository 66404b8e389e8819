package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.AwsDrivers;
import java.util.List;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.AwsElasticBlockStoreVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * An existing EBS volume. The PersistentVolume gets node affinity to the volume's zone, because an
 * EBS volume can only attach to a node in its own zone. Create with {@link AwsEbs#existingVolume}.
 */
public final class EbsVolume extends CatalogVolume {
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9][a-z]");

    private final boolean inTree;

    EbsVolume(String volumeId, String zone, String fsType, boolean inTree) {
        super(inTree ? AwsDrivers.EBS_IN_TREE : AwsDrivers.EBS, checkId(volumeId), fsType,
                List.of(Checks.required("EbsVolume", "zone", zone, ZONE.asMatchPredicate(), "an availability zone such as us-east-1a")));
        this.inTree = inTree;
    }

    private static String checkId(String volumeId) {
        Validate.required("EbsVolume", "volumeId", volumeId, "an EBS volume id such as vol-0123456789abcdef0");
        return Checks.formatted("EbsVolume", "volumeId", volumeId, AwsDrivers.EBS.volumeHandle());
    }

    @Override
    protected void source(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        if (inTree) {
            spec.awsElasticBlockStore(AwsElasticBlockStoreVolumeSource.builder().volumeId(handle()).fsType(fsType()).build());
        } else {
            super.source(spec, readOnly);
        }
    }

    /** The availability zone. */
    public String zone() {
        return places().get(0);
    }
}
