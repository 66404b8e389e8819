package dev.statefulai.app.values;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.storage.snapshot.VolumeSnapshotClass;
import dev.statefulai.constructs.storage.snapshot.VolumeSnapshotClassProps;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A VolumeSnapshotClass in values files, for the driver of the app's storage class.
 *
 * @param name           the class name
 * @param deletionPolicy {@code Retain} (default: deleting a VolumeSnapshot object keeps the snapshot) or {@code Delete}
 * @param defaultClass   make it the cluster's default snapshot class for the driver; default {@code false}
 * @param parameters     driver parameters, e.g. {@code tagSpecification_1: team=ml} on EBS; default none
 * @param fastSnapshotRestoreZones EBS: zones where volumes restored from the snapshots are fast at once (EC2 fast snapshot
 *                       restore, billed per snapshot and zone); default none
 */
public record VolumeSnapshotClassValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String name, ReclaimPolicy deletionPolicy,
                                        Boolean defaultClass, Map<String, String> parameters, List<String> fastSnapshotRestoreZones) {

    /** The construct under {@code scope}, for {@code backend}'s driver; {@code defaultName} when no name is given. */
    public VolumeSnapshotClass addTo(Construct scope, String id, StorageBackend backend, String defaultName) {
        String className = name != null ? name : defaultName;
        PropSources.feeds("VolumeSnapshotClass '" + className + "'", "", this, null);
        VolumeSnapshotClassProps.Builder props = VolumeSnapshotClassProps.builder()
                .name(className)
                .backend(backend);
        Set.ifGiven(deletionPolicy, props::deletionPolicy);
        Set.ifGiven(defaultClass, props::defaultClass);
        Set.ifGiven(parameters, props::parameters);
        Set.ifGiven(fastSnapshotRestoreZones, props::fastSnapshotRestoreZones);
        return new VolumeSnapshotClass(scope, id, props.build());
    }
}
