package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import java.util.SortedMap;
import org.immutables.value.Value;

/** Where a workload's pods may run: node labels, the GPU model, runtime and priority classes, spread over zones and nodes. Every prop is optional. */
@Value.Immutable
@PropsStyle
public abstract class SchedulingProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: any node, the default runtime, no priority class, no zone spread, replicas preferably on different nodes. */
    public static SchedulingProps defaults() {
        return builder().build();
    }

    /**
     * Node labels the pods must run on (without the GPU product's), sorted.
     *
     * @default none
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> nodeSelector();

    /**
     * The GPU model to run on, as a node selector on the label GPU feature discovery sets:
     * {@code nvidia.com/gpu.product} (e.g. {@code NVIDIA-A10G}, {@code NVIDIA-L40S}) for NVIDIA resources
     * including MIG slices, {@code amd.com/gpu.product-name} for AMD. Needs GPUs.
     *
     * @default any
     */
    @Nullable
    public abstract String gpuProduct();

    /**
     * Runtime class, e.g. {@code nvidia}.
     *
     * @default the cluster's default runtime
     */
    @Nullable
    public abstract String runtimeClassName();

    /**
     * Priority class.
     *
     * @default none
     */
    @Nullable
    public abstract String priorityClassName();

    /**
     * Spreading replicas over zones; written only with more than one replica.
     *
     * @default {@link ZoneSpread#NONE}
     */
    @Value.Default
    public ZoneSpread zoneSpread() {
        return ZoneSpread.NONE;
    }

    /**
     * Spreading replicas over nodes (anti-affinity on {@code kubernetes.io/hostname}); written only with more
     * than one replica. Turning it on for running replicas changes the pod template, so the StatefulSet
     * replaces its pods one by one; a replica whose volume is tied to a node (local disks) stays there.
     *
     * @default {@link NodeSpread#PREFERRED}
     */
    @Value.Default
    public NodeSpread nodeSpread() {
        return NodeSpread.PREFERRED;
    }

    /** Builder for {@link SchedulingProps}. */
    public static final class Builder extends ImmutableSchedulingProps.Builder {
    }
}
