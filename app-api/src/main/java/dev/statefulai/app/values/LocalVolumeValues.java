package dev.statefulai.app.values;

import dev.statefulai.constructs.storage.LocalVolume;

/**
 * A local disk on one node, for a pre-provisioned local PersistentVolume.
 *
 * @param node the node's {@code kubernetes.io/hostname}
 * @param path the disk's mount point on the node
 */
public record LocalVolumeValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String node, String path) {

    /** The construct's volume. */
    public LocalVolume toVolume() {
        return LocalVolume.on(node, path);
    }
}
