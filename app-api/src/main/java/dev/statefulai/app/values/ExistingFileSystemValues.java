package dev.statefulai.app.values;

/**
 * An existing file system of a {@link SharedFileSystemValues} class, for a pre-provisioned volume.
 *
 * @param fileSystemId fsx-lustre: the file system id, e.g. {@code fs-0123456789abcdef0}
 * @param dnsName      fsx-lustre: its DNS name
 * @param mountName    fsx-lustre: its mount name
 * @param location     filestore: the instance's zone (or region)
 * @param instance     filestore: the instance's name
 * @param share        filestore: the file share's name
 * @param ip           filestore: the instance's IP address
 */
public record ExistingFileSystemValues(String fileSystemId, String dnsName, String mountName, String location, String instance,
                                       String share, String ip) {
}
