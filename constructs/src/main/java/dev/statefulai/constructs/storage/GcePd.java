package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Google Compute Engine persistent disks through the GCE PD CSI driver ({@code pd.csi.storage.gke.io}):
 * zonal {@code pd-balanced} with {@code ext4} unless the builder says otherwise. {@code regional(true)}
 * replicates each disk synchronously to two zones of the region ({@code replication-type: regional-pd}).
 * {@code ReadOnlyMany} attaches an existing disk read-only to many nodes, so it is only for
 * pre-provisioned volumes holding data already. What the driver gives is {@link GcpDrivers#PD}.
 */
public final class GcePd implements StorageBackend {
    /** The disk types that can be replicated to two zones (all but pd-extreme). */
    private static final Set<String> REGIONAL_TYPES = Set.of("pd-balanced", "pd-ssd", "pd-standard");

    private final Props props;

    private record Props(String diskType, boolean regional, String kmsKey, String fsType) {
    }

    private GcePd(Props p) {
        String construct = "GcePd";
        Checks.parameter(construct, "diskType", p.diskType(), GcpDrivers.PD, "type");
        if (p.regional() && !REGIONAL_TYPES.contains(p.diskType())) {
            refuse(construct, "regional", true,
                    "false for diskType " + p.diskType() + ": regional disks are one of " + new TreeSet<>(REGIONAL_TYPES));
        }
        Checks.parameter(construct, "kmsKey", p.kmsKey(), GcpDrivers.PD, "disk-encryption-kms-key");
        this.props = p;
    }

    /** Zonal {@code pd-balanced}: the default for most workloads. */
    public static GcePd balanced() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StorageDriver driver() {
        return GcpDrivers.PD;
    }

    @Override
    public Map<String, String> parameters() {
        return new ClassParameters(driver()).put("type", props.diskType())
                .put("replication-type", props.regional() ? "regional-pd" : "none").put("disk-encryption-kms-key", props.kmsKey())
                .put("csi.storage.k8s.io/fstype", props.fsType()).toMap();
    }

    @Override
    public String displayName() {
        return driver().name() + " " + props.diskType() + (props.regional() ? " regional" : "") + " (" + provisioner() + ")";
    }

    /** Whether disks are replicated to two zones. */
    public boolean isRegional() {
        return props.regional();
    }

    /** The disk type. */
    public String diskType() {
        return props.diskType();
    }

    /**
     * An existing zonal disk, for a pre-provisioned PersistentVolume with node affinity to its zone.
     *
     * @param project the project id
     * @param zone    the disk's zone, e.g. {@code us-central1-a}
     * @param disk    the disk name
     */
    public GcePdVolume existingVolume(String project, String zone, String disk) {
        if (props.regional()) {
            refuse("GcePd", "regional", true, "false for a zonal disk: use existingRegionalVolume for a regional disk");
        }
        return GcePdVolume.zonal(project, zone, disk, props.fsType());
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
        if (!props.regional()) {
            refuse("GcePd", "regional", false, "true for a regional disk: use existingVolume for a zonal disk");
        }
        return GcePdVolume.regional(project, region, disk, replicaZones, props.fsType());
    }

    /** Builder for {@link GcePd}. */
    public static final class Builder {
        private String diskType = "pd-balanced";
        private boolean regional;
        private String kmsKey;
        private String fsType = "ext4";

        /** One of {@code pd-balanced}, {@code pd-ssd}, {@code pd-standard}, {@code pd-extreme}. Default {@code pd-balanced}. */
        public Builder diskType(String diskType) {
            this.diskType = diskType;
            return this;
        }

        /**
         * Replicate each disk to two zones of the region ({@code replication-type: regional-pd}).
         * Default {@code false} ({@code replication-type: none}).
         */
        public Builder regional(boolean regional) {
            this.regional = regional;
            return this;
        }

        /**
         * A customer-managed Cloud KMS key ({@code disk-encryption-kms-key}),
         * {@code projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>}. Default: a Google-managed key.
         */
        public Builder kmsKey(String kmsKey) {
            this.kmsKey = kmsKey;
            return this;
        }

        /** File system for new disks. Default {@code ext4}. */
        public Builder fsType(String fsType) {
            this.fsType = fsType;
            return this;
        }

        public GcePd build() {
            return new GcePd(new Props(diskType, regional, kmsKey, fsType));
        }
    }
}
