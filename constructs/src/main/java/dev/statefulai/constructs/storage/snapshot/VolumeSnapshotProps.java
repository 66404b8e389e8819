package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * Props of {@link VolumeSnapshot}. Required: {@code name} and {@code claimName} (refused by the construct when left
 * out); everything else has a default documented on its accessor.
 */
@Value.Immutable
@PropsStyle
public abstract class VolumeSnapshotProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The snapshot's name, a DNS-1123 subdomain, e.g. {@code features-2024-06-01}. */
    @Nullable
    public abstract String name();

    /**
     * The namespace of the snapshot, which must be the claim's.
     *
     * @default the chart's namespace, else none (the namespace kubectl or the GitOps engine applies to)
     */
    @Nullable
    public abstract String namespace();

    /** Required. The claim to snapshot (in the same namespace). */
    @Nullable
    public abstract String claimName();

    /**
     * The VolumeSnapshotClass to use.
     *
     * @default none: the cluster's default class for the claim's driver
     */
    @Nullable
    public abstract String snapshotClassName();

    /**
     * Labels on the object.
     *
     * @default none
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> labels();

    /** Builder for {@link VolumeSnapshotProps}. */
    public static final class Builder extends ImmutableVolumeSnapshotProps.Builder {

        /** The class to use, by its construct. Default none (see {@link #snapshotClassName(String)}). */
        public Builder snapshotClass(VolumeSnapshotClass snapshotClass) {
            return snapshotClassName(snapshotClass == null ? null : snapshotClass.getName());
        }
    }
}
