package dev.statefulai.app.values;

import dev.statefulai.constructs.Resources;

/**
 * Container resources in values files; what is left out keeps the {@link Resources} default.
 *
 * @param cpu         CPU request, e.g. {@code 4}
 * @param memory      memory request, e.g. {@code 32Gi}
 * @param cpuLimit    CPU limit
 * @param memoryLimit memory limit (default: the request)
 * @param gpus        number of GPUs
 * @param gpuResource GPU resource name (default {@code nvidia.com/gpu})
 */
public record ResourcesValues(@Rule(Rule.Kind.CPU) String cpu, @Rule(Rule.Kind.SIZE) String memory,
                              @Rule(Rule.Kind.CPU) String cpuLimit, @Rule(Rule.Kind.SIZE) String memoryLimit,
                              @Rule(Rule.Kind.NON_NEGATIVE) Integer gpus, String gpuResource) {

    /** The construct's resources; its refusals ({@code resources.memoryLimit}) name the keys of this record. */
    public Resources toResources() {
        PropSources.feeds("resources", this);
        Resources.Builder r = Resources.builder();
        Set.ifGiven(cpu, r::cpu);
        Set.ifGiven(memory, r::memory);
        Set.ifGiven(cpuLimit, r::cpuLimit);
        Set.ifGiven(memoryLimit, r::memoryLimit);
        Set.ifGiven(gpus, r::gpus);
        Set.ifGiven(gpuResource, r::gpuResource);
        return r.build();
    }
}
