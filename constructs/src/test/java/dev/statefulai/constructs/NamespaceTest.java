package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NamespaceTest {
    private static final String C = "StatefulAIApp 'llm'";

    @Test
    void theGivenNamespaceWinsAndTheChartIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals("ml", Namespace.resolve(C, "ml", () -> {
            asked.incrementAndGet();
            return "other";
        }, true));
        assertEquals(0, asked.get(), "the chart's namespace is a jsii round trip: asked only without a namespace prop");
    }

    @Test
    void elseTheChartsNamespace() {
        assertEquals("etl", Namespace.resolve(C, null, () -> "etl", false));
        assertEquals("etl", Namespace.resolve(C, null, () -> "etl", true));
    }

    @Test
    void elseNoneUnlessAnObjectMustNameIt() {
        assertNull(Namespace.resolve(C, null, () -> null, false));
        assertEquals("default", Namespace.resolve(C, null, () -> null, true));
    }

    @Test
    void theOutputsSayWhereObjectsWithoutANamespaceGo() {
        assertEquals("(namespace of kubectl or the GitOps engine)", Namespace.describe(null));
        assertEquals("ml", Namespace.describe("ml"));
    }

    @Test
    void aNamespaceThatIsNotADnsLabel() {
        assertInvalid(C + ": prop 'namespace' is 'ML'; allowed: " + Messages.DNS_LABEL, () -> Namespace.resolve(C, "ML", () -> null, false));
    }
}
