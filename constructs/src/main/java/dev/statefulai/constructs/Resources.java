package dev.statefulai.constructs;

import java.util.Map;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * Compute resources of the main container.
 *
 * <p>Defaults: requests {@code cpu: 500m}, {@code memory: 1Gi}; memory limit equal to the request (a
 * stateful pod that is OOM-killed for exceeding a node's spare memory loses more than one that is
 * sized honestly); no CPU limit (throttling hurts latency more than it protects neighbours); no GPU.
 * GPUs are extended resources: they go in limits, and Kubernetes sets the request to match.
 */
@Value.Immutable
@PropsStyle
public abstract class Resources {
    /** The NVIDIA device plugin's resource name. */
    public static final String NVIDIA_GPU = "nvidia.com/gpu";
    /** The AMD device plugin's resource name. */
    public static final String AMD_GPU = "amd.com/gpu";

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 500m CPU, 1Gi memory, no GPU. */
    public static Resources defaults() {
        return builder().build();
    }

    /**
     * CPU request.
     *
     * @default {@code 500m}
     */
    @Nullable
    @Value.Default
    public String cpu() {
        return "500m";
    }

    /**
     * Memory request.
     *
     * @default {@code 1Gi}
     */
    @Nullable
    @Value.Default
    public String memory() {
        return "1Gi";
    }

    /**
     * CPU limit.
     *
     * @default none
     */
    @Nullable
    public abstract String cpuLimit();

    /**
     * Memory limit.
     *
     * @default the memory request
     */
    @Nullable
    public abstract String memoryLimit();

    /**
     * Number of GPUs.
     *
     * @default 0
     */
    @Value.Default
    public int gpus() {
        return 0;
    }

    /**
     * GPU resource name: {@link #NVIDIA_GPU}, {@link #AMD_GPU}, a MIG slice such as {@code nvidiaMig("1g.10gb")},
     * or any other extended resource name.
     *
     * @default {@link #NVIDIA_GPU}
     */
    @Nullable
    @Value.Default
    public String gpuResource() {
        return NVIDIA_GPU;
    }

    /** Refuses what Kubernetes would not take, then puts the memory request in place of a memory limit left out. */
    @Value.Check
    protected Resources check() {
        String c = "Resources";
        Validate.cpu(c, "resources.cpu", cpu());
        Validate.size(c, "resources.memory", memory());
        if (cpuLimit() != null) {
            Validate.cpu(c, "resources.cpuLimit", cpuLimit());
        }
        String memoryLimit = Validate.size(c, "resources.memoryLimit", memoryLimit() == null ? memory() : memoryLimit());
        if (Validate.bytes(memoryLimit).compareTo(Validate.bytes(memory())) < 0) {
            Refusals.refuse(new InvalidPropsException(c, "resources.memoryLimit", memoryLimit, "at least the memory request " + memory()));
        }
        if (cpuLimit() != null && Validate.bytes(cpuLimit()).compareTo(Validate.bytes(cpu())) < 0) {
            Refusals.refuse(new InvalidPropsException(c, "resources.cpuLimit", cpuLimit(), "at least the cpu request " + cpu()));
        }
        Validate.atLeast(c, "resources.gpus", gpus(), 0);
        if (gpuResource() == null || !gpuResource().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            Refusals.refuse(new InvalidPropsException(c, "resources.gpuResource", gpuResource(),
                    "an extended resource name such as nvidia.com/gpu, amd.com/gpu or nvidia.com/mig-1g.10gb"));
        }
        return memoryLimit() == null ? builder().from(this).memoryLimit(memoryLimit).build() : this;
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
        return gpuResource().startsWith("nvidia.com/mig-") ? NVIDIA_GPU : gpuResource();
    }

    /** The {@code requests} map, sorted. */
    public Map<String, String> requests() {
        Map<String, String> r = new TreeMap<>();
        r.put("cpu", cpu());
        r.put("memory", memory());
        return r;
    }

    /** The {@code limits} map, sorted. */
    public Map<String, String> limits() {
        Map<String, String> l = new TreeMap<>();
        if (cpuLimit() != null) {
            l.put("cpu", cpuLimit());
        }
        l.put("memory", memoryLimit());
        if (gpus() > 0) {
            l.put(gpuResource(), String.valueOf(gpus()));
        }
        return l;
    }

    /** Builder for {@link Resources}. */
    public static final class Builder extends ImmutableResources.Builder {
    }
}
