package dev.statefulai.constructs.render;

import java.util.Map;
import org.cdk8s.ApiObjectMetadata;

/** A Kubernetes object recorded by a {@link Recording} instead of created in the jsii kernel. */
public sealed interface RecordedObject {

    /**
     * An object of a kind with an L1 class: its props struct (e.g. {@code KubeStatefulSetProps}), and the fields
     * newer than the L1 class set on it after rendering.
     */
    record Typed(String apiVersion, String kind, Object props, NewerFields newer) implements RecordedObject {
        public Typed(String apiVersion, String kind, Object props) {
            this(apiVersion, kind, props, NewerFields.none());
        }
    }

    /** An object of a kind without an L1 class: metadata, then top-level fields in their order. */
    record Custom(String apiVersion, String kind, ApiObjectMetadata metadata, Map<String, Object> fields,
            boolean clusterScoped) implements RecordedObject {
    }
}
