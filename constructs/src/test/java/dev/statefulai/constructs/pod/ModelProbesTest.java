package dev.statefulai.constructs.pod;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Messages;
import org.junit.jupiter.api.Test;

class ModelProbesTest {
    @Test
    void modelProbesBudget() {
        assertEquals(600, ModelProbes.http("/health", 8000).startupBudget(false));
        assertEquals(1200, ModelProbes.http("/health", 8000).startupBudgetSeconds(1200).startupBudget(true));
        assertEquals(300 + 410, ModelProbes.http("/health", 8000).modelSize("40Gi").startupBudget(true));
        assertEquals(300 + 1639, ModelProbes.http("/health", 8000).modelSize("40Gi").startupBudget(false));
        assertEquals(300 + 82, ModelProbes.http("/health", 8000).modelSize("16Gi").loadMiBPerSecond(200).startupBudget(false));
        assertEquals(300 + 1, ModelProbes.http("/health", 8000).modelSize("1Ki").startupBudget(true));
    }

    @Test
    void modelProbesRejections() {
        assertInvalid("ModelProbes: prop 'modelSize' is '16GB'; allowed: " + Messages.SIZE, () -> ModelProbes.http("/health", 8000).modelSize("16GB"));
        assertInvalid("ModelProbes: prop 'startupBudgetSeconds' is 600; allowed: not together with modelSize, from which it is derived",
                () -> ModelProbes.http("/health", 8000).modelSize("16Gi").startupBudgetSeconds(600));
        assertInvalid("ModelProbes: prop 'modelSize' is '16Gi'; allowed: not together with startupBudgetSeconds, which is the budget already",
                () -> ModelProbes.http("/health", 8000).startupBudgetSeconds(600).modelSize("16Gi"));
        assertInvalid("ModelProbes: prop 'loadMiBPerSecond' is 0; allowed: an integer of 1 or more",
                () -> ModelProbes.http("/health", 8000).loadMiBPerSecond(0));
        assertInvalid("ModelProbes: prop 'startupBudgetSeconds' is 0; allowed: an integer of 1 or more",
                () -> ModelProbes.http("/health", 8000).startupBudgetSeconds(0));
        assertInvalid("ProbeSpec: prop 'port' is 70000; allowed: a port number from 1 to 65535", () -> ModelProbes.http("/health", 70000));
    }
}
