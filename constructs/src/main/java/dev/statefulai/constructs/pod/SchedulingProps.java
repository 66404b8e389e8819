package dev.statefulai.constructs.pod;

import java.util.Map;
import java.util.TreeMap;

/** Where a workload's pods may run: node labels, the GPU model, runtime and priority classes, spread over zones and nodes. Every prop is optional. */
public final class SchedulingProps {
    private final Map<String, String> nodeSelector;
    private final String gpuProduct;
    private final String runtimeClassName;
    private final String priorityClassName;
    private final ZoneSpread zoneSpread;
    private final NodeSpread nodeSpread;

    private SchedulingProps(Builder b) {
        this.nodeSelector = new TreeMap<>(b.nodeSelector);
        this.gpuProduct = b.gpuProduct;
        this.runtimeClassName = b.runtimeClassName;
        this.priorityClassName = b.priorityClassName;
        this.zoneSpread = b.zoneSpread;
        this.nodeSpread = b.nodeSpread;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: any node, the default runtime, no priority class, no zone spread, replicas preferably on different nodes. */
    public static SchedulingProps defaults() {
        return builder().build();
    }

    /** The node labels given, sorted (without the GPU product's). */
    public Map<String, String> nodeSelector() {
        return nodeSelector;
    }

    public String gpuProduct() {
        return gpuProduct;
    }

    public String runtimeClassName() {
        return runtimeClassName;
    }

    public String priorityClassName() {
        return priorityClassName;
    }

    public ZoneSpread zoneSpread() {
        return zoneSpread;
    }

    public NodeSpread nodeSpread() {
        return nodeSpread;
    }

    /** Builder for {@link SchedulingProps}. */
    public static final class Builder {
        private Map<String, String> nodeSelector = Map.of();
        private String gpuProduct;
        private String runtimeClassName;
        private String priorityClassName;
        private ZoneSpread zoneSpread = ZoneSpread.NONE;
        private NodeSpread nodeSpread = NodeSpread.PREFERRED;

        private Builder() {
        }

        /**
         * Node labels the pods must run on.
         *
         * @default none
         */
        public Builder nodeSelector(Map<String, String> nodeSelector) {
            this.nodeSelector = nodeSelector;
            return this;
        }

        /**
         * The GPU model to run on, as a node selector on the label GPU feature discovery sets:
         * {@code nvidia.com/gpu.product} (e.g. {@code NVIDIA-A10G}, {@code NVIDIA-L40S}) for NVIDIA resources
         * including MIG slices, {@code amd.com/gpu.product-name} for AMD. Needs GPUs.
         *
         * @default any
         */
        public Builder gpuProduct(String product) {
            this.gpuProduct = product;
            return this;
        }

        /**
         * Runtime class, e.g. {@code nvidia}.
         *
         * @default the cluster's default runtime
         */
        public Builder runtimeClassName(String runtimeClassName) {
            this.runtimeClassName = runtimeClassName;
            return this;
        }

        /**
         * Priority class.
         *
         * @default none
         */
        public Builder priorityClassName(String priorityClassName) {
            this.priorityClassName = priorityClassName;
            return this;
        }

        /**
         * Spreading replicas over zones; written only with more than one replica.
         *
         * @default {@link ZoneSpread#NONE}
         */
        public Builder zoneSpread(ZoneSpread spread) {
            this.zoneSpread = spread;
            return this;
        }

        /**
         * Spreading replicas over nodes (anti-affinity on {@code kubernetes.io/hostname}); written only with more
         * than one replica. Turning it on for running replicas changes the pod template, so the StatefulSet
         * replaces its pods one by one; a replica whose volume is tied to a node (local disks) stays there.
         *
         * @default {@link NodeSpread#PREFERRED}
         */
        public Builder nodeSpread(NodeSpread spread) {
            this.nodeSpread = spread;
            return this;
        }

        public SchedulingProps build() {
            return new SchedulingProps(this);
        }
    }
}
