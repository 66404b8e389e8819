package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

import java.util.List;

/** The Amazon Web Services drivers: EBS (and its retired in-tree provisioner), EFS, Mountpoint for Amazon S3 and FSx for Lustre. */
public final class AwsDrivers {
    private static final Format KMS_KEY = Format.of("arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)",
            "the ARN of a KMS key or alias, such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    private static final Format VOLUME_ID = Format.of("vol-([0-9a-f]{8}|[0-9a-f]{17})",
            "an EBS volume id: 'vol-' and 17 (or, for old volumes, 8) lower-case hex digits");
    /** The EBS volume types, which the in-tree provisioner passes on to the CSI driver as they are. */
    private static final String[] VOLUME_TYPES = {"io1", "io2", "gp2", "gp3", "sc1", "st1", "standard"};
    /** Encryption of EBS volumes, the same through the CSI driver and the in-tree provisioner. */
    private static final Encryption ENCRYPTION = Encryption.byParameter("encrypted", "kmsKeyId",
            "only with parameter encrypted: \"true\"; key kmsKeyId");

    /**
     * Amazon EBS through its CSI driver. Multi-Attach (ReadWriteMany of io2 volumes in Block mode, which
     * needs I/O fencing by the application) is left out: the project gives EBS volumes to one node.
     */
    public static final StorageDriver EBS = DriverShapes.zonalDisk("AWS EBS", "ebs.csi.aws.com", "topology.ebs.csi.aws.com/zone")
            .docs("https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md")
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD)
            .volumeHandle(VOLUME_ID)
            .encryption(ENCRYPTION)
            .parameters(
                    Parameter.csiFsType("xfs", "ext3", "ext4"),
                    Parameter.oneOf("type", "EBS volume type (default gp3)", VOLUME_TYPES),
                    Parameter.wholeNumber("iopsPerGB", "IOPS per GiB of io1, io2 and gp3 volumes; not with iops"),
                    Parameter.bool("allowAutoIOPSPerGBIncrease", "raise IOPS to the volume type's minimum"),
                    Parameter.bool("allowAutoIOPSIncreaseOnModify", "keep the IOPS per GiB when a volume grows"),
                    Parameter.wholeNumber("iops", "IOPS of io1, io2 and gp3 volumes"),
                    Parameter.wholeNumber("throughput", "MiB/s of gp3 volumes (default 125)"),
                    Parameter.bool("encrypted", "encrypt volumes at rest (default false)"),
                    Parameter.formatted("kmsKeyId", "ARN of the KMS key (default the region's aws/ebs key)", KMS_KEY),
                    Parameter.wholeNumber("blockSize", "block size of the new file system"),
                    Parameter.wholeNumber("inodeSize", "inode size of the new file system"),
                    Parameter.wholeNumber("bytesPerInode", "bytes-per-inode of a new ext3 or ext4 file system"),
                    Parameter.wholeNumber("numberOfInodes", "number of inodes of a new ext3 or ext4 file system"),
                    Parameter.bool("ext4BigAlloc", "clustered block allocation of a new ext4 file system"),
                    Parameter.wholeNumber("ext4ClusterSize", "cluster size with ext4BigAlloc"),
                    Parameter.bool("ext4EncryptionSupport", "ext4 file system encryption (fscrypt) feature"),
                    Parameter.wholeNumber("volumeInitializationRate", "MiB/s to initialize a volume restored from a snapshot"))
            .build();

    /**
     * The retired in-tree EBS provisioner (removed in Kubernetes 1.27; its classes and volumes work only
     * through CSI migration, which passes {@code type} and {@code encrypted} on to {@link #EBS}).
     */
    public static final StorageDriver EBS_IN_TREE = DriverShapes.retired("AWS EBS in-tree", "kubernetes.io/aws-ebs",
                    "awsElasticBlockStore", EBS, "aws-ebs")
            .encryption(ENCRYPTION)
            .parameters(Parameter.oneOf("type", "EBS volume type, as the CSI driver takes it", VOLUME_TYPES))
            .parameters(CommonParameters.inTreeZones("volumes"))
            .parameters(
                    Parameter.wholeNumber("iopsPerGB", "IOPS per GiB of io1 volumes"),
                    CommonParameters.fsType("fsType", "volumes"),
                    Parameter.bool("encrypted", "encrypt volumes at rest"),
                    Parameter.formatted("kmsKeyId", "ARN of the KMS key", KMS_KEY))
            .build();

    /** Amazon EFS through its CSI driver: a shared file system, one access point per claim. */
    public static final StorageDriver EFS = DriverShapes.sharedFileSystem("AWS EFS", "efs.csi.aws.com", READ_WRITE_ONCE, READ_ONLY_MANY,
                    READ_WRITE_MANY)
            .docs("https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/parameters.md")
            .volumeHandle(Format.of("(?s)(?!.*\\.\\.)(?!.*:\\z)fs-([0-9a-f]{8}|[0-9a-f]{17})(:(/[^:]*)?(:fsap-[0-9a-f]{17})?)?",
                    "an EFS volume handle: fs-0123456789abcdef0, fs-0123456789abcdef0:/path, or fs-0123456789abcdef0::fsap-0123456789abcdef0"
                            + " (an access point, optionally with a path between the colons)"))
            .encryption(Encryption.byTheStorage("the file system's own setting, chosen when it is created; in transit by TLS (default)"))
            .expansion(Expansion.sizeNotEnforced("EFS is elastic and does not enforce a claim's size"))
            .parameters(
                    Parameter.oneOf("provisioningMode", "what a claim gets: an access point", "efs-ap"),
                    Parameter.formatted("fileSystemId", "the file system access points are created on", Format.of("fs-([0-9a-f]{8}|[0-9a-f]{17})",
                            "an EFS file system id: 'fs-' and 17 (or, for old file systems, 8) lower-case hex digits")),
                    Parameter.text("fileSystemIdConfigRef", "namespace/name/key of a ConfigMap holding the file system id"),
                    Parameter.text("fileSystemIdSecretRef", "namespace/name/key of a Secret holding the file system id"),
                    Parameter.formatted("directoryPerms", "octal permissions of each access point's root directory",
                            Format.of("[0-7]{3,4}", "octal permissions of the access point's directory, such as 700, 750 or 775")),
                    Parameter.wholeNumber("uid", "POSIX user id of the access point's root directory"),
                    Parameter.wholeNumber("gid", "POSIX group id of the access point's root directory"),
                    Parameter.wholeNumber("gidRangeStart", "first POSIX group id the driver gives (default 50000)"),
                    Parameter.wholeNumber("gidRangeEnd", "last POSIX group id the driver gives (default 7000000)"),
                    Parameter.text("basePath", "directory under which access point directories are created"),
                    Parameter.text("subPathPattern", "template of each access point's directory (default /${.PV.name})"),
                    Parameter.bool("ensureUniqueDirectory", "append a unique id to subPathPattern (default true)"),
                    Parameter.text("az", "zone of the mount target for cross-account provisioning"),
                    Parameter.bool("enforceZoneAffinity", "topology of a One Zone file system (default false)"),
                    Parameter.bool("reuseAccessPoint", "access point client token from the claim's name (default false)"),
                    Parameter.bool("enableTagging", "tag each access point (default true)"))
            .build();

    /**
     * Mountpoint for Amazon S3 through its CSI driver: an existing bucket as a pre-provisioned volume
     * ({@code storageClassName: ""}, docs/CONFIGURATION.md, "Static Provisioning": "The CSI driver supports
     * only static provisioning"). The node plugin takes {@code MULTI_NODE_MULTI_WRITER} and
     * {@code MULTI_NODE_READER_ONLY} (pkg/driver/node/node.go, {@code volumeCaps}), mounts a file system only,
     * adds {@code --read-only} for ReadOnlyMany or a read-only publish, and honors {@code fsGroup}
     * ({@code VOLUME_MOUNT_GROUP}, docs/UPGRADING_TO_V2.md). Volume attributes: pkg/driver/node/volumecontext;
     * mount options: Mountpoint's flags without {@code --} (pkg/mountpoint/args.go, examples/kubernetes/static_provisioning).
     */
    public static final StorageDriver S3_MOUNTPOINT = DriverShapes.existingBuckets("Mountpoint for Amazon S3", "s3.csi.aws.com",
                    "the bucket's own server-side encryption; mount option sse aws:kms for SSE-KMS", READ_ONLY_MANY, READ_WRITE_MANY)
            .docs("https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md")
            .bucket(new BucketMount("bucketName", List.of(
                    Parameter.text("bucketName", "the bucket's name (an access point ARN or alias for Outposts)"),
                    Parameter.oneOf("authenticationSource", "whose credentials: the driver's (default) or the pod's ServiceAccount",
                            "driver", "pod"),
                    Parameter.text("stsRegion", "the STS region of pod-level credentials with IRSA"),
                    Parameter.oneOf("cache", "the local cache's volume (default: no cache)", "emptyDir", "ephemeral"),
                    Parameter.formatted("cacheEmptyDirSizeLimit", "size limit of an emptyDir cache", Format.QUANTITY),
                    Parameter.oneOf("cacheEmptyDirMedium", "medium of an emptyDir cache (default the node's disk)", "Memory"),
                    Parameter.text("cacheEphemeralStorageClassName", "StorageClass of an ephemeral cache (required with it)"),
                    Parameter.formatted("cacheEphemeralStorageResourceRequest", "size of an ephemeral cache (required with it)",
                            Format.QUANTITY),
                    Parameter.text("mountpointPodServiceAccountName", "ServiceAccount of the Mountpoint pod"),
                    Parameter.text("mountpointContainerResourcesRequestsCpu", "CPU request of the Mountpoint container"),
                    Parameter.text("mountpointContainerResourcesRequestsMemory", "memory request of the Mountpoint container"),
                    Parameter.text("mountpointContainerResourcesLimitsCpu", "CPU limit of the Mountpoint container"),
                    Parameter.text("mountpointContainerResourcesLimitsMemory", "memory limit of the Mountpoint container")),
                    List.of("region", "prefix", "metadata-ttl", "allow-other", "allow-root", "uid", "gid", "dir-mode", "file-mode",
                            "max-cache-size", "allow-delete", "allow-overwrite", "read-only", "sse", "sse-kms-key-id", "aws-max-attempts"),
                    new FileCache.DriverVolume("cache", "emptyDir", "cacheEmptyDirSizeLimit", "ephemeral", "cacheEphemeralStorageClassName",
                            "cacheEphemeralStorageResourceRequest", "cache"),
                    true, null, "eks.amazonaws.com/role-arn",
                    "https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md#static-provisioning"))
            .build();

    /**
     * Amazon FSx for Lustre through its CSI driver: a parallel file system, one per claim (dynamic) or an
     * existing one (static, volume handle the file system id, {@code volumeAttributes} {@code dnsname} and
     * {@code mountname}). Access modes {@code SINGLE_NODE_WRITER} and {@code MULTI_NODE_MULTI_WRITER}
     * (pkg/driver/controller.go, {@code volumeCaps}); file systems grow ({@code ControllerExpandVolume}); no
     * snapshots. Every file system is encrypted at rest (FSx for Lustre guide, "Encrypting data at rest":
     * scratch with FSx-managed keys, persistent with {@code kmsKeyId}). Parameters: pkg/driver/controller.go
     * and examples/kubernetes/dynamic_provisioning{,_s3}/README.md.
     */
    public static final StorageDriver FSX_LUSTRE = DriverShapes.sharedFileSystem("Amazon FSx for Lustre", "fsx.csi.aws.com", READ_WRITE_ONCE,
                    READ_WRITE_MANY)
            .docs("https://github.com/kubernetes-sigs/aws-fsx-csi-driver/blob/master/examples/kubernetes/dynamic_provisioning/README.md")
            .volumeHandle(Format.of("fs-[0-9a-f]{17}", "an FSx file system id: 'fs-' and 17 lower-case hex digits"))
            .encryption(Encryption.always("kmsKeyId", "always (FSx-managed key; persistent file systems: key kmsKeyId)"))
            .expansion(Expansion.RESIZES)
            .parameters(
                    Parameter.formatted("subnetId", "the one subnet the file system is created in", Format.of("subnet-([0-9a-f]{8}|[0-9a-f]{17})",
                            "a subnet id: 'subnet-' and 17 (or 8) lower-case hex digits")),
                    Parameter.formatted("securityGroupIds", "security groups of the file system, comma-separated", Format.of(
                            "sg-([0-9a-f]{8}|[0-9a-f]{17})(,sg-([0-9a-f]{8}|[0-9a-f]{17}))*",
                            "security group ids separated by commas, such as sg-0123456789abcdef0,sg-0fedcba9876543210")),
                    Parameter.oneOf("deploymentType", "scratch or persistent (default SCRATCH_1)", "SCRATCH_1", "SCRATCH_2", "PERSISTENT_1",
                            "PERSISTENT_2"),
                    Parameter.formatted("kmsKeyId", "KMS key of a persistent file system", KMS_KEY),
                    Parameter.wholeNumber("perUnitStorageThroughput", "MB/s per TiB of a persistent file system (default 200)"),
                    Parameter.oneOf("storageType", "storage of PERSISTENT_1 (default SSD)", "SSD", "HDD"),
                    Parameter.oneOf("driveCacheType", "drive cache of HDD storage (required with it)", "NONE", "READ"),
                    Parameter.text("autoImportPolicy", "how changes in the linked S3 repository are imported (needs s3ImportPath)"),
                    Parameter.text("s3ImportPath", "S3 repository the file system loads from, s3://bucket/prefix"),
                    Parameter.text("s3ExportPath", "S3 path new and changed files are exported to (same bucket; needs s3ImportPath)"),
                    Parameter.oneOf("dataCompressionType", "compression (default NONE)", "NONE", "LZ4"),
                    Parameter.wholeNumber("automaticBackupRetentionDays", "days automatic backups are kept (default 7, 0 none)"),
                    Parameter.text("dailyAutomaticBackupStartTime", "HH:MM (UTC) of daily backups"),
                    Parameter.bool("copyTagsToBackups", "copy the file system's tags to backups (default false)"),
                    Parameter.text("weeklyMaintenanceStartTime", "d:HH:MM (UTC) of weekly maintenance"),
                    Parameter.text("fileSystemTypeVersion", "Lustre version, e.g. 2.12"),
                    Parameter.text("extraTags", "tags of the file system, Tag1=Value1,Tag2=Value2"),
                    Parameter.bool("efaEnabled", "Elastic Fabric Adapter for a PERSISTENT_2 file system"),
                    Parameter.oneOf("metadataConfigurationMode", "metadata IOPS of PERSISTENT_2", "AUTOMATIC", "USER_PROVISIONED"),
                    Parameter.wholeNumber("metadataIops", "metadata IOPS with USER_PROVISIONED"))
            .build();

    private AwsDrivers() {
    }
}
