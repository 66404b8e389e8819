package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;
import java.util.regex.Pattern;

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
    static final Pattern FILE_SYSTEM_ID = Pattern.compile("fs-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern PERMS = Pattern.compile("[0-7]{3,4}");
    private static final String FILE_SYSTEM_RULE = "an EFS file system id: 'fs-' and 17 (or, for old file systems, 8) lower-case hex digits";

    private final String fileSystemId;
    private final String directoryPerms;
    private final String basePath;
    private final Integer gidRangeStart;
    private final Integer gidRangeEnd;

    private AwsEfs(Builder b) {
        String construct = "AwsEfs";
        Checks.optional(construct, "fileSystemId", b.fileSystemId, FILE_SYSTEM_ID.asMatchPredicate(), FILE_SYSTEM_RULE);
        if (b.directoryPerms == null || !PERMS.matcher(b.directoryPerms).matches()) {
            refuse(construct, "directoryPerms", b.directoryPerms, "octal permissions of the access point's directory, such as 700, 750 or 775");
        }
        if (b.basePath != null) {
            Validate.absolutePath(construct, "basePath", b.basePath);
        }
        if ((b.gidRangeStart == null) != (b.gidRangeEnd == null)) {
            refuse(construct, b.gidRangeStart == null ? "gidRangeStart" : "gidRangeEnd", null, "both gidRangeStart and gidRangeEnd, or neither");
        }
        if (b.gidRangeStart != null && (b.gidRangeStart < 1 || b.gidRangeEnd <= b.gidRangeStart)) {
            refuse(construct, "gidRangeEnd", b.gidRangeEnd, "a GID above gidRangeStart (" + b.gidRangeStart + "), and gidRangeStart 1 or more");
        }
        boolean dynamicOnly = b.basePath != null || b.gidRangeStart != null || !"700".equals(b.directoryPerms);
        if (b.fileSystemId == null && dynamicOnly) {
            refuse(construct, "fileSystemId", null,
                    "the file system to create access points on, when directoryPerms, basePath or gidRange are set");
        }
        this.fileSystemId = b.fileSystemId;
        this.directoryPerms = b.directoryPerms;
        this.basePath = b.basePath;
        this.gidRangeStart = b.gidRangeStart;
        this.gidRangeEnd = b.gidRangeEnd;
    }

    /** Dynamic provisioning of one access point per claim on {@code fileSystemId}, with the defaults. */
    public static AwsEfs accessPoints(String fileSystemId) {
        return builder().fileSystemId(Validate.required("AwsEfs", "fileSystemId", fileSystemId, FILE_SYSTEM_RULE)).build();
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
        if (fileSystemId == null) {
            return Map.of();
        }
        return new ClassParameters(driver()).put("provisioningMode", "efs-ap").put("fileSystemId", fileSystemId)
                .put("directoryPerms", directoryPerms).put("basePath", basePath)
                .put("gidRangeStart", gidRangeStart).put("gidRangeEnd", gidRangeEnd).toMap();
    }

    /** Only with a file system to create access points on. */
    @Override
    public boolean provisionsVolumes() {
        return fileSystemId != null;
    }

    @Override
    public String displayName() {
        return driver().name() + " " + (fileSystemId == null ? "static volumes" : fileSystemId) + " (" + provisioner() + ")";
    }

    /** The file system access points are created on, or {@code null} for a class of static volumes. */
    public String fileSystemId() {
        return fileSystemId;
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
            return new AwsEfs(this);
        }
    }
}
