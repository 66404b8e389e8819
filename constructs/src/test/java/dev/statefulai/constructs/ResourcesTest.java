package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourcesTest {

    @Test
    void defaultsToHalfACpuAndOneGibibyteWithTheMemoryLimitEqualToTheRequest() {
        Resources r = Resources.defaults();
        assertEquals(Map.of("cpu", "500m", "memory", "1Gi"), r.requests());
        assertEquals(Map.of("memory", "1Gi"), r.limits());
        assertEquals(0, r.gpus());
        assertEquals("nvidia.com/gpu", r.gpuResource());
    }

    @Test
    void theMemoryLimitFollowsTheRequestWhenNotSet() {
        Resources r = Resources.builder().cpu("4").memory("32Gi").build();
        assertEquals(Map.of("cpu", "4", "memory", "32Gi"), r.requests());
        assertEquals(Map.of("memory", "32Gi"), r.limits());
    }

    @Test
    void putsExplicitLimitsAndGpusInTheLimits() {
        Resources r = Resources.builder().cpu("2").cpuLimit("4").memory("16Gi").memoryLimit("24Gi").gpus(2).build();
        assertEquals(Map.of("cpu", "2", "memory", "16Gi"), r.requests());
        assertEquals(Map.of("cpu", "4", "memory", "24Gi", "nvidia.com/gpu", "2"), r.limits());
        assertEquals(2, r.gpus());
    }

    @Test
    void usesAnotherGpuResourceName() {
        Resources r = Resources.builder().gpus(1).gpuResource("nvidia.com/mig-1g.10gb").build();
        assertEquals(Map.of("memory", "1Gi", "nvidia.com/mig-1g.10gb", "1"), r.limits());
    }

    @Test
    void comparesMemoryAcrossBinaryAndDecimalUnits() {
        assertEquals(Map.of("memory", "2G"), Resources.builder().memory("1Gi").memoryLimit("2G").build().limits());
        assertInvalid("Resources: prop 'resources.memoryLimit' is '1G'; allowed: at least the memory request 1Gi",
                () -> Resources.builder().memory("1Gi").memoryLimit("1G").build());
    }

    private static final String CPU_RULE = "a CPU quantity greater than zero, such as 250m, 1 or 4";
    private static final String GPU_RESOURCE_RULE = "an extended resource name such as nvidia.com/gpu, amd.com/gpu or nvidia.com/mig-1g.10gb";

    /** A case of {@link #refusesAPropByItsRule}: the builder, given {@code set}, is refused with {@code expected}. */
    private static Arguments refused(String name, Consumer<Resources.Builder> set, String expected) {
        return Arguments.of(name, set, expected);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("a memory limit below the request", b -> b.memoryLimit("512Mi"),
                        "Resources: prop 'resources.memoryLimit' is '512Mi'; allowed: at least the memory request 1Gi"),
                refused("a cpu limit below the request", b -> b.cpuLimit("250m"),
                        "Resources: prop 'resources.cpuLimit' is '250m'; allowed: at least the cpu request 500m"),
                refused("a cpu request of 0", b -> b.cpu("0"), "Resources: prop 'resources.cpu' is '0'; allowed: " + CPU_RULE),
                refused("a cpu request of -1", b -> b.cpu("-1"), "Resources: prop 'resources.cpu' is '-1'; allowed: " + CPU_RULE),
                refused("a cpu request of two", b -> b.cpu("two"), "Resources: prop 'resources.cpu' is 'two'; allowed: " + CPU_RULE),
                refused("a cpu limit of 0", b -> b.cpuLimit("0"), "Resources: prop 'resources.cpuLimit' is '0'; allowed: " + CPU_RULE),
                refused("a memory request of 1GB", b -> b.memory("1GB"), "Resources: prop 'resources.memory' is '1GB'; allowed: " + Messages.SIZE),
                refused("a memory request of -1Gi", b -> b.memory("-1Gi"), "Resources: prop 'resources.memory' is '-1Gi'; allowed: " + Messages.SIZE),
                refused("a memory request of 0Gi", b -> b.memory("0Gi"), "Resources: prop 'resources.memory' is '0Gi'; allowed: " + Messages.SIZE),
                refused("a memory limit of 2GB", b -> b.memoryLimit("2GB"),
                        "Resources: prop 'resources.memoryLimit' is '2GB'; allowed: " + Messages.SIZE),
                refused("a negative gpu count", b -> b.gpus(-1), "Resources: prop 'resources.gpus' is -1; allowed: an integer of 0 or more"),
                refused("a gpu resource without a domain", b -> b.gpuResource("gpu"),
                        "Resources: prop 'resources.gpuResource' is 'gpu'; allowed: " + GPU_RESOURCE_RULE),
                refused("a gpu resource without a name", b -> b.gpuResource("nvidia.com/"),
                        "Resources: prop 'resources.gpuResource' is 'nvidia.com/'; allowed: " + GPU_RESOURCE_RULE),
                refused("a gpu resource in upper case", b -> b.gpuResource("NVIDIA.com/gpu"),
                        "Resources: prop 'resources.gpuResource' is 'NVIDIA.com/gpu'; allowed: " + GPU_RESOURCE_RULE),
                refused("a gpu resource with an empty domain", b -> b.gpuResource("/gpu"),
                        "Resources: prop 'resources.gpuResource' is '/gpu'; allowed: " + GPU_RESOURCE_RULE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesAPropByItsRule(String name, Consumer<Resources.Builder> set, String expected) {
        Resources.Builder builder = Resources.builder();
        set.accept(builder);
        assertInvalid(expected, builder::build);
    }

    @Test
    void migSlicesAreNvidiaResourcesToleratedByTheGpuTaint() {
        Resources r = Resources.builder().gpus(1).gpuResource(Resources.nvidiaMig("1g.10gb")).build();
        assertEquals("nvidia.com/mig-1g.10gb", r.gpuResource());
        assertEquals("nvidia.com/gpu", r.gpuTaintKey());
        assertEquals("1", r.limits().get("nvidia.com/mig-1g.10gb"));
        assertEquals("nvidia.com/mig-3g.40gb", Resources.nvidiaMig("3g.40gb"));
        assertEquals("nvidia.com/mig-1g.10gb+me", Resources.nvidiaMig("1g.10gb+me"));
    }

    @Test
    void wholeGpusAreToleratedByTheirOwnName() {
        assertEquals("nvidia.com/gpu", Resources.builder().gpus(1).build().gpuTaintKey());
        assertEquals("amd.com/gpu", Resources.builder().gpus(1).gpuResource(Resources.AMD_GPU).build().gpuTaintKey());
    }

    @Test
    void exposesTheMemoryRequestAndLimit() {
        Resources r = Resources.builder().memory("32Gi").memoryLimit("40Gi").build();
        assertEquals("32Gi", r.memory());
        assertEquals("40Gi", r.memoryLimit());
        assertEquals("1Gi", Resources.defaults().memoryLimit());
    }

    @Test
    void rejectsAMigProfileThatIsNotOne() {
        for (String profile : new String[] {"1g10gb", "mig-1g.10gb", "0g.10gb"}) {
            assertInvalid("Resources: prop 'resources.gpuResource' is '" + profile + "'; allowed: a MIG profile such as 1g.10gb, 2g.20gb, "
                    + "3g.40gb or 7g.80gb", () -> Resources.nvidiaMig(profile));
        }
        assertInvalid("Resources: prop 'resources.gpuResource' is missing; allowed: a MIG profile such as 1g.10gb, 2g.20gb, "
                + "3g.40gb or 7g.80gb", () -> Resources.nvidiaMig(null));
    }
}
