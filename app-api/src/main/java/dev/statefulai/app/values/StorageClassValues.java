package dev.statefulai.app.values;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.storage.AzureDisk;
import dev.statefulai.constructs.storage.GcePd;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.NfsCsi;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.SelfHostedDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;

/**
 * A StorageClass in values files. Options that do not apply to the chosen backend are refused.
 *
 * @param name                the class name
 * @param backend             {@code ebs} (EBS CSI, the default), {@code ebs-in-tree} (retired, explicit only),
 *                            {@code efs}, {@code gce-pd}, {@code azure-disk}, {@code nfs} or {@code local}
 * @param reclaimPolicy       {@code Retain} (default) or {@code Delete}
 * @param volumeType          ebs: the volume type (default {@code gp3}); gce-pd: the disk type (default
 *                            {@code pd-balanced}); azure-disk: the SKU (default {@code Premium_LRS})
 * @param encrypted           ebs: encryption; default {@code true}
 * @param kmsKeyId            ebs: the KMS key ARN; gce-pd: the Cloud KMS key; default the provider's key
 * @param iops                ebs: provisioned IOPS; azure-disk: {@code DiskIOPSReadWrite} (PremiumV2_LRS, UltraSSD_LRS)
 * @param throughput          ebs: gp3 throughput in MiB/s; azure-disk: {@code DiskMBpsReadWrite} in MB/s
 * @param fileSystemId        efs: the file system to create one access point per claim on; default none (existing volumes only)
 * @param directoryPerms      efs: permissions of each access point's directory; default {@code 700}
 * @param basePath            efs: the directory access points are created under; default {@code /}
 * @param regional            gce-pd: replicate disks to two zones; default {@code false}
 * @param diskEncryptionSetId azure-disk: the disk encryption set for customer-managed keys
 * @param server              nfs: the server to create one directory per claim on; default none (existing volumes only)
 * @param share               nfs: the exported path new volumes go under; required with {@code server}
 * @param mountOptions        mount options of the class's volumes, e.g. {@code [nfsvers=4.1]}; default none
 */
