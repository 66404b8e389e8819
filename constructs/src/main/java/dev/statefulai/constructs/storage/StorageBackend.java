package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.AccessMode;
import java.util.Map;
import java.util.Set;

/**
 * A kind of storage a StorageClass provisions from. A backend knows what it can give (access modes,
 * expansion, whether volumes are tied to one node), so that a combination it cannot serve fails at
 * synth time with a sentence instead of at apply time with a claim stuck in Pending.
 */
public interface StorageBackend {

    /** The StorageClass {@code provisioner}, e.g. {@code ebs.csi.aws.com}. */
    String provisioner();

    /** The StorageClass {@code parameters}; empty when the backend takes none. */
    Map<String, String> parameters();

    /** The access modes a volume of this backend can be mounted with. */
    Set<AccessMode> accessModes();

    /** Whether a bound claim can grow in place ({@code allowVolumeExpansion}). */
    boolean supportsExpansion();

    /** Whether each volume lives on one node's disks, which forces {@code WaitForFirstConsumer}. */
    boolean isNodeLocal();

    /** A short human name for messages, e.g. {@code AWS EBS gp3 (ebs.csi.aws.com)}. */
    String displayName();

    /**
     * Whether the backend creates a volume for a claim that names no existing volume (dynamic
     * provisioning). Default: every backend that is not node-local; a backend without the parameters
     * its driver needs to create volumes (an EFS class without a file system, an NFS class without a
     * server) says {@code false}, and then only pre-provisioned volumes can use its class.
     */
    default boolean provisionsVolumes() {
        return !isNodeLocal();
    }

    /** Whether volumes can be raw block devices ({@code volumeMode: Block}). Default {@code true}; shared file systems say {@code false}. */
    default boolean supportsBlockVolumes() {
        return true;
    }

    /**
     * The end of the sentence that refuses {@code allowVolumeExpansion: true} on a backend that does not
     * support it. Default {@code which cannot grow volumes}.
     */
    default String noExpansionReason() {
        return "which cannot grow volumes";
    }

    /**
     * Whether the backend's CSI driver takes volume snapshots, so that a {@link VolumeSnapshotClass} can
     * name it. Default {@code false}.
     */
    default boolean supportsSnapshots() {
        return false;
    }
}
