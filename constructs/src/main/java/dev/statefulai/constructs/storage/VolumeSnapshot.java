package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.Validate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.ApiObjectProps;
import org.cdk8s.Chart;
import org.cdk8s.JsonPatch;
import software.constructs.Construct;

/**
 * A {@code VolumeSnapshot} ({@code snapshot.storage.k8s.io/v1}) of one claim, for teams that take
 * snapshots themselves (a release step, a one-off before a migration) rather than through a backup
 * tool. The snapshot is taken once, when the object is created; a GitOps engine must not prune it, and
 * a new snapshot needs a new name.
 *
 * <p>Defaults: the chart's namespace, the cluster's default VolumeSnapshotClass for the claim's driver.
 */
public class VolumeSnapshot extends Construct implements HasOutputs {
    private final String name;
    private final String namespace;
    private final String claimName;
    private final String snapshotClassName;
    private final ApiObject apiObject;

    public VolumeSnapshot(Construct scope, String id, VolumeSnapshotProps props) {
        super(scope, id);
        dev.statefulai.constructs.OutputsRegistry.register(this);
        String construct = "VolumeSnapshot '" + (props.name == null ? id : props.name) + "'";
        this.name = Validate.dnsSubdomain(construct, "name", props.name);
        this.namespace = props.namespace != null ? Validate.dnsLabel(construct, "namespace", props.namespace)
                : Chart.of(this).getNamespace();
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
        this.apiObject = new ApiObject(this, "resource", ApiObjectProps.builder()
                .apiVersion(VolumeSnapshotClass.API_VERSION).kind("VolumeSnapshot").metadata(meta.build()).build());
        Map<String, Object> spec = new TreeMap<>();
        spec.put("source", Map.of("persistentVolumeClaimName", claimName));
        if (snapshotClassName != null) {
            spec.put("volumeSnapshotClassName", snapshotClassName);
        }
        apiObject.addJsonPatch(JsonPatch.add("/spec", spec));
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
        return apiObject;
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
