package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.Parameter;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

/**
 * Amazon EFS, a regional NFS file system, through the EFS CSI driver ({@code efs.csi.aws.com}): the
 * backend for datasets many pods on many nodes read and write at once ({@code ReadWriteMany}).
 *
 * <p>With a {@code fileSystemId}, claims without an existing volume are provisioned dynamically: the
 * driver creates one EFS access point per claim ({@code provisioningMode: efs-ap}) under
 * {@code basePath}, a directory owned by a user and group of its own from the {@code gidRange},
 * with {@code directoryPerms}. The access point enforces that identity, so pods need not run as any
 * particular user. Without a {@code fileSystemId} the class serves only pre-provisioned volumes
 * ({@link #existingVolume(String)}). EFS is elastic and ignores a claim's size; what the driver gives
 * (no expansion, no block mode, no snapshots: back EFS up with AWS Backup) is {@link AwsDrivers#EFS}.
 */
public final class AwsEfs implements StorageBackend {
    private final Props props;

    private record Props(String fileSystemId, String directoryPerms, String basePath, Integer gidRangeStart, Integer gidRangeEnd) {
    }

    private AwsEfs(Props p) {
        String construct = "AwsEfs";
        Checks.parameter(construct, "fileSystemId", p.fileSystemId(), AwsDrivers.EFS, "fileSystemId");
        Parameter perms = AwsDrivers.EFS.parameter("directoryPerms").orElseThrow();
        if (!perms.accepts(p.directoryPerms())) {
            refuse(construct, "directoryPerms", p.directoryPerms(), perms.rule());
        }
        if (p.basePath() != null) {
            Validate.absolutePath(construct, "basePath", p.basePath());
        }
        if ((p.gidRangeStart() == null) != (p.gidRangeEnd() == null)) {
            refuse(construct, p.gidRangeStart() == null ? "gidRangeStart" : "gidRangeEnd", null,
                    "both gidRangeStart and gidRangeEnd, or neither");
        }
        if (p.gidRangeStart() != null && (p.gidRangeStart() < 1 || p.gidRangeEnd() <= p.gidRangeStart())) {
            refuse(construct, "gidRangeEnd", p.gidRangeEnd(),
                    "a GID above gidRangeStart (" + p.gidRangeStart() + "), and gidRangeStart 1 or more");
        }
        boolean dynamicOnly = p.basePath() != null || p.gidRangeStart() != null || !"700".equals(p.directoryPerms());
        if (p.fileSystemId() == null && dynamicOnly) {
            refuse(construct, "fileSystemId", null,
                    "the file system to create access points on, when directoryPerms, basePath or gidRange are set");
        }
        this.props = p;
    }

    /** Dynamic provisioning of one access point per claim on {@code fileSystemId}, with the defaults. */
    public static AwsEfs accessPoints(String fileSystemId) {
        String rule = AwsDrivers.EFS.parameter("fileSystemId").orElseThrow().rule();
        return builder().fileSystemId(Validate.required("AwsEfs", "fileSystemId", fileSystemId, rule)).build();
    }

    /** A class for pre-provisioned EFS volumes only. */
    public static AwsEfs staticVolumes() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StorageDriver driver() {
        return AwsDrivers.EFS;
    }

    @Override
    public Map<String, String> parameters() {
        if (props.fileSystemId() == null) {
            return Map.of();
        }
        return new ClassParameters(driver()).put("provisioningMode", "efs-ap").put("fileSystemId", props.fileSystemId())
                .put("directoryPerms", props.directoryPerms()).put("basePath", props.basePath())
                .put("gidRangeStart", props.gidRangeStart()).put("gidRangeEnd", props.gidRangeEnd()).toMap();
    }

    /** Only with a file system to create access points on. */
    @Override
    public boolean provisionsVolumes() {
        return props.fileSystemId() != null;
    }

    @Override
    public String displayName() {
        String volumes = props.fileSystemId() == null ? "static volumes" : props.fileSystemId();
        return driver().name() + " " + volumes + " (" + provisioner() + ")";
    }

    /** The file system access points are created on, or {@code null} for a class of static volumes. */
    public String fileSystemId() {
        return props.fileSystemId();
    }

    /**
     * An existing EFS file system, directory or access point, for a pre-provisioned PersistentVolume.
     * The volume handle is what the driver takes: {@code fs-0123456789abcdef0} (the whole file system),
     * {@code fs-0123456789abcdef0:/datasets} (a directory) or
     * {@code fs-0123456789abcdef0::fsap-0123456789abcdef0} (an access point, optionally with a directory
     * between the colons).
     */
    public EfsVolume existingVolume(String volumeHandle) {
        return new EfsVolume(volumeHandle);
    }

    /** Builder for {@link AwsEfs}. */
    public static final class Builder {
        private String fileSystemId;
        private String directoryPerms = "700";
        private String basePath;
        private Integer gidRangeStart;
        private Integer gidRangeEnd;

        /**
         * The file system to create one access point per claim on ({@code provisioningMode: efs-ap}).
         * Default none: the class serves only pre-provisioned volumes.
         */
        public Builder fileSystemId(String fileSystemId) {
            this.fileSystemId = fileSystemId;
            return this;
        }

        /** Octal permissions of each access point's root directory. Default {@code 700} (only its owner). */
        public Builder directoryPerms(String directoryPerms) {
            this.directoryPerms = directoryPerms;
            return this;
        }

        /** The directory under which access point directories are created. Default: the driver's, {@code /}. */
        public Builder basePath(String basePath) {
            this.basePath = basePath;
            return this;
        }

        /**
         * The range of user and group ids the driver gives access points, both ends or neither.
         * Default: the driver's, 50000 to 7000000.
         */
        public Builder gidRange(Integer start, Integer end) {
            this.gidRangeStart = start;
            this.gidRangeEnd = end;
            return this;
        }

        public AwsEfs build() {
            return new AwsEfs(new Props(fileSystemId, directoryPerms, basePath, gidRangeStart, gidRangeEnd));
        }
    }
}
