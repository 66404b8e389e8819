package dev.statefulai.constructs.storage.files;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.constructs.storage.OptionalProvisioningBackend;
import dev.statefulai.constructs.storage.keys.AwsKmsKey;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * Amazon FSx for Lustre through its CSI driver ({@code fsx.csi.aws.com}): a parallel file system for
 * training data and checkpoints that many pods on many nodes read and write ({@code ReadWriteMany}).
 *
 * <p>With a {@code subnetId}, each claim without an existing volume gets a new file system in that one
 * subnet ("only one subnet is allowed inside a storageclass's parameters.subnetId"), with the security
 * groups given (port 988 open), linked to an S3 repository when {@code s3ImportPath} is set (new and
 * changed files exported to {@code s3ExportPath}). Without one, the class serves existing file systems
 * only ({@link #existingVolume}). Lustre needs the {@link #FLOCK} mount option for applications that
 * lock files: put it in the class's mount options (the driver's examples do). What the driver gives
 * (ReadWriteOnce and ReadWriteMany, growth, encryption at rest, no snapshots) is {@link AwsDrivers#FSX_LUSTRE}.
 */
@Value.Immutable
@PropsStyle
public abstract class FsxLustre extends OptionalProvisioningBackend implements AwsKmsKey {
    /** The mount option that enables file locking across clients (examples/kubernetes/static_provisioning/specs/pv.yaml). */
    public static final String FLOCK = "flock";
    /**
     * The throughput per TiB each persistent deployment type takes, in MB/s (FSx API,
     * CreateFileSystemLustreConfiguration.PerUnitStorageThroughput, SSD storage).
     */
    private static final Map<String, Set<Integer>> THROUGHPUT = Map.of(
            "PERSISTENT_1", Set.of(50, 100, 200), "PERSISTENT_2", Set.of(125, 250, 500, 1000));

    FsxLustre() {
        super("FsxLustre", AwsDrivers.FSX_LUSTRE);
    }

    /**
     * The one subnet new file systems are created in.
     *
     * @default none: the class serves existing file systems only
     */
    @Nullable
    public abstract String subnetId();

    /**
     * Security groups of new file systems; they must allow Lustre traffic (port 988) from the nodes.
     *
     * @default none ({@code null})
     */
    @Nullable
    public abstract List<String> securityGroupIds();

    /**
     * {@code SCRATCH_1}, {@code SCRATCH_2} (temporary, not replicated), {@code PERSISTENT_1} or {@code PERSISTENT_2}.
     *
     * @default {@code PERSISTENT_2}: data survives a failed file server
     */
    @Nullable
    @Value.Default
    public String deploymentType() {
        return "PERSISTENT_2";
    }

    /**
     * Throughput per TiB of a persistent file system: 125, 250, 500 or 1000 MB/s for {@code PERSISTENT_2},
     * 50, 100 or 200 for {@code PERSISTENT_1}; required with them and with a subnet.
     *
     * @default none
     */
    @Nullable
    public abstract Integer perUnitStorageThroughput();

    /**
     * The S3 repository new file systems load from, {@code s3://bucket/prefix}; files appear at once and load on first read.
     *
     * @default none
     */
    @Nullable
    public abstract String s3ImportPath();

    /**
     * Where new and changed files are exported, in the bucket of {@code s3ImportPath}.
     *
     * @default none
     */
    @Nullable
    public abstract String s3ExportPath();

    /**
     * LZ4 compression of the file system's data ({@code dataCompressionType}).
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean compressed() {
        return false;
    }

    /** The security groups given, none when left out. */
    private List<String> groups() {
        return securityGroupIds() == null ? List.of() : securityGroupIds();
    }

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        parameter("subnetId", subnetId(), "subnetId");
        parameter("deploymentType", deploymentType(), "deploymentType");
        parameter("kmsKeyId", kmsKeyId(), "kmsKeyId");
        if (subnetId() != null) {
            String groups = groups().isEmpty() ? null : String.join(",", groups());
            Checks.required(construct(), "securityGroupIds", groups, driver().parameter("securityGroupIds").orElseThrow()::accepts,
                    "one or more security group ids, such as sg-0123456789abcdef0, that allow Lustre (port 988) from the nodes");
        } else if (!groups().isEmpty() || s3ImportPath() != null || perUnitStorageThroughput() != null) {
            refuse("subnetId", null,
                    "the subnet to create file systems in, when securityGroupIds, s3ImportPath or perUnitStorageThroughput are set");
        }
        Set<Integer> throughputs = THROUGHPUT.get(deploymentType());
        if (throughputs == null && (perUnitStorageThroughput() != null || kmsKeyId() != null)) {
            refuse(kmsKeyId() != null ? "kmsKeyId" : "perUnitStorageThroughput",
                    kmsKeyId() != null ? kmsKeyId() : perUnitStorageThroughput(),
                    "nothing for deploymentType " + deploymentType() + ": only persistent file systems take it");
        }
        if (throughputs != null && subnetId() != null && !throughputs.contains(perUnitStorageThroughput())) {
            refuse("perUnitStorageThroughput", perUnitStorageThroughput(),
                    "one of " + new TreeSet<>(throughputs) + " MB/s per TiB for deploymentType " + deploymentType());
        }
        Checks.optional(construct(), "s3ImportPath", s3ImportPath(), path -> path.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?"),
                "an S3 URL such as s3://ml-datasets/train");
        if (s3ExportPath() != null && (s3ImportPath() == null || !bucket(s3ExportPath()).equals(bucket(s3ImportPath())))) {
            refuse("s3ExportPath", s3ExportPath(),
                    "a path in the bucket of s3ImportPath (" + s3ImportPath() + "): the driver exports only to the bucket it imports from");
        }
    }

    private static String bucket(String s3Url) {
        String rest = s3Url.startsWith("s3://") ? s3Url.substring(5) : s3Url;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** A new {@code PERSISTENT_2} file system per claim in {@code subnetId}, {@code throughput} MB/s per TiB. */
    public static FsxLustre persistent(String subnetId, List<String> securityGroupIds, int throughput) {
        return builder().subnetId(subnetId).securityGroupIds(securityGroupIds).perUnitStorageThroughput(throughput).build();
    }

    /** A class for existing file systems only. */
    public static FsxLustre staticVolumes() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The subnet to create file systems in. */
    @Override
    protected String provisioningTarget() {
        return subnetId() == null ? null : deploymentType() + " in " + subnetId();
    }

    @Override
    protected ClassParameters classParameters(ClassParameters parameters) {
        return parameters.put("subnetId", subnetId())
                .put("securityGroupIds", String.join(",", groups()))
                .put("deploymentType", deploymentType()).put("perUnitStorageThroughput", perUnitStorageThroughput())
                .put("kmsKeyId", kmsKeyId()).put("s3ImportPath", s3ImportPath()).put("s3ExportPath", s3ExportPath())
                .put("dataCompressionType", compressed() ? "LZ4" : null);
    }

    /**
     * An existing file system, for a pre-provisioned PersistentVolume. Every node of the VPC reaches it, so
     * the volume has no node affinity.
     *
     * @param fileSystemId the file system id, e.g. {@code fs-0123456789abcdef0}
     * @param dnsName      its DNS name, e.g. {@code fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com}
     * @param mountName    its mount name, e.g. {@code abcdef01} ({@code fsx} for a SCRATCH_1 file system)
     */
    public FsxLustreVolume existingVolume(String fileSystemId, String dnsName, String mountName) {
        return new FsxLustreVolume(fileSystemId, dnsName, mountName);
    }

    /** Builder for {@link FsxLustre}. */
    public static final class Builder extends ImmutableFsxLustre.Builder {
    }
}
