package dev.statefulai.facts.drivers;

import java.util.Optional;

/**
 * Where a driver's volume can be used, told by the well-known node label that a pre-provisioned
 * PersistentVolume's node affinity names. The scheduler matches node affinity against node labels,
 * which the kubelet and cloud provider set on every node, so the well-known label serves every
 * driver; the driver's own topology key is {@link StorageDriver#topologyKey()}.
 */
public enum Placement {
    /** In one zone (a cloud disk). */
    ZONE("topology.kubernetes.io/zone"),
    /** On one node (a local disk). */
    NODE("kubernetes.io/hostname"),
    /** From every node of the cluster (a network file system, distributed storage). */
    ANY_NODE(null);

    private final String nodeLabel;

    Placement(String nodeLabel) {
        this.nodeLabel = nodeLabel;
    }

    /** The node label a PersistentVolume's node affinity names; empty for {@link #ANY_NODE}. */
    public Optional<String> nodeLabel() {
        return Optional.ofNullable(nodeLabel);
    }
}
