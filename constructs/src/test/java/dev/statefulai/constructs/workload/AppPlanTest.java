package dev.statefulai.constructs.workload;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.SchedulingProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan is made from the props alone: no chart, no construct, no object. */
class AppPlanTest {
    private static StatefulAIAppProps.Builder llm() {
        return StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3").replicas(3)
                .claimTemplates(ClaimTemplate.of("models", "/models", "100Gi"),
                        ClaimTemplate.builder().name("golden").mountPath("/golden").existingClaim("models-golden")
                                .accessModes(AccessMode.READ_ONLY_MANY).build());
    }

    @Test
    void saysWhatWillBeBuilt() {
        AppPlan plan = AppPlanner.plan(llm()
                .container(ContainerProps.builder().resources(Resources.builder().gpus(4).memory("64Gi").build()).build())
                .scheduling(SchedulingProps.builder().gpuProduct("NVIDIA-L40S").build())
                .storage(StorageProps.builder().growClaimsTo("models", "200Gi").build()).build(), "app", () -> "ml");
        assertEquals("llm", plan.name());
        assertEquals("ml", plan.namespace());
        assertEquals(Map.of("golden", List.of("models-golden"), "models", List.of("models-llm-0", "models-llm-1", "models-llm-2")),
                plan.claimNames());
        assertEquals("16Gi", plan.sharedMemory());
        assertEquals(Map.of("nvidia.com/gpu.product", "NVIDIA-L40S"), plan.nodeSelector());
        assertEquals(1, plan.maxUnavailable());
        assertEquals(Map.of("models", "200Gi"), plan.grownClaims());
        assertNull(plan.capacity());
    }

    @Test
    void theChartsNamespaceIsAskedOnlyWithoutANamespaceProp() {
        assertEquals("llm-prod", AppPlanner.plan(llm().namespace("llm-prod").build(), "app", () -> {
            throw new AssertionError("asked the chart");
        }).namespace());
        assertNull(AppPlanner.plan(llm().build(), "app", () -> null).namespace());
    }

    @Test
    void refusesWhileItPlans() {
        assertInvalid("StatefulAIApp 'llm': prop 'growClaimsTo['models']' is '50Gi'; allowed: more than the template's 100Gi: claims "
                + "never shrink, and the same size changes nothing",
                () -> AppPlanner.plan(llm().storage(StorageProps.builder().growClaimsTo("models", "50Gi").build()).build(), "app", () -> null));
    }
}
