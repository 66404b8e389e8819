package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Nullable;
import org.immutables.value.Value;

/**
 * The props of a construct's pods that say who they run as and what attached storage asks of them, shared by the
 * props of every construct that runs pods (a StatefulSet's, a fill Job's).
 */
public interface PodProps {

    /**
     * The ServiceAccount of the pods, e.g. a source bucket's ({@code ModelBucket.serviceAccountName()}).
     *
     * @default none, and then the pod gets no API token: a model server, a database or a fill seldom needs to talk to
     *          the Kubernetes API
     */
    @Nullable
    String serviceAccountName();

    /**
     * Pod annotations and volumes that attached storage asks for (a bucket's FUSE sidecar and its cache,
     * {@code ModelBucket.podExtras()}), and annotations on the workload (the StatefulSet, the Job).
     *
     * @default {@link PodExtras#none()}
     */
    @Nullable
    @Value.Default
    default PodExtras extras() {
        return PodExtras.none();
    }
}
