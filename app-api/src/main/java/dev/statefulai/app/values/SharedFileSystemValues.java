package dev.statefulai.app.values;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.storage.files.Filestore;
import dev.statefulai.constructs.storage.files.FsxLustre;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;

/**
 * A StorageClass of a parallel or shared file system in values files: FSx for Lustre or Filestore, new file
 * systems per claim, and the existing ones a class serves. Keys of the other backend are refused.
 *
 * @param name             the class name
 * @param backend          {@code fsx-lustre} or {@code filestore}
 * @param reclaimPolicy    {@code Retain} (default) or {@code Delete}
 * @param subnetId         fsx-lustre: the subnet of new file systems; none: existing file systems only
 * @param securityGroupIds fsx-lustre: security groups of new file systems (port 988 open to the nodes)
 * @param deploymentType   fsx-lustre: {@code PERSISTENT_2} (default), {@code PERSISTENT_1}, {@code SCRATCH_2}, {@code SCRATCH_1}
 * @param throughput       fsx-lustre: MB/s per TiB of a persistent file system
 * @param s3ImportPath     fsx-lustre: the S3 repository new file systems load from
 * @param s3ExportPath     fsx-lustre: where changed files are exported (same bucket)
 * @param tier             filestore: the service tier; default {@code standard}
 * @param network          filestore: the VPC; default {@code default}
 * @param connectMode      filestore: {@code DIRECT_PEERING} (default) or {@code PRIVATE_SERVICE_ACCESS}
 * @param reservedIpRange  filestore: a CIDR (direct peering) or an allocated range's name (private service access)
 */
public record SharedFileSystemValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String name, Backend backend, ReclaimPolicy reclaimPolicy,
                                     String subnetId, List<String> securityGroupIds, String deploymentType,
                                     @Rule(Rule.Kind.POSITIVE) Integer throughput, String s3ImportPath, String s3ExportPath,
                                     String tier, String network, String connectMode, String reservedIpRange) {

    /** The backends, each a driver of the storage-driver catalog, and the keys it takes. */
    public enum Backend implements DriverChoice {
        /** Amazon FSx for Lustre. */
        FSX_LUSTRE("fsx-lustre", AwsDrivers.FSX_LUSTRE, "subnetId", "securityGroupIds", "deploymentType", "throughput", "s3ImportPath",
                "s3ExportPath"),
        /** Filestore on GKE. */
        FILESTORE("filestore", GcpDrivers.FILESTORE, "tier", "network", "connectMode", "reservedIpRange");

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

    /** The class spec ({@code defaultName} when none is given); Lustre's volumes mount with {@code flock}. */
    public StorageClassSpec toSpec(String defaultName) {
        PropSources.feeds("fileSystem", this);
        StorageClassSpec.Builder spec = StorageClassSpec.builder().name(name != null ? name : defaultName).backend(toBackend());
        Set.ifGiven(reclaimPolicy, spec::reclaimPolicy);
        if (backend == Backend.FSX_LUSTRE) {
            spec.mountOptions(List.of(FsxLustre.FLOCK));
        }
        return spec.build();
    }

    /** The backend named; a key of the other backend is refused. */
    public StorageBackend toBackend() {
        Backend kind = backend == null ? Backend.FSX_LUSTRE : backend;
        BackendKeys.refuseOthers("fileSystem", "backend", kind, this);
        if (kind == Backend.FILESTORE) {
            PropSources.feeds("Filestore", "", this, null);
            Filestore.Builder filestore = Filestore.builder();
            Set.ifGiven(tier, filestore::tier);
            Set.ifGiven(network, filestore::network);
            Set.ifGiven(connectMode, filestore::connectMode);
            Set.ifGiven(reservedIpRange, filestore::reservedIpRange);
            return filestore.build();
        }
        PropSources.feeds("FsxLustre", "", this, null);
        PropSources.feeds("FsxLustre", "perUnitStorageThroughput", this, "throughput");
        FsxLustre.Builder fsx = FsxLustre.builder().subnetId(subnetId).securityGroupIds(securityGroupIds).perUnitStorageThroughput(throughput)
                .s3ImportPath(s3ImportPath).s3ExportPath(s3ExportPath);
        Set.ifGiven(deploymentType, fsx::deploymentType);
        return fsx.build();
    }

    /** An existing file system of this class's backend, from {@code values} (its keys of the other backend refused). */
    public PreProvisionedVolume existing(ExistingFileSystemValues values) {
        PropSources.feeds("existing", values);
        if (backend == Backend.FILESTORE) {
            PropSources.feeds("FilestoreVolume", "", values, null);
            BackendKeys.refuseOthers("existing", "backend", backend, List.of(), "fileSystemId", values.fileSystemId(), "dnsName", values.dnsName(),
                    "mountName", values.mountName());
            return Filestore.instances("standard").existingVolume(values.location(), values.instance(), values.share(), values.ip());
        }
        PropSources.feeds("FsxLustreVolume", "", values, null);
        BackendKeys.refuseOthers("existing", "backend", Backend.FSX_LUSTRE, List.of(), "location", values.location(), "instance", values.instance(),
                "share", values.share(), "ip", values.ip());
        return FsxLustre.staticVolumes().existingVolume(values.fileSystemId(), values.dnsName(), values.mountName());
    }
}
