package dev.statefulai.constructs.hydrate;

import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.pod.PodProps;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.storage.StorageClassSpec;
import org.immutables.value.Value;

/**
 * Props of {@link HydratedVolume}. Required: {@code name}, {@code size}, {@code servingClass} and {@code fill};
 * everything else has a default documented on its accessor.
 */
@Value.Immutable
@PropsStyle
public abstract class HydratedVolumeProps extends NamedProps implements PodProps {
    /** What the objects of a hydrated volume are, in the order they are rolled out. */
    public enum Stage {
        /** The fill claim and the Job that writes the weights to it. */
        FILL,
        /** Also the snapshot of the filled claim and the ReadOnlyMany claim restored from it, which the replicas mount. */
        SERVE
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The size of the fill claim and of the serving claim restored from its snapshot, e.g. {@code 100Gi}. */
    @Nullable
    public abstract String size();

    /**
     * Required. The class of the serving claim, of a driver that restores a snapshot as a {@code ReadOnlyMany} volume
     * (the storage-driver catalog says which: GCE PD with Hyperdisk ML, Ceph RBD), e.g. a multi-zone {@code HyperdiskMl}.
     */
    @Nullable
    public abstract StorageClassSpec servingClass();

    /**
     * The class of the fill claim, of the serving class's driver; required when the serving class creates one disk per
     * zone, which takes no read-write claims.
     *
     * @default the serving class
     */
    @Nullable
    public abstract StorageClassSpec fillClass();

    /**
     * Required. What the fill Job copies into the fill claim, {@code into} this volume's name, e.g.
     * {@code CacheFill.fromHuggingFace(model).into(name)} or {@code CacheFill.fromClaim(bucketClaim).into(name)}.
     */
    @Nullable
    public abstract CacheFill fill();

    /**
     * How far the rollout is: {@link Stage#FILL} (the fill claim and Job), then, once the Job has completed,
     * {@link Stage#SERVE} (the snapshot and the serving claim). A snapshot taken while the Job writes would hold half
     * the weights; nothing in Kubernetes orders the two, so the stage is a commit of its own.
     *
     * @default {@link Stage#FILL}
     */
    @Nullable
    @Value.Default
    public Stage stage() {
        return Stage.FILL;
    }

    /**
     * The VolumeSnapshotClass of the snapshot.
     *
     * @default none: the cluster's default class for the driver
     */
    @Nullable
    public abstract String snapshotClassName();

    /**
     * User, group and fsGroup of the fill Job's pod; make them the serving pods', whose files they become.
     *
     * @default {@link PodSecurity#defaults()}
     */
    @Nullable
    @Value.Default
    public PodSecurity security() {
        return PodSecurity.defaults();
    }

    /** Builder for {@link HydratedVolumeProps}. */
    public static final class Builder extends ImmutableHydratedVolumeProps.Builder {
    }
}
