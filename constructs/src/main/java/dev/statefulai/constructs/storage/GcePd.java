package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.storage.keys.CloudKmsKey;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.GcpDrivers;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * Google Compute Engine persistent disks through the GCE PD CSI driver ({@code pd.csi.storage.gke.io}):
 * zonal {@code pd-balanced} with {@code ext4} unless the builder says otherwise. {@code regional(true)}
 * replicates each disk synchronously to two zones of the region ({@code replication-type: regional-pd}).
 * {@code ReadOnlyMany} attaches an existing disk read-only to many nodes, so it is only for
 * pre-provisioned volumes holding data already. What the driver gives is {@link GcpDrivers#PD}.
 */
@Value.Immutable
@PropsStyle
public abstract class GcePd extends FormattedDisk implements CloudKmsKey {
    /** The disk types that can be replicated to two zones (all but pd-extreme). */
    private static final Set<String> REGIONAL_TYPES = Set.of("pd-balanced", "pd-ssd", "pd-standard");

    GcePd() {
        super("GcePd", GcpDrivers.PD);
    }

    /** One of {@code pd-balanced}, {@code pd-ssd}, {@code pd-standard}, {@code pd-extreme}. Default {@code pd-balanced}. */
    @Nullable
    @Value.Default
    public String diskType() {
        return "pd-balanced";
    }

    /**
     * Replicate each disk to two zones of the region ({@code replication-type: regional-pd}).
     * Default {@code false} ({@code replication-type: none}).
     */
    @Value.Default
    public boolean regional() {
        return false;
    }

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        parameter("diskType", diskType(), "type");
        if (regional() && !REGIONAL_TYPES.contains(diskType())) {
            refuse("regional", true,
                    "false for diskType " + diskType() + ": regional disks are one of " + new TreeSet<>(REGIONAL_TYPES));
        }
        parameter("kmsKey", kmsKey(), "disk-encryption-kms-key");
    }

    /** Zonal {@code pd-balanced}: the default for most workloads. */
    public static GcePd balanced() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected ClassParameters diskParameters(ClassParameters parameters) {
        return parameters.put("type", diskType())
                .put("replication-type", regional() ? "regional-pd" : "none").put("disk-encryption-kms-key", kmsKey());
    }

    @Override
    protected String variant() {
        return diskType() + (regional() ? " regional" : "");
    }

    /** Whether disks are replicated to two zones. */
    public boolean isRegional() {
        return regional();
    }

    /**
     * An existing zonal disk, for a pre-provisioned PersistentVolume with node affinity to its zone.
     *
     * @param project the project id
     * @param zone    the disk's zone, e.g. {@code us-central1-a}
     * @param disk    the disk name
     */
    public GcePdVolume existingVolume(String project, String zone, String disk) {
        if (regional()) {
            refuse("regional", true, "false for a zonal disk: use existingRegionalVolume for a regional disk");
        }
        return GcePdVolume.zonal(project, zone, disk, fsType());
    }

    /**
     * An existing regional disk, for a pre-provisioned PersistentVolume with node affinity to its two
     * replica zones.
     *
     * @param project      the project id
     * @param region       the disk's region, e.g. {@code us-central1}
     * @param disk         the disk name
     * @param replicaZones the two zones the disk is replicated to, e.g. {@code us-central1-a} and {@code us-central1-b}
     */
    public GcePdVolume existingRegionalVolume(String project, String region, String disk, List<String> replicaZones) {
        if (!regional()) {
            refuse("regional", false, "true for a regional disk: use existingVolume for a zonal disk");
        }
        return GcePdVolume.regional(project, region, disk, replicaZones, fsType());
    }

    /** Builder for {@link GcePd}. */
    public static final class Builder extends ImmutableGcePd.Builder {
    }
}
