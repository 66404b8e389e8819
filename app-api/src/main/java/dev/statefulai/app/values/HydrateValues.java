package dev.statefulai.app.values;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.VolumeBindingMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.hydrate.HydratedVolumeProps;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.constructs.storage.disks.HyperdiskMl;

/**
 * Weights hydrated once onto Hyperdisk ML and served read-only in every zone ({@code HydratedVolume}): a fill
 * class {@code <storageClass>-fill} of one disk, and a serving class {@code <storageClass>} that restores the
 * snapshot as one disk per zone ({@code multiZone}), bound at once ({@code Immediate}, so that the claim is ready
 * before the replicas come).
 *
 * @param stage           {@code fill} (the fill claim and Job) then, once the Job completed, {@code serve} (the
 *                        snapshot and the ReadOnlyMany claim); default {@code fill}
 * @param size            size of the disks, e.g. {@code 100Gi}
 * @param storageClass    name of the serving class (the fill class is {@code <storageClass>-fill})
 * @param throughputMiBps throughput of each disk in MiB/s (Hyperdisk ML: 400 or more); default the disk size's default
 * @param multiZone       one disk per zone for the serving claim; default true
 * @param snapshotClass   the VolumeSnapshotClass; default the cluster's default for the driver
 * @param reclaimPolicy   of both classes; default {@code Retain}
 */
public record HydrateValues(Stage stage, @Rule(Rule.Kind.SIZE) String size, @Rule(Rule.Kind.DNS_SUBDOMAIN) String storageClass,
                            @Rule(Rule.Kind.POSITIVE) Integer throughputMiBps, Boolean multiZone,
                            @Rule(Rule.Kind.DNS_SUBDOMAIN) String snapshotClass, ReclaimPolicy reclaimPolicy) {

    /** The stage of the rollout, as values files spell it. */
    public enum Stage {
        FILL("fill", HydratedVolumeProps.Stage.FILL),
        SERVE("serve", HydratedVolumeProps.Stage.SERVE);

        private final String value;
        private final HydratedVolumeProps.Stage stage;

        Stage(String value, HydratedVolumeProps.Stage stage) {
            this.value = value;
            this.stage = stage;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** The props of a {@code HydratedVolume} named {@code name} filled by {@code fill}; classes default to {@code <name>}. */
    public HydratedVolumeProps.Builder toProps(String name, CacheFill fill) {
        PropSources.feeds("hydrate", this);
        PropSources.feeds("HydratedVolume '" + name + "'", "", this, null);
        PropSources.feeds("HyperdiskMl", "", this, null);
        String className = storageClass != null ? storageClass : name;
        HydratedVolumeProps.Builder props = HydratedVolumeProps.builder().name(name).size(size).fill(fill)
                .servingClass(spec(className, !Boolean.FALSE.equals(multiZone), VolumeBindingMode.IMMEDIATE))
                .fillClass(spec(className + "-fill", false, VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER))
                .snapshotClassName(snapshotClass);
        Set.ifGiven(stage, s -> props.stage(s.stage));
        return props;
    }

    private StorageClassSpec spec(String name, boolean multi, VolumeBindingMode binding) {
        StorageClassSpec.Builder spec = StorageClassSpec.builder().name(name).volumeBindingMode(binding)
                .backend(HyperdiskMl.builder().throughputMiBps(throughputMiBps).multiZone(multi).build());
        Set.ifGiven(reclaimPolicy, spec::reclaimPolicy);
        return spec.build();
    }
}
