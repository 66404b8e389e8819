package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Validate;
import org.cdk8s.plus28.k8s.RollingUpdateStatefulSetStrategy;
import org.cdk8s.plus28.k8s.StatefulSetUpdateStrategy;

/** How a StatefulSet replaces its pods when the pod template changes. */
public final class UpdateStrategy {
    private final boolean onDelete;
    private final int partition;

    private UpdateStrategy(boolean onDelete, int partition) {
        this.onDelete = onDelete;
        this.partition = partition;
    }

    /** Replace pods one by one, highest ordinal first (the Kubernetes default). */
    public static UpdateStrategy rollingUpdate() {
        return new UpdateStrategy(false, 0);
    }

    /** Roll only pods with an ordinal of {@code partition} or more: a canary for the highest replicas. */
    public static UpdateStrategy rollingUpdate(int partition) {
        return new UpdateStrategy(false, Validate.atLeast("UpdateStrategy", "partition", partition, 0));
    }

    /** Replace a pod only when someone deletes it: for databases upgraded by hand. */
    public static UpdateStrategy onDelete() {
        return new UpdateStrategy(true, 0);
    }

    public StatefulSetUpdateStrategy toSpec() {
        if (onDelete) {
            return StatefulSetUpdateStrategy.builder().type("OnDelete").build();
        }
        StatefulSetUpdateStrategy.Builder b = StatefulSetUpdateStrategy.builder().type("RollingUpdate");
        if (partition > 0) {
            b.rollingUpdate(RollingUpdateStatefulSetStrategy.builder().partition(partition).build());
        }
        return b.build();
    }
}
