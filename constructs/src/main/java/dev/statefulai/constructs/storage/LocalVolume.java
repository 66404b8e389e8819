package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Validate;
import java.util.List;
import org.cdk8s.plus28.k8s.LocalVolumeSource;
import org.cdk8s.plus28.k8s.NodeSelector;
import org.cdk8s.plus28.k8s.NodeSelectorRequirement;
import org.cdk8s.plus28.k8s.NodeSelectorTerm;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.VolumeNodeAffinity;

/**
 * A directory or mounted disk on one node, as a {@code local} PersistentVolume with node affinity to
 * that node's {@code kubernetes.io/hostname}: without the affinity the scheduler could put the pod on
 * a node where the path does not exist.
 */
public final class LocalVolume implements PreProvisionedVolume {
    /** The node label that names a node. */
    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    private final String node;
    private final String path;

    private LocalVolume(String node, String path) {
        this.node = Validate.dnsSubdomain("LocalVolume", "node", node);
        this.path = Validate.absolutePath("LocalVolume", "path", path);
    }

    /**
     * @param node the node's {@code kubernetes.io/hostname} label
     * @param path the mount point of the disk on that node, e.g. {@code /mnt/nvme0}
     */
    public static LocalVolume on(String node, String path) {
        return new LocalVolume(node, path);
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec) {
        spec.local(LocalVolumeSource.builder().path(path).build());
        spec.nodeAffinity(VolumeNodeAffinity.builder()
                .required(NodeSelector.builder()
                        .nodeSelectorTerms(List.of(NodeSelectorTerm.builder()
                                .matchExpressions(List.of(NodeSelectorRequirement.builder()
                                        .key(HOSTNAME_LABEL).operator("In").values(List.of(node)).build()))
                                .build()))
                        .build())
                .build());
    }

    @Override
    public String provisioner() {
        return LocalDisks.NO_PROVISIONER;
    }

    @Override
    public String handle() {
        return node + ":" + path;
    }

    /** The node the volume is on. */
    public String node() {
        return node;
    }

    /** The path on the node. */
    public String path() {
        return path;
    }
}
