package dev.statefulai.constructs.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.ApiObjectProps;
import org.cdk8s.JsonPatch;
import software.constructs.Construct;

/**
 * One Kubernetes object a construct defines, with the typed props it was defined from.
 *
 * <p>Normally this is a cdk8s L1 object in the construct tree ({@link #get()}, the escape hatch). While a
 * {@link Recording} records on this thread (the synth's fast path), only the props are kept and the
 * object is rendered on the Java side, which saves the jsii kernel a create call and a synth per object;
 * asking for the L1 object then makes the synth define the chart again the ordinary way.
 *
 * @param <T> the L1 class
 * @param <P> its props
 */
public final class KubeObject<T extends ApiObject, P> {
    /** An L1 constructor, e.g. {@code KubeStatefulSet::new}. */
    @FunctionalInterface
    public interface L1<T extends ApiObject, P> {
        T create(Construct scope, String id, P props);
    }

    private final T l1;
    private final P props;

    private KubeObject(T l1, P props) {
        this.l1 = l1;
        this.props = props;
    }

    /**
     * Defines an object of an L1 class under {@code scope}: {@code create.create(scope, id, props)}, or a
     * recording of it while a {@link Recording} is active. Its API version and kind are the L1 class's,
     * known from its props ({@link Cdk8sPlusTable}).
     *
     * @param props  the L1 class's props, e.g. a {@code KubeStatefulSetProps}
     * @param create its constructor, e.g. {@code KubeStatefulSet::new}
     */
    public static <T extends ApiObject, P> KubeObject<T, P> define(Construct scope, String id, P props, L1<T, P> create) {
        Recording recording = Recording.active();
        if (recording == null) {
            return new KubeObject<>(create.create(scope, id, props), props);
        }
        Cdk8sPlusTable.Kind kind = kindOf(props);
        recording.add(scope, id, new RecordedObject.Typed(kind.apiVersion(), kind.kind(), props));
        return new KubeObject<>(null, props);
    }

    /**
     * As {@link #define(Construct, String, Object, L1)}, with fields the L1 class does not know ({@link NewerFields}),
     * set on the rendered object on either path: a StatefulSet's or a claim's (the kinds that carry one today).
     */
    public static <T extends ApiObject, P> KubeObject<T, P> define(Construct scope, String id, P props, L1<T, P> create,
            NewerFields newer) {
        Recording recording = Recording.active();
        if (newer.isEmpty()) {
            return define(scope, id, props, create);
        }
        if (recording == null) {
            return new KubeObject<>(NewerFieldsL1.<T>create(scope, id, props, newer), props);
        }
        Cdk8sPlusTable.Kind kind = kindOf(props);
        recording.add(scope, id, new RecordedObject.Typed(kind.apiVersion(), kind.kind(), props, newer));
        return new KubeObject<>(null, props);
    }

    /** The kind of an L1 class's props. */
    private static Cdk8sPlusTable.Kind kindOf(Object props) {
        Cdk8sPlusTable.Kind kind = null;
        for (Class<?> type : props.getClass().getInterfaces()) {
            kind = kind != null ? kind : Cdk8sPlusTable.kindOf(type);
        }
        if (kind == null) {
            throw new IllegalArgumentException(props.getClass().getName() + " is no props of a cdk8s-plus-28 L1 class");
        }
        return kind;
    }

    /**
     * As {@link #define(Construct, String, Object, L1)}.
     *
     * @deprecated the kind is known from the props: leave it out
     */
    @Deprecated
    public static <T extends ApiObject, P> KubeObject<T, P> define(Construct scope, String id, KubeKind kind,
            P props, L1<T, P> create) {
        return define(scope, id, props, create);
    }

    /**
     * Defines an object of a kind without an L1 class (a custom resource): an {@link ApiObject} with
     * {@code metadata} and the top-level {@code fields}, in the order given.
     *
     * @param clusterScoped true for a cluster-scoped kind: it gets no namespace from a namespaced chart
     */
    public static KubeObject<ApiObject, Map<String, Object>> custom(Construct scope, String id, String apiVersion,
            String kind, ApiObjectMetadata metadata, Map<String, Object> fields, boolean clusterScoped) {
        Map<String, Object> ordered = new LinkedHashMap<>(fields);
        Recording recording = Recording.active();
        if (recording != null) {
            recording.add(scope, id, new RecordedObject.Custom(apiVersion, kind, metadata, ordered, clusterScoped));
            return new KubeObject<>(null, ordered);
        }
        ApiObject object = new ApiObject(scope, id, ApiObjectProps.builder()
                .apiVersion(apiVersion).kind(kind).metadata(metadata).build());
        // The fields go in as JSON patches, applied after cdk8s has sorted and cleaned the props.
        ordered.forEach((field, value) -> object.addJsonPatch(JsonPatch.add("/" + field, value)));
        if (clusterScoped && metadata.getNamespace() == null && Recording.chartNamespaceOf(scope) != null) {
            object.addJsonPatch(JsonPatch.remove("/metadata/namespace"));
        }
        return new KubeObject<>(object, ordered);
    }

    /**
     * The cdk8s L1 object (escape hatch: {@code addJsonPatch}, dependencies).
     *
     * @throws Recording.EscapeHatchException while recording: the synth catches it and defines the
     *     chart again with L1 objects
     */
    public T get() {
        if (l1 == null) {
            throw new Recording.EscapeHatchException();
        }
        return l1;
    }

    /** The props the object was defined from. */
    public P props() {
        return props;
    }
}
