package dev.statefulai.constructs.hydrate;

import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.pod.PodExtras;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.storage.StorageClassSpec;

/**
 * Props of {@link HydratedVolume}. Required: {@code name}, {@code size}, {@code servingClass} and {@code fill};
 * everything else has a default documented on its builder method.
 */
public final class HydratedVolumeProps extends NamedProps {
    /** What the objects of a hydrated volume are, in the order they are rolled out. */
    public enum Stage {
        /** The fill claim and the Job that writes the weights to it. */
        FILL,
        /** Also the snapshot of the filled claim and the ReadOnlyMany claim restored from it, which the replicas mount. */
        SERVE
    }

    private final String size;
    private final StorageClassSpec servingClass;
    private final StorageClassSpec fillClass;
    private final CacheFill fill;
    private final Stage stage;
    private final String snapshotClassName;
    private final PodSecurity security;
    private final String serviceAccountName;
    private final PodExtras extras;

    private HydratedVolumeProps(Builder b) {
        super(b);
        this.size = b.size;
        this.servingClass = b.servingClass;
        this.fillClass = b.fillClass;
        this.fill = b.fill;
        this.stage = b.stage;
        this.snapshotClassName = b.snapshotClassName;
        this.security = b.security;
        this.serviceAccountName = b.serviceAccountName;
        this.extras = b.extras;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String size() {
        return size;
    }

    public StorageClassSpec servingClass() {
        return servingClass;
    }

    /** The class of the fill claim as given, or {@code null} for the serving class. */
    public StorageClassSpec fillClass() {
        return fillClass;
    }

    public CacheFill fill() {
        return fill;
    }

    public Stage stage() {
        return stage;
    }

    public String snapshotClassName() {
        return snapshotClassName;
    }

    public PodSecurity security() {
        return security;
    }

    public String serviceAccountName() {
        return serviceAccountName;
    }

    public PodExtras extras() {
        return extras;
    }

    /** Builder for {@link HydratedVolumeProps}. */
    public static final class Builder extends NamedProps.Builder<Builder> {
        private String size;
        private StorageClassSpec servingClass;
        private StorageClassSpec fillClass;
        private CacheFill fill;
        private Stage stage = Stage.FILL;
        private String snapshotClassName;
        private PodSecurity security = PodSecurity.defaults();
        private String serviceAccountName;
        private PodExtras extras = PodExtras.none();

        private Builder() {
        }

        /** Required. The size of the fill claim and of the serving claim restored from its snapshot, e.g. {@code 100Gi}. */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * Required. The class of the serving claim, of a driver that restores a snapshot as a {@code ReadOnlyMany} volume
         * (the storage-driver catalog says which: GCE PD with Hyperdisk ML, Ceph RBD), e.g. a multi-zone {@code HyperdiskMl}.
         */
        public Builder servingClass(StorageClassSpec servingClass) {
            this.servingClass = servingClass;
            return this;
        }

        /**
         * The class of the fill claim, of the serving class's driver; required when the serving class creates one disk per
         * zone, which takes no read-write claims.
         *
         * @default the serving class
         */
        public Builder fillClass(StorageClassSpec fillClass) {
            this.fillClass = fillClass;
            return this;
        }

        /**
         * Required. What the fill Job copies into the fill claim, {@code into} this volume's name, e.g.
         * {@code CacheFill.fromHuggingFace(model).into(name)} or {@code CacheFill.fromClaim(bucketClaim).into(name)}.
         */
        public Builder fill(CacheFill fill) {
            this.fill = fill;
            return this;
        }

        /**
         * How far the rollout is: {@link Stage#FILL} (the fill claim and Job), then, once the Job has completed,
         * {@link Stage#SERVE} (the snapshot and the serving claim). A snapshot taken while the Job writes would hold half
         * the weights; nothing in Kubernetes orders the two, so the stage is a commit of its own.
         *
         * @default {@link Stage#FILL}
         */
        public Builder stage(Stage stage) {
            this.stage = stage;
            return this;
        }

        /**
         * The VolumeSnapshotClass of the snapshot.
         *
         * @default none: the cluster's default class for the driver
         */
        public Builder snapshotClassName(String snapshotClassName) {
            this.snapshotClassName = snapshotClassName;
            return this;
        }

        /**
         * User, group and fsGroup of the fill Job's pod; make them the serving pods', whose files they become.
         *
         * @default {@link PodSecurity#defaults()}
         */
        public Builder security(PodSecurity security) {
            this.security = security;
            return this;
        }

        /**
         * The ServiceAccount of the fill Job's pod, e.g. a source bucket's ({@code ModelBucket.serviceAccountName()}).
         *
         * @default none, and no API token
         */
        public Builder serviceAccountName(String serviceAccountName) {
            this.serviceAccountName = serviceAccountName;
            return this;
        }

        /**
         * Annotations and volumes of the fill Job's pod that a source bucket asks for ({@code ModelBucket.podExtras()}), and
         * annotations on the Job.
         *
         * @default {@link PodExtras#none()}
         */
        public Builder extras(PodExtras extras) {
            this.extras = extras;
            return this;
        }

        public HydratedVolumeProps build() {
            return new HydratedVolumeProps(this);
        }
    }
}
