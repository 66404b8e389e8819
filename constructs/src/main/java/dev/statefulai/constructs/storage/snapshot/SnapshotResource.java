package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.CustomObjectConstruct;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A construct that defines one object of the CSI snapshot API ({@code snapshot.storage.k8s.io/v1}), which
 * cdk8s-plus-28 has no typed class for: its kind, its name checked as a DNS-1123 subdomain, and the name its
 * props are refused by, {@code <kind> '<name>'}.
 */
abstract class SnapshotResource extends CustomObjectConstruct {
    private final String kind;
    private final String construct;

    SnapshotResource(Construct scope, String id, String kind, String name) {
        super(scope, id, Validate.dnsSubdomain(construct(kind, name, id), "name", name));
        this.kind = kind;
        this.construct = construct(kind, name, id);
    }

    /** The name to refuse a prop by: {@code <kind> '<name>'}, the construct id when the name is missing. */
    private static String construct(String kind, String name, String id) {
        return kind + " '" + (name == null ? id : name) + "'";
    }

    /** The name to refuse a prop by, e.g. {@code VolumeSnapshot 'features-2024-06-01'}. */
    final String construct() {
        return construct;
    }

    /** Metadata with the name, and the labels when there are any. */
    final ApiObjectMetadata.Builder metadata(Map<String, String> labels) {
        ApiObjectMetadata.Builder meta = ApiObjectMetadata.builder().name(getName());
        return labels.isEmpty() ? meta : meta.labels(labels);
    }

    /** Defines the object of this kind, once, from the subclass's constructor. */
    final void define(ApiObjectMetadata metadata, Map<String, Object> fields, boolean clusterScoped) {
        define(VolumeSnapshotClass.API_VERSION, kind, metadata, fields, clusterScoped);
    }

    /** The start of the outputs: the {@code kind}, in a map to add to. */
    final Map<String, Object> outputsOfKind() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        return out;
    }
}
