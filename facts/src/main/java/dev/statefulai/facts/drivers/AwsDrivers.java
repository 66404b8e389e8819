package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

/** The Amazon Web Services drivers: EBS (and its retired in-tree provisioner) and EFS. */
public final class AwsDrivers {
    private static final Format KMS_KEY = Format.of("arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)",
            "the ARN of a KMS key or alias, such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    private static final Format VOLUME_ID = Format.of("vol-([0-9a-f]{8}|[0-9a-f]{17})",
            "an EBS volume id: 'vol-' and 17 (or, for old volumes, 8) lower-case hex digits");

    /**
     * Amazon EBS through its CSI driver. Multi-Attach (ReadWriteMany of io2 volumes in Block mode, which
     * needs I/O fencing by the application) is left out: the project gives EBS volumes to one node.
     */
    public static final StorageDriver EBS = StorageDriver.csi("AWS EBS", "ebs.csi.aws.com")
            .docs("https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md")
            .attachment(Attachment.ONE_NODE_AT_A_TIME)
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD)
            .placement(Placement.ZONE, "topology.ebs.csi.aws.com/zone")
            .volumeHandle(VOLUME_ID)
            .encryption(Encryption.byParameter("encrypted", "kmsKeyId", "only with parameter encrypted: \"true\"; key kmsKeyId"))
            .expansion(Expansion.RESIZES)
            .snapshots()
            .clones()
            .parameters(
                    Parameter.csiFsType("xfs", "ext3", "ext4"),
                    Parameter.oneOf("type", "EBS volume type (default gp3)", "io1", "io2", "gp2", "gp3", "sc1", "st1", "standard"),
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
    public static final StorageDriver EBS_IN_TREE = StorageDriver.retired("AWS EBS in-tree", "kubernetes.io/aws-ebs",
                    "awsElasticBlockStore", EBS)
            .docs("https://v1-26.docs.kubernetes.io/docs/concepts/storage/storage-classes/#aws-ebs")
            .encryption(Encryption.byParameter("encrypted", "kmsKeyId", "only with parameter encrypted: \"true\"; key kmsKeyId"))
            .parameters(
                    Parameter.oneOf("type", "EBS volume type, as the CSI driver takes it", "io1", "io2", "gp2", "gp3", "sc1", "st1", "standard"),
                    Parameter.text("zone", "the zone of new volumes (deprecated: allowedTopologies)"),
                    Parameter.text("zones", "comma-separated zones of new volumes (deprecated: allowedTopologies)"),
                    Parameter.wholeNumber("iopsPerGB", "IOPS per GiB of io1 volumes"),
                    Parameter.text("fsType", "file system of new volumes (default ext4)"),
                    Parameter.bool("encrypted", "encrypt volumes at rest"),
                    Parameter.formatted("kmsKeyId", "ARN of the KMS key", KMS_KEY))
            .build();

    /** Amazon EFS through its CSI driver: a shared file system, one access point per claim. */
    public static final StorageDriver EFS = StorageDriver.csi("AWS EFS", "efs.csi.aws.com")
            .docs("https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/parameters.md")
            .attachment(Attachment.SHARED_FILE_SYSTEM)
            .accessModes(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY)
            .fileSystemOnly()
            .placement(Placement.ANY_NODE, null)
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

    private AwsDrivers() {
    }
}
