package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void rejectsAMemoryLimitBelowTheRequest() {
        assertInvalid("Resources: prop 'resources.memoryLimit' is '512Mi'; allowed: at least the memory request 1Gi",
                () -> Resources.builder().memoryLimit("512Mi").build());
    }

    @Test
    void rejectsACpuLimitBelowTheRequest() {
        assertInvalid("Resources: prop 'resources.cpuLimit' is '250m'; allowed: at least the cpu request 500m",
                () -> Resources.builder().cpuLimit("250m").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two"})
    void rejectsACpuRequestThatIsNotAPositiveQuantity(String cpu) {
        assertInvalid("Resources: prop 'resources.cpu' is '" + cpu + "'; allowed: a CPU quantity greater than zero, such as 250m, 1 or 4",
                () -> Resources.builder().cpu(cpu).build());
    }

    @Test
    void rejectsAnInvalidCpuLimit() {
        assertInvalid("Resources: prop 'resources.cpuLimit' is '0'; allowed: a CPU quantity greater than zero, such as 250m, 1 or 4",
                () -> Resources.builder().cpuLimit("0").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1GB", "-1Gi", "0Gi"})
    void rejectsAMemoryRequestThatIsNotAPositiveQuantity(String memory) {
        assertInvalid("Resources: prop 'resources.memory' is '" + memory + "'; allowed: " + Messages.SIZE,
                () -> Resources.builder().memory(memory).build());
    }

    @Test
    void rejectsAnInvalidMemoryLimit() {
        assertInvalid("Resources: prop 'resources.memoryLimit' is '2GB'; allowed: " + Messages.SIZE,
                () -> Resources.builder().memoryLimit("2GB").build());
    }

    @Test
    void rejectsANegativeGpuCount() {
        assertInvalid("Resources: prop 'resources.gpus' is -1; allowed: an integer of 0 or more",
                () -> Resources.builder().gpus(-1).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "nvidia.com/", "NVIDIA.com/gpu", "/gpu"})
    void rejectsAGpuResourceThatIsNotAnExtendedResourceName(String resource) {
        assertInvalid("Resources: prop 'resources.gpuResource' is '" + resource + "'; allowed: an extended resource name "
                        + "such as nvidia.com/gpu, amd.com/gpu or nvidia.com/mig-1g.10gb",
                () -> Resources.builder().gpuResource(resource).build());
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
