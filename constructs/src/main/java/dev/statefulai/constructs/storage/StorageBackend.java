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
}
