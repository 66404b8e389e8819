package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.storage.StorageBackend;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link VolumeSnapshotClass}. Required: {@code name} and {@code backend}; everything else
 * has a default documented on its builder method.
 */
public final class VolumeSnapshotClassProps {
    final String name;
    final StorageBackend backend;
    final ReclaimPolicy deletionPolicy;
    final boolean defaultClass;
    final Map<String, String> parameters;
    final Map<String, String> labels;
    final List<String> fastSnapshotRestoreZones;

    private VolumeSnapshotClassProps(Builder b) {
        this.name = b.name;
        this.backend = b.backend;
        this.deletionPolicy = b.deletionPolicy;
        this.defaultClass = b.defaultClass;
        this.parameters = b.parameters == null ? Map.of() : new TreeMap<>(b.parameters);
        this.labels = b.labels == null ? Map.of() : new TreeMap<>(b.labels);
        this.fastSnapshotRestoreZones = b.fastSnapshotRestoreZones == null ? List.of() : List.copyOf(b.fastSnapshotRestoreZones);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link VolumeSnapshotClassProps}. */
    public static final class Builder {
        private String name;
        private StorageBackend backend;
        private ReclaimPolicy deletionPolicy = ReclaimPolicy.RETAIN;
        private boolean defaultClass;
        private Map<String, String> parameters;
        private Map<String, String> labels;
        private List<String> fastSnapshotRestoreZones;

        /** Required. The class name (cluster-wide), a DNS-1123 subdomain. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Required. The backend whose CSI driver takes the snapshots (the class's {@code driver}), e.g.
         * {@code AwsEbs.gp3()}; it must {@linkplain StorageBackend#supportsSnapshots() support snapshots}.
         */
        public Builder backend(StorageBackend backend) {
            this.backend = backend;
            return this;
        }

        /**
         * What happens to the snapshot in the cloud when its VolumeSnapshot object is deleted. Default
         * {@link ReclaimPolicy#RETAIN}: the snapshot is kept, so deleting objects never deletes backups.
         */
        public Builder deletionPolicy(ReclaimPolicy deletionPolicy) {
            this.deletionPolicy = deletionPolicy;
            return this;
        }

        /**
         * Make this the cluster's default class for the driver (annotation
         * {@code snapshot.storage.kubernetes.io/is-default-class: "true"}), used by VolumeSnapshots that
         * name no class. Default {@code false}.
         */
        public Builder defaultClass(boolean defaultClass) {
            this.defaultClass = defaultClass;
            return this;
        }

        /**
         * Driver parameters, e.g. {@code tagSpecification_1: team=ml} (EBS),
         * {@code storage-locations: us-central1} (GCE PD), {@code incremental: "true"} (Azure Disk).
         * Default none.
         */
        public Builder parameters(Map<String, String> parameters) {
            this.parameters = parameters;
            return this;
        }

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
        public Builder fastSnapshotRestoreZones(List<String> zones) {
            this.fastSnapshotRestoreZones = zones;
            return this;
        }

        /** Labels on the object. Default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public VolumeSnapshotClassProps build() {
            return new VolumeSnapshotClassProps(this);
        }
    }
}
