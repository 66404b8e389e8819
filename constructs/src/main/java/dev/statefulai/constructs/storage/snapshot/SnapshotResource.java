package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.render.RecordableConstruct;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A construct that defines one object of the CSI snapshot API ({@code snapshot.storage.k8s.io/v1}).
 * cdk8s-plus-28 has no typed class for these custom resources, so each is an {@link ApiObject} whose
 * top-level fields are added as JSON patches.
 */
abstract class SnapshotResource extends RecordableConstruct implements HasOutputs {
    private final String name;
    private KubeObject<ApiObject, Map<String, Object>> apiObject;

    SnapshotResource(Construct scope, String id, String name) {
        super(scope, id);
        OutputsRegistry.register(this);
        this.name = name;
    }

    /** The name to refuse a prop by: {@code <kind> '<name>'}, the construct id when the name is missing. */
    static String construct(String kind, String name, String id) {
        return kind + " '" + (name == null ? id : name) + "'";
    }

    /** Metadata with the name, and the labels when there are any. */
    static ApiObjectMetadata.Builder metadata(String name, Map<String, String> labels) {
        ApiObjectMetadata.Builder meta = ApiObjectMetadata.builder().name(name);
        return labels.isEmpty() ? meta : meta.labels(labels);
    }

    /** Defines the object, once, from the subclass's constructor. */
    final void define(String kind, ApiObjectMetadata metadata, Map<String, Object> fields, boolean clusterScoped) {
        this.apiObject = KubeObject.custom(this, "resource", VolumeSnapshotClass.API_VERSION, kind, metadata, fields, clusterScoped);
    }

    /** The object's name. */
    public String getName() {
        return name;
    }

    /** The object (escape hatch). */
    public ApiObject getApiObject() {
        return apiObject.get();
    }

    @Override
    public String outputName() {
        return name;
    }
}
