package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.constructs.render.Recording;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObject;
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
public class VolumeSnapshot extends RecordableConstruct implements HasOutputs {
    private final String name;
    private final String namespace;
    private final String claimName;
    private final String snapshotClassName;
    private final KubeObject<ApiObject, Map<String, Object>> apiObject;

    public VolumeSnapshot(Construct scope, String id, VolumeSnapshotProps props) {
        super(scope, id);
        dev.statefulai.constructs.OutputsRegistry.register(this);
        String construct = "VolumeSnapshot '" + (props.name == null ? id : props.name) + "'";
        this.name = Validate.dnsSubdomain(construct, "name", props.name);
        this.namespace = props.namespace != null ? Validate.dnsLabel(construct, "namespace", props.namespace)
                : Recording.chartNamespaceOf(this);
        this.claimName = Validate.dnsSubdomain(construct, "claimName", props.claimName);
        this.snapshotClassName = props.snapshotClassName == null ? null
                : Validate.dnsSubdomain(construct, "snapshotClassName", props.snapshotClassName);
        ApiObjectMetadata.Builder meta = ApiObjectMetadata.builder().name(name);
        if (namespace != null) {
            meta.namespace(namespace);
        }
        if (!props.labels.isEmpty()) {
            meta.labels(props.labels);
        }
        Map<String, Object> spec = new TreeMap<>();
        spec.put("source", Map.of("persistentVolumeClaimName", claimName));
        if (snapshotClassName != null) {
            spec.put("volumeSnapshotClassName", snapshotClassName);
        }
        this.apiObject = KubeObject.custom(this, "resource", VolumeSnapshotClass.API_VERSION, "VolumeSnapshot", meta.build(),
                Map.of("spec", spec), false);
    }

    /** The snapshot's name. */
    public String getName() {
        return name;
    }

    /** The claim it snapshots. */
    public String getClaimName() {
        return claimName;
    }

    /** The object (escape hatch). */
    public ApiObject getApiObject() {
        return apiObject.get();
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "VolumeSnapshot");
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
