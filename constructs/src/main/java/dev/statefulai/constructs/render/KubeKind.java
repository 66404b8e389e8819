package dev.statefulai.constructs.render;

/**
 * The kinds this library's constructs used to name when they defined an object.
 *
 * @deprecated the kind is known from the props: {@code KubeObject.define(scope, id, props, KubeX::new)}
 */
@Deprecated
public enum KubeKind {
    STORAGE_CLASS,
    PERSISTENT_VOLUME,
    PERSISTENT_VOLUME_CLAIM,
    SERVICE,
    STATEFUL_SET,
    POD_DISRUPTION_BUDGET
}
