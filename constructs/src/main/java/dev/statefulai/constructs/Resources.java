package dev.statefulai.constructs;

import java.util.Map;
import java.util.TreeMap;

/**
 * Compute resources of the main container.
 *
 * <p>Defaults: requests {@code cpu: 500m}, {@code memory: 1Gi}; memory limit equal to the request (a
 * stateful pod that is OOM-killed for exceeding a node's spare memory loses more than one that is
 * sized honestly); no CPU limit (throttling hurts latency more than it protects neighbours); no GPU.
 * GPUs are extended resources: they go in limits, and Kubernetes sets the request to match.
 */
public final class Resources {
    /** The NVIDIA device plugin's resource name. */
    public static final String NVIDIA_GPU = "nvidia.com/gpu";
    /** The AMD device plugin's resource name. */
    public static final String AMD_GPU = "amd.com/gpu";

    private final String cpuRequest;
    private final String memoryRequest;
    private final String cpuLimit;
    private final String memoryLimit;
    private final int gpuCount;
    private final String gpuResource;

    private Resources(Builder b) {
        String c = "Resources";
        this.cpuRequest = Validate.cpu(c, "resources.cpu", b.cpuRequest);
        this.memoryRequest = Validate.size(c, "resources.memory", b.memoryRequest);
        this.cpuLimit = b.cpuLimit == null ? null : Validate.cpu(c, "resources.cpuLimit", b.cpuLimit);
        this.memoryLimit = Validate.size(c, "resources.memoryLimit", b.memoryLimit == null ? b.memoryRequest : b.memoryLimit);
        if (Validate.bytes(memoryLimit).compareTo(Validate.bytes(memoryRequest)) < 0) {
            Refusals.refuse(new InvalidPropsException(c, "resources.memoryLimit", memoryLimit, "at least the memory request " + memoryRequest));
        }
        if (cpuLimit != null && Validate.bytes(cpuLimit).compareTo(Validate.bytes(cpuRequest)) < 0) {
            Refusals.refuse(new InvalidPropsException(c, "resources.cpuLimit", cpuLimit, "at least the cpu request " + cpuRequest));
        }
        this.gpuCount = Validate.atLeast(c, "resources.gpus", b.gpuCount, 0);
        if (b.gpuResource == null || !b.gpuResource.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            Refusals.refuse(new InvalidPropsException(c, "resources.gpuResource", b.gpuResource,
                    "an extended resource name such as nvidia.com/gpu, amd.com/gpu or nvidia.com/mig-1g.10gb"));
        }
        this.gpuResource = b.gpuResource;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 500m CPU, 1Gi memory, no GPU. */
    public static Resources defaults() {
        return builder().build();
    }

    /** Number of GPUs. */
    public int gpuCount() {
        return gpuCount;
    }

    /** The GPU resource name, e.g. {@code nvidia.com/gpu}. */
    public String gpuResource() {
        return gpuResource;
    }

    /**
     * The NVIDIA resource of a MIG profile under the device plugin's {@code mixed} strategy, e.g.
     * {@code nvidiaMig("1g.10gb")} is {@code nvidia.com/mig-1g.10gb}.
     */
    public static String nvidiaMig(String profile) {
        if (profile == null || !profile.matches("[1-9][0-9]*g\\.[1-9][0-9]*gb(\\+me)?")) {
            Refusals.refuse(new InvalidPropsException("Resources", "resources.gpuResource", profile,
                    "a MIG profile such as 1g.10gb, 2g.20gb, 3g.40gb or 7g.80gb"));
        }
        return "nvidia.com/mig-" + profile;
    }

    /**
     * The key of the taint GPU nodes carry, which GPU pods tolerate: the resource name, except that MIG
     * slices ({@code nvidia.com/mig-*}) run on nodes tainted {@code nvidia.com/gpu} like whole GPUs.
     */
    public String gpuTaintKey() {
        return gpuResource.startsWith("nvidia.com/mig-") ? NVIDIA_GPU : gpuResource;
    }

    /** The memory request. */
    public String memoryRequest() {
        return memoryRequest;
    }

    /** The memory limit (the request unless given). */
    public String memoryLimit() {
        return memoryLimit;
    }

    /** The {@code requests} map, sorted. */
    public Map<String, String> requests() {
        Map<String, String> r = new TreeMap<>();
        r.put("cpu", cpuRequest);
        r.put("memory", memoryRequest);
        return r;
    }

    /** The {@code limits} map, sorted. */
    public Map<String, String> limits() {
        Map<String, String> l = new TreeMap<>();
        if (cpuLimit != null) {
            l.put("cpu", cpuLimit);
        }
        l.put("memory", memoryLimit);
        if (gpuCount > 0) {
            l.put(gpuResource, String.valueOf(gpuCount));
        }
        return l;
    }

    /** Builder for {@link Resources}. */
    public static final class Builder {
        private String cpuRequest = "500m";
        private String memoryRequest = "1Gi";
        private String cpuLimit;
        private String memoryLimit;
        private int gpuCount;
        private String gpuResource = NVIDIA_GPU;

        /** CPU request. Default {@code 500m}. */
        public Builder cpu(String cpu) {
            this.cpuRequest = cpu;
            return this;
        }

        /** Memory request. Default {@code 1Gi}. */
        public Builder memory(String memory) {
            this.memoryRequest = memory;
            return this;
        }

        /** CPU limit. Default none. */
        public Builder cpuLimit(String cpuLimit) {
            this.cpuLimit = cpuLimit;
            return this;
        }

        /** Memory limit. Default: the memory request. */
        public Builder memoryLimit(String memoryLimit) {
            this.memoryLimit = memoryLimit;
            return this;
        }

        /** Number of GPUs. Default 0. */
        public Builder gpus(int gpuCount) {
            this.gpuCount = gpuCount;
            return this;
        }

        /**
         * GPU resource name: {@link #NVIDIA_GPU} (default), {@link #AMD_GPU}, a MIG slice such as
         * {@code nvidiaMig("1g.10gb")}, or any other extended resource name.
         */
        public Builder gpuResource(String gpuResource) {
            this.gpuResource = gpuResource;
            return this;
        }

        public Resources build() {
            return new Resources(this);
        }
    }
}