public record StorageClassValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String name, Backend backend, ReclaimPolicy reclaimPolicy,
                                 String volumeType, Boolean encrypted, String kmsKeyId,
                                 @Rule(Rule.Kind.POSITIVE) Integer iops, @Rule(Rule.Kind.POSITIVE) Integer throughput,
                                 String fileSystemId, String directoryPerms, String basePath, Boolean regional,
                                 String diskEncryptionSetId, String server, String share, List<String> mountOptions) {

    /** The backends a values file can name: each a driver of the storage-driver catalog, and the keys it takes. */
    public enum Backend implements DriverChoice {
        /** AWS EBS through the CSI driver. */
        EBS("ebs", AwsDrivers.EBS, "volumeType", "encrypted", "kmsKeyId", "iops", "throughput"),
        /** AWS EBS through the retired in-tree provisioner: only for clusters that still need it. */
        EBS_IN_TREE("ebs-in-tree", AwsDrivers.EBS_IN_TREE, "volumeType", "encrypted", "kmsKeyId", "iops", "throughput"),
        /** AWS EFS through the CSI driver: shared ReadWriteMany file systems. */
        EFS("efs", AwsDrivers.EFS, "fileSystemId", "directoryPerms", "basePath"),
        /** GCE persistent disks through the CSI driver. */
        GCE_PD("gce-pd", GcpDrivers.PD, "volumeType", "kmsKeyId", "regional"),
        /** Azure managed disks through the CSI driver. */
        AZURE_DISK("azure-disk", AzureDrivers.DISK, "volumeType", "iops", "throughput", "diskEncryptionSetId"),
        /** An NFS server through the NFS CSI driver: shared ReadWriteMany file systems. */
        NFS("nfs", SelfHostedDrivers.NFS, "server", "share"),
        /** Local disks of the nodes, with pre-provisioned volumes. */
        LOCAL("local", SelfHostedDrivers.LOCAL);

        private final DriverChoice.Spec spec;

        Backend(String value, StorageDriver driver, String... keys) {
            this.spec = new DriverChoice.Spec(value, driver, keys);
        }

        @Override
        public DriverChoice.Spec spec() {
            return spec;
        }

        @Override
        public String toString() {
            return spec.value();
        }
    }

    /** A class with every key left out: the construct defaults (EBS gp3), named by the caller. */
    public static StorageClassValues defaults() {
        return new StorageClassValues(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The class spec; {@code defaultName} when no name is given. */
    public StorageClassSpec toSpec(String defaultName) {
        StorageClassSpec.Builder spec = StorageClassSpec.builder()
                .name(name != null ? name : defaultName)
                .backend(toBackend());
        Set.ifGiven(reclaimPolicy, spec::reclaimPolicy);
        Set.ifGiven(mountOptions, spec::mountOptions);
        return spec.build();
    }

    /** The backend named by {@code backend} ({@code ebs} when none). */
    public Backend backendOrDefault() {
        return backend == null ? Backend.EBS : backend;
    }

    /** The backend named by {@code backend}; a key of another backend is refused. */
    public StorageBackend toBackend() {
        Backend kind = backendOrDefault();
        feedsBackendProps();
        BackendKeys.refuseOthers("storageClass", "backend", kind, this);
        switch (kind) {
            case EBS, EBS_IN_TREE -> {
                AwsEbs.Builder ebs = AwsEbs.builder().legacyInTreeProvisioner(kind == Backend.EBS_IN_TREE);
                Set.ifGiven(volumeType, ebs::volumeType);
                Set.ifGiven(encrypted, ebs::encrypted);
                Set.ifGiven(kmsKeyId, ebs::kmsKeyId);
                Set.ifGiven(iops, ebs::iops);
                Set.ifGiven(throughput, ebs::throughput);
                return ebs.build();
            }
            case EFS -> {
                AwsEfs.Builder efs = AwsEfs.builder();
                Set.ifGiven(fileSystemId, efs::fileSystemId);
                Set.ifGiven(directoryPerms, efs::directoryPerms);
                Set.ifGiven(basePath, efs::basePath);
                return efs.build();
            }
            case GCE_PD -> {
                GcePd.Builder pd = GcePd.builder();
                Set.ifGiven(volumeType, pd::diskType);
                Set.ifGiven(regional, pd::regional);
                Set.ifGiven(kmsKeyId, pd::kmsKey);
                return pd.build();
            }
            case AZURE_DISK -> {
                AzureDisk.Builder disk = AzureDisk.builder();
                Set.ifGiven(volumeType, disk::skuName);
                Set.ifGiven(iops, disk::diskIops);
                Set.ifGiven(throughput, disk::diskMbps);
                Set.ifGiven(diskEncryptionSetId, disk::diskEncryptionSetId);
                return disk.build();
            }
            case NFS -> {
                NfsCsi.Builder nfs = NfsCsi.builder();
                Set.ifGiven(server, nfs::server);
                Set.ifGiven(share, nfs::share);
                return nfs.build();
            }
            default -> {
                return LocalDisks.noProvisioner();
            }
        }
    }

    /**
     * Tells where the props of the class and its backend come from: StorageClassSpec's and the apps' refusals name
     * this record's keys ({@code storageClass.name}), and so do the backends', but for the props of GCE PD and Azure
     * Disk that have names of their own.
     */
    private void feedsBackendProps() {
        PropSources.feeds("storageClass", this);
        for (String backend : List.of("AwsEbs", "AwsEfs", "GcePd", "AzureDisk", "NfsCsi")) {
            PropSources.feeds(backend, "", this, null);
        }
        PropSources.feeds("GcePd", "diskType", this, "volumeType");
        PropSources.feeds("GcePd", "kmsKey", this, "kmsKeyId");
        PropSources.feeds("AzureDisk", "skuName", this, "volumeType");
        PropSources.feeds("AzureDisk", "diskIops", this, "iops");
        PropSources.feeds("AzureDisk", "diskMbps", this, "throughput");
    }
}
