package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.SelfHostedDrivers;
import java.util.List;
import org.cdk8s.plus28.k8s.LocalVolumeSource;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * A directory or mounted disk on one node, as a {@code local} PersistentVolume with node affinity to
 * that node's {@code kubernetes.io/hostname}: without the affinity the scheduler could put the pod on
 * a node where the path does not exist. Its {@link #handle()} is {@code <node>:<path>}.
 */
public final class LocalVolume extends CatalogVolume {
    private final String path;

    private LocalVolume(String node, String path) {
        super(SelfHostedDrivers.LOCAL, node + ":" + path, null, List.of(node));
        this.path = path;
    }

    /**
     * @param node the node's {@code kubernetes.io/hostname} label
     * @param path the mount point of the disk on that node, e.g. {@code /mnt/nvme0}
     */
    public static LocalVolume on(String node, String path) {
        return new LocalVolume(Validate.dnsSubdomain("LocalVolume", "node", node), Validate.absolutePath("LocalVolume", "path", path));
    }

    @Override
    protected void source(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        spec.local(LocalVolumeSource.builder().path(path).build());
    }

    /** The node the volume is on. */
    public String node() {
        return places().get(0);
    }

    /** The path on the node. */
    public String path() {
        return path;
    }
}
