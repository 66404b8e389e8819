package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.AllowNulls;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.storage.BackendClassProps;
import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * Props of {@link VolumeSnapshotClass}. Required: {@code name} and {@code backend} (refused by the construct when left
 * out); everything else has a default documented on its accessor.
 */
@Value.Immutable
@PropsStyle
public abstract class VolumeSnapshotClassProps implements BackendClassProps {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What happens to the snapshot in the cloud when its VolumeSnapshot object is deleted: with
     * {@link ReclaimPolicy#RETAIN} the snapshot is kept, so deleting objects never deletes backups.
     *
     * @default {@link ReclaimPolicy#RETAIN}
     */
    @Nullable
    @Value.Default
    public ReclaimPolicy deletionPolicy() {
        return ReclaimPolicy.RETAIN;
    }

    /**
     * Make this the cluster's default class for the driver (annotation
     * {@code snapshot.storage.kubernetes.io/is-default-class: "true"}), used by VolumeSnapshots that
     * name no class.
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean defaultClass() {
        return false;
    }

    /**
     * Driver parameters, e.g. {@code tagSpecification_1: team=ml} (EBS),
     * {@code storage-locations: us-central1} (GCE PD), {@code incremental: "true"} (Azure Disk).
     *
     * @default none
     */
    @AllowNulls
    @Value.NaturalOrder
    public abstract SortedMap<String, String> parameters();

    /**
     * EBS only: the availability zones (e.g. {@code us-east-1a}) where volumes restored from the class's
     * snapshots are fully fast at once (EC2 fast snapshot restore), written as the driver's
     * {@code fastSnapshotRestoreAvailabilityZones} parameter. For replicas that start from a snapshot
     * (a model volume) without reading it lazily from S3 first. EC2 bills each snapshot and zone per
     * hour; the driver's role needs {@code ec2:EnableFastSnapshotRestores}, and a snapshot fails when the
     * zones cannot have it (docs/snapshot.md of the EBS CSI driver).
     *
     * @default none
     */
    public abstract List<String> fastSnapshotRestoreZones();

    /**
     * Labels on the object.
     *
     * @default none
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> labels();

    /** Builder for {@link VolumeSnapshotClassProps}. */
    public static final class Builder extends ImmutableVolumeSnapshotClassProps.Builder {
    }
}
