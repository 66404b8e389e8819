package dev.statefulai.constructs.storage.files;

import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.facts.drivers.AwsDrivers;
import java.util.Map;

/**
 * An existing FSx for Lustre file system: volume handle the file system id, {@code volumeAttributes}
 * {@code dnsname} and {@code mountname} (examples/kubernetes/static_provisioning/specs/pv.yaml of the
 * driver). Create with {@link FsxLustre#existingVolume}.
 */
public final class FsxLustreVolume extends AttributedVolume {
    private static final String CONSTRUCT = "FsxLustreVolume";

    FsxLustreVolume(String fileSystemId, String dnsName, String mountName) {
        super(AwsDrivers.FSX_LUSTRE, Checks.formatted(CONSTRUCT, "fileSystemId", fileSystemId, AwsDrivers.FSX_LUSTRE.volumeHandle()),
                Map.of("dnsname", Checks.required(CONSTRUCT, "dnsName", dnsName, name -> name.startsWith(fileSystemId + ".fsx."),
                                "the file system's DNS name, " + fileSystemId + ".fsx.<region>.amazonaws.com"),
                        "mountname", Checks.required(CONSTRUCT, "mountName", mountName, name -> name.matches("[a-z0-9]{1,8}"),
                                "the file system's mount name, such as abcdef01 (fsx for SCRATCH_1)")));
    }

    /** The file system's DNS name. */
    public String dnsName() {
        return attribute("dnsname");
    }

    /** The file system's mount name. */
    public String mountName() {
        return attribute("mountname");
    }
}
