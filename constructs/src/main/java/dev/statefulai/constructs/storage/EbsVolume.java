package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.util.List;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.AwsElasticBlockStoreVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * An existing EBS volume. The PersistentVolume gets node affinity to the volume's zone, because an
 * EBS volume can only attach to a node in its own zone. Create with {@link AwsEbs#existingVolume}.
 */
public final class EbsVolume implements PreProvisionedVolume {
    /** The well-known zone label, set by the kubelet on every node and understood by the EBS CSI driver. */
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    private static final Pattern VOLUME_ID = Pattern.compile("vol-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9][a-z]");

    private final String volumeId;
    private final String zone;
    private final String fsType;
    private final boolean inTree;

    EbsVolume(String volumeId, String zone, String fsType, boolean inTree) {
        Validate.required("EbsVolume", "volumeId", volumeId, "an EBS volume id such as vol-0123456789abcdef0");
        if (!VOLUME_ID.matcher(volumeId).matches()) {
            Refusals.refuse(new InvalidPropsException("EbsVolume", "volumeId", volumeId,
                    "an EBS volume id: 'vol-' and 17 (or, for old volumes, 8) lower-case hex digits"));
        }
        Validate.required("EbsVolume", "zone", zone, "an availability zone such as us-east-1a");
        if (!ZONE.matcher(zone).matches()) {
            Refusals.refuse(new InvalidPropsException("EbsVolume", "zone", zone, "an availability zone such as us-east-1a"));
        }
        this.volumeId = volumeId;
        this.zone = zone;
        this.fsType = fsType;
        this.inTree = inTree;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec) {
        applyTo(spec, false);
    }

    /** Only through the CSI driver: the in-tree source is published read-write. */
    @Override
    public boolean supportsReadOnly() {
        return !inTree;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        if (readOnly && inTree) {
            throw new IllegalStateException(volumeId + " on the in-tree provisioner cannot be published read-only");
        }
        if (inTree) {
            spec.awsElasticBlockStore(AwsElasticBlockStoreVolumeSource.builder().volumeId(volumeId).fsType(fsType).build());
        } else {
            spec.csi(CsiVolumes.source(AwsEbs.CSI_DRIVER, volumeId, fsType, null, readOnly));
        }
        spec.nodeAffinity(CsiVolumes.affinity(ZONE_LABEL, List.of(zone)));
    }

    @Override
    public String provisioner() {
        return inTree ? AwsEbs.IN_TREE_PROVISIONER : AwsEbs.CSI_DRIVER;
    }

    @Override
    public String handle() {
        return volumeId;
    }

    /** The availability zone. */
    public String zone() {
        return zone;
    }
}
