package dev.statefulai.constructs.pod;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeSpecTest {

    /** The probe as the StatefulSet's container renders it (as its liveness probe). */
    private static Map<String, Object> rendered(ProbeSpec probe) {
        Manifests m = Manifests.synth(chart -> new StatefulAIApp(chart, "app", StatefulAIAppProps.builder()
                .name("llm").image("vllm/vllm-openai:v0.6.3")
                .claimTemplates(ClaimTemplate.builder().name("models").mountPath("/models").size("50Gi").build())
                        .container(ContainerProps.builder().livenessProbe(probe).build())
                .build()));
        return Manifests.map(m.one("StatefulSet"), "spec.template.spec.containers[0].livenessProbe");
    }

    @Test
    void anHttpProbeWithTheDefaultTiming() {
        assertEquals(Map.of(
                        "httpGet", Map.of("path", "/health", "port", 8000),
                        "periodSeconds", 10,
                        "timeoutSeconds", 5,
                        "failureThreshold", 3),
                rendered(ProbeSpec.http("/health", 8000)));
    }

    @Test
    void aTcpProbe() {
        assertEquals(Map.of("port", 6333), rendered(ProbeSpec.tcp(6333)).get("tcpSocket"));
    }

    @Test
    void anExecProbe() {
        assertEquals(Map.of("command", List.of("pg_isready", "-U", "postgres")),
                rendered(ProbeSpec.exec("pg_isready", "-U", "postgres")).get("exec"));
    }

    @Test
    void writesAdjustedTimingAndAnInitialDelayOnlyWhenSet() {
        assertEquals(Map.of(
                        "tcpSocket", Map.of("port", 5432),
                        "periodSeconds", 20,
                        "timeoutSeconds", 2,
                        "failureThreshold", 6,
                        "initialDelaySeconds", 15),
                rendered(ProbeSpec.tcp(5432).periodSeconds(20).timeoutSeconds(2).failureThreshold(6).initialDelaySeconds(15)));
    }

    @Test
    void budgetIsTheInitialDelayPlusPeriodTimesFailures() {
        assertEquals(30, ProbeSpec.tcp(80).budgetSeconds());
        assertEquals(15 + 20 * 6, ProbeSpec.tcp(80).periodSeconds(20).failureThreshold(6).initialDelaySeconds(15).budgetSeconds());
    }

    @Test
    void allowStartupWithinRoundsTheFailureThresholdUp() {
        ProbeSpec probe = ProbeSpec.http("/health", 8000).allowStartupWithin(600);
        assertEquals(600, probe.budgetSeconds());
        assertEquals(60, rendered(probe).get("failureThreshold"));
        assertEquals(610, ProbeSpec.tcp(80).allowStartupWithin(601).budgetSeconds());
        assertEquals(30, ProbeSpec.tcp(80).periodSeconds(30).allowStartupWithin(1).budgetSeconds());
    }

    @Test
    void rejectsARelativeHttpPath() {
        assertInvalid("ProbeSpec: prop 'path' is 'health'; allowed: an absolute path such as /data",
                () -> ProbeSpec.http("health", 8000));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void rejectsAPortOutsideTheRange(int port) {
        assertInvalid("ProbeSpec: prop 'port' is " + port + "; allowed: a port number from 1 to 65535", () -> ProbeSpec.http("/health", port));
        assertInvalid("ProbeSpec: prop 'port' is " + port + "; allowed: a port number from 1 to 65535", () -> ProbeSpec.tcp(port));
    }

    @Test
    void acceptsTheHighestPort() {
        assertEquals(Map.of("port", 65535), rendered(ProbeSpec.tcp(65535)).get("tcpSocket"));
    }

    @Test
    void theStartupBudgetDoesNotDependOnTheOrderOfTheCalls() {
        ProbeSpec before = ProbeSpec.http("/health", 8000).periodSeconds(20).allowStartupWithin(600);
        ProbeSpec after = ProbeSpec.http("/health", 8000).allowStartupWithin(600).periodSeconds(20);
        assertEquals(30, before.failureThreshold());
        assertEquals(30, after.failureThreshold());
        assertEquals(600, after.budgetSeconds());
        assertEquals(30, rendered(after).get("failureThreshold"));
        assertEquals(20, rendered(after).get("periodSeconds"));
    }

    @Test
    void theStartupBudgetIncludesTheInitialDelay() {
        ProbeSpec probe = ProbeSpec.tcp(80).allowStartupWithin(600).initialDelaySeconds(60);
        assertEquals(54, probe.failureThreshold());
        assertEquals(600, probe.budgetSeconds());
        assertEquals(1, ProbeSpec.tcp(80).allowStartupWithin(30).initialDelaySeconds(60).failureThreshold());
    }

    @Test
    void aGivenFailureThresholdIsKept() {
        assertEquals(3, ProbeSpec.tcp(80).failureThreshold());
        assertEquals(7, ProbeSpec.tcp(80).failureThreshold(7).periodSeconds(1).failureThreshold());
    }

    @Test
    void rejectsAFailureThresholdTogetherWithAStartupBudget() {
        assertInvalid("ProbeSpec: prop 'failureThreshold' is 6; allowed: not together with allowStartupWithin (600 s), which derives it",
                () -> ProbeSpec.tcp(80).allowStartupWithin(600).failureThreshold(6));
        assertInvalid("ProbeSpec: prop 'allowStartupWithin' is 600; allowed: not together with failureThreshold (6), which it would replace",
                () -> ProbeSpec.tcp(80).failureThreshold(6).allowStartupWithin(600));
    }

    @Test
    void rejectsAnEmptyCommand() {
        assertInvalid("ProbeSpec: prop 'command' is missing; allowed: a command and its arguments", ProbeSpec::exec);
    }

    @Test
    void rejectsTimingBelowItsMinimum() {
        ProbeSpec probe = ProbeSpec.tcp(80);
        assertInvalid("ProbeSpec: prop 'periodSeconds' is 0; allowed: an integer of 1 or more", () -> probe.periodSeconds(0));
        assertInvalid("ProbeSpec: prop 'timeoutSeconds' is 0; allowed: an integer of 1 or more", () -> probe.timeoutSeconds(0));
        assertInvalid("ProbeSpec: prop 'failureThreshold' is 0; allowed: an integer of 1 or more", () -> probe.failureThreshold(0));
        assertInvalid("ProbeSpec: prop 'initialDelaySeconds' is -1; allowed: an integer of 0 or more",
                () -> probe.initialDelaySeconds(-1));
        assertInvalid("ProbeSpec: prop 'allowStartupWithin' is 0; allowed: an integer of 1 or more",
                () -> probe.allowStartupWithin(0));
    }
}
