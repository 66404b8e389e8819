package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import java.util.List;

/**
 * What the builders of {@link ClaimTemplate} and {@link PipelineVolume} add to the setters of {@link ClaimProps}.
 *
 * @param <B> the concrete builder, returned by every method
 */
public interface ClaimBuilder<B extends ClaimBuilder<B>> {

    /** The access modes asked for; see {@link ClaimProps#accessModes()}. */
    B accessModes(Iterable<? extends AccessMode> accessModes);

    /** Where a new claim's data comes from; see {@link ClaimProps#dataSource()}. */
    B dataSource(Claim.DataSource dataSource);

    /** Convenience for {@link #accessModes(Iterable)}. */
    default B accessModes(AccessMode... accessModes) {
        return accessModes(List.of(accessModes));
    }

    /**
     * Create the new claim from this {@code VolumeSnapshot} (CSI snapshots, same namespace). Replaces
     * {@link #cloneFromClaim}. Default: an empty volume.
     */
    default B restoreFromSnapshot(String snapshotName) {
        return dataSource(new Claim.DataSource("snapshot.storage.k8s.io", "VolumeSnapshot", snapshotName));
    }

    /**
     * Create the new claim as a clone of this claim (same namespace, same class, at least its size),
     * e.g. a cache filled once. Replaces {@link #restoreFromSnapshot}. Default: an empty volume.
     */
    default B cloneFromClaim(String claimName) {
        return dataSource(new Claim.DataSource(null, "PersistentVolumeClaim", claimName));
    }
}
