package dev.statefulai.constructs.render;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.OutputsRegistry;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A construct that defines one named object of a kind cdk8s-plus-28 has no typed class for (the CSI snapshot API,
 * VolumeAttributesClass): an {@link ApiObject} whose top-level fields are added as JSON patches
 * ({@link KubeObject#custom}), listed with the outputs under its name.
 */
public abstract class CustomObjectConstruct extends RecordableConstruct implements HasOutputs {
    private final String name;
    private KubeObject<ApiObject, Map<String, Object>> apiObject;

    protected CustomObjectConstruct(Construct scope, String id, String name) {
        super(scope, id);
        OutputsRegistry.register(this);
        this.name = name;
    }

    /** Defines the object, once, from the subclass's constructor. */
    protected final void define(String apiVersion, String kind, ApiObjectMetadata metadata, Map<String, Object> fields,
            boolean clusterScoped) {
        this.apiObject = KubeObject.custom(this, "resource", apiVersion, kind, metadata, fields, clusterScoped);
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
