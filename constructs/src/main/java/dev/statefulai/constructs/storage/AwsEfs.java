package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.Parameter;
import org.immutables.value.Value;

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
@Value.Immutable
@PropsStyle
public abstract class AwsEfs extends OptionalProvisioningBackend {

    AwsEfs() {
        super("AwsEfs", AwsDrivers.EFS);
    }

    /**
     * The file system to create one access point per claim on ({@code provisioningMode: efs-ap}).
     * Default none: the class serves only pre-provisioned volumes.
     */
    @Nullable
    public abstract String fileSystemId();

    /** Octal permissions of each access point's root directory. Default {@code 700} (only its owner). */
    @Nullable
    @Value.Default
    public String directoryPerms() {
        return "700";
    }

    /** The directory under which access point directories are created. Default: the driver's, {@code /}. */
    @Nullable
    public abstract String basePath();

    /** The first id of the {@code gidRange}; set with {@link Builder#gidRange}. */
    @Nullable
    public abstract Integer gidRangeStart();

    /** The last id of the {@code gidRange}; set with {@link Builder#gidRange}. */
    @Nullable
    public abstract Integer gidRangeEnd();

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        parameter("fileSystemId", fileSystemId(), "fileSystemId");
        Parameter perms = AwsDrivers.EFS.parameter("directoryPerms").orElseThrow();
        if (!perms.accepts(directoryPerms())) {
            refuse("directoryPerms", directoryPerms(), perms.rule());
        }
        if (basePath() != null) {
            Validate.absolutePath(construct(), "basePath", basePath());
        }
        if ((gidRangeStart() == null) != (gidRangeEnd() == null)) {
            refuse(gidRangeStart() == null ? "gidRangeStart" : "gidRangeEnd", null,
                    "both gidRangeStart and gidRangeEnd, or neither");
        }
        if (gidRangeStart() != null && (gidRangeStart() < 1 || gidRangeEnd() <= gidRangeStart())) {
            refuse("gidRangeEnd", gidRangeEnd(),
                    "a GID above gidRangeStart (" + gidRangeStart() + "), and gidRangeStart 1 or more");
        }
        boolean dynamicOnly = basePath() != null || gidRangeStart() != null || !"700".equals(directoryPerms());
        if (fileSystemId() == null && dynamicOnly) {
            refuse("fileSystemId", null,
                    "the file system to create access points on, when directoryPerms, basePath or gidRange are set");
        }
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

    /** The file system to create access points on. */
    @Override
    protected String provisioningTarget() {
        return fileSystemId();
    }

    @Override
    protected ClassParameters classParameters(ClassParameters parameters) {
        return parameters.put("provisioningMode", "efs-ap").put("fileSystemId", fileSystemId())
                .put("directoryPerms", directoryPerms()).put("basePath", basePath())
                .put("gidRangeStart", gidRangeStart()).put("gidRangeEnd", gidRangeEnd());
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
    public static final class Builder extends ImmutableAwsEfs.Builder {
        /**
         * The range of user and group ids the driver gives access points, both ends or neither.
         * Default: the driver's, 50000 to 7000000.
         */
        public Builder gidRange(Integer start, Integer end) {
            return gidRangeStart(start).gidRangeEnd(end);
        }
    }
}
