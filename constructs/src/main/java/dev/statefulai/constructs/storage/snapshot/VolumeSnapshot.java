package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.Recording;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A {@code VolumeSnapshot} ({@code snapshot.storage.k8s.io/v1}) of one claim, for teams that take
 * snapshots themselves (a release step, a one-off before a migration) rather than through a backup
 * tool. The snapshot is taken once, when the object is created; a GitOps engine must not prune it, and
 * a new snapshot needs a new name.
 *
 * <p>Defaults: the chart's namespace, the cluster's default VolumeSnapshotClass for the claim's driver.
 */
public class VolumeSnapshot extends SnapshotResource {
    private final String namespace;
    private final String claimName;
    private final String snapshotClassName;

    public VolumeSnapshot(Construct scope, String id, VolumeSnapshotProps props) {
        super(scope, id, "VolumeSnapshot", props.name());
        String construct = construct();
        this.namespace = props.namespace() != null ? Validate.dnsLabel(construct, "namespace", props.namespace())
                : Recording.chartNamespaceOf(this);
        this.claimName = Validate.dnsSubdomain(construct, "claimName", props.claimName());
        this.snapshotClassName = props.snapshotClassName() == null ? null
                : Validate.dnsSubdomain(construct, "snapshotClassName", props.snapshotClassName());
        ApiObjectMetadata.Builder meta = metadata(props.labels());
        if (namespace != null) {
            meta.namespace(namespace);
        }
        Map<String, Object> spec = new TreeMap<>();
        spec.put("source", Map.of("persistentVolumeClaimName", claimName));
        if (snapshotClassName != null) {
            spec.put("volumeSnapshotClassName", snapshotClassName);
        }
        define(meta.build(), Map.of("spec", spec), false);
    }

    /** The claim it snapshots. */
    public String getClaimName() {
        return claimName;
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = outputsOfKind();
        if (namespace != null) {
            out.put("namespace", namespace);
        }
        out.put("claim", claimName);
        if (snapshotClassName != null) {
            out.put("volumeSnapshotClass", snapshotClassName);
        }
        return out;
    }
}
