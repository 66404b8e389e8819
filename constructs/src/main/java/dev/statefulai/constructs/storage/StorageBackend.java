package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.facts.drivers.Attachment;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A kind of storage a StorageClass provisions from. What a backend can give (access modes, expansion,
 * whether volumes are tied to one node) is its driver's entry in the storage-driver catalog
 * ({@link #driver()}), so that a combination it cannot serve fails at synth time with a sentence instead
 * of at apply time with a claim stuck in Pending, and the safety gate judges manifests by the same facts.
 */
public interface StorageBackend {

    /** The driver's entry in the storage-driver catalog. */
    StorageDriver driver();

    /** The StorageClass {@code provisioner}, e.g. {@code ebs.csi.aws.com}. */
    default String provisioner() {
        return driver().provisioner();
    }

    /** The StorageClass {@code parameters}; empty when the backend takes none. */
    Map<String, String> parameters();

    /** A short human name for messages, e.g. {@code AWS EBS gp3 (ebs.csi.aws.com)}. */
    String displayName();

    /** The access modes a volume can be mounted with. */
    default Set<AccessMode> accessModes() {
        return Arrays.stream(AccessMode.values()).filter(m -> driver().gives(m.value())).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a bound claim can grow in place ({@code allowVolumeExpansion}). */
    default boolean supportsExpansion() {
        return driver().expansion().grows();
    }

    /** The end of the sentence that refuses {@code allowVolumeExpansion: true} when the backend cannot grow volumes. */
    default String noExpansionReason() {
        return driver().expansion().refusal();
    }

    /** Whether each volume lives on one node's disks, which forces {@code WaitForFirstConsumer}. */
    default boolean isNodeLocal() {
        return driver().attachment() == Attachment.NODE_LOCAL;
    }

    /**
     * Whether the backend creates a volume for a claim that names no existing one. Default: whether the
     * driver does; a class without what its driver needs to create volumes (an EFS class without a file
     * system, an NFS class without a server) serves only pre-provisioned volumes.
     */
    default boolean provisionsVolumes() {
        return driver().dynamicProvisioning();
    }

    /** Whether volumes can be raw block devices ({@code volumeMode: Block}); shared file systems cannot. */
    default boolean supportsBlockVolumes() {
        return driver().givesBlockVolumes();
    }

    /** Whether the driver takes volume snapshots, so that a {@code VolumeSnapshotClass} can name it. */
    default boolean supportsSnapshots() {
        return driver().snapshots();
    }
}
