package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.render.CustomObjectConstruct;
import java.util.Map;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A construct that defines one object of the CSI snapshot API ({@code snapshot.storage.k8s.io/v1}), which
 * cdk8s-plus-28 has no typed class for.
 */
abstract class SnapshotResource extends CustomObjectConstruct {

    SnapshotResource(Construct scope, String id, String name) {
        super(scope, id, name);
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
}
