package dev.statefulai.facts.drivers;

import java.util.List;
import java.util.Map;

/**
 * The {@code parameters} of a VolumeSnapshotClass that a driver documents, for the drivers whose list the
 * project knows (others take any key). Kept beside the catalog rather than in {@link StorageDriver}: a
 * snapshot class is a driver's second, smaller parameter set.
 */
public final class SnapshotParameters {
    /** The EBS parameter that turns on fast snapshot restore in the listed zones. */
    public static final String EBS_FAST_SNAPSHOT_RESTORE_ZONES = "fastSnapshotRestoreAvailabilityZones";
    /** An availability zone's name, as EC2's {@code EnableFastSnapshotRestores} takes it, e.g. {@code us-east-1a}. */
    public static final Format AVAILABILITY_ZONE = Format.of("[a-z]{2}(-[a-z]+)+-[0-9]+[a-z]",
            "an availability zone name such as us-east-1a or eu-west-2b");

    /**
     * EBS: docs/snapshot.md of kubernetes-sigs/aws-ebs-csi-driver ("Supported Parameters"), read by
     * {@code CreateSnapshot} in pkg/driver/controller.go, which lower-cases each key and splits the zone
     * list at commas after removing spaces. Tags ({@code tagSpecification_<n>}, docs/tagging.md) are keys
     * with a number and are not listed here.
     */
    private static final List<Parameter> EBS = List.of(
            Parameter.text(EBS_FAST_SNAPSHOT_RESTORE_ZONES, "comma-separated availability zones where restores from the snapshot are"
                    + " fast (EC2 fast snapshot restore; billed per snapshot and zone)"),
            Parameter.text("outpostArn", "the ARN of the Outpost to keep the snapshot on"),
            Parameter.oneOf("lockMode", "EBS snapshot lock mode", "governance", "compliance"),
            Parameter.wholeNumber("lockDuration", "days the snapshot stays locked"),
            Parameter.text("lockExpirationDate", "when the lock ends (RFC 3339)"),
            Parameter.wholeNumber("lockCoolOffPeriod", "hours before a compliance lock takes hold"));

    private static final Map<String, List<Parameter>> BY_DRIVER = Map.of(AwsDrivers.EBS.provisioner(), EBS);

    private SnapshotParameters() {
    }

    /** The snapshot class parameters {@code driver} documents; empty when the project does not know them. */
    public static List<Parameter> of(String driver) {
        return BY_DRIVER.getOrDefault(driver, List.of());
    }

    /** Whether {@code driver} documents snapshot class parameter {@code key} (compared as the EBS driver does, ignoring case). */
    public static boolean documents(String driver, String key) {
        return of(driver).stream().anyMatch(p -> p.key().equalsIgnoreCase(key));
    }
}
