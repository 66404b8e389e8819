package dev.statefulai.constructs;

import dev.statefulai.constructs.claims.ClaimTemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalsTest {
    private static Resources.Builder twoMistakes() {
        return Resources.builder().cpu("2").cpuLimit("1").memory("4Gi").memoryLimit("2Gi").gpuResource("not a resource");
    }

    @Test
    void outsideACollectionTheFirstRefusalIsThrown() {
        InvalidPropsException e = assertThrows(InvalidPropsException.class, () -> twoMistakes().build());
        assertEquals("resources.memoryLimit", e.prop());
    }

    @Test
    void aCollectionGetsEveryRefusalOfEveryConstructInOrder() {
        List<InvalidPropsException> refused = Refusals.collect(() -> {
            twoMistakes().build();
            ClaimTemplate.builder().name("Data").mountPath("data").size("10Gi").build();
        });
        assertEquals(List.of("resources.memoryLimit", "resources.cpuLimit", "resources.gpuResource", "name", "mountPath"),
                refused.stream().map(InvalidPropsException::prop).toList());
    }

    @Test
    void aFailureThatFollowsARefusalEndsTheCollectionQuietlyAndWithoutOneItIsThrown() {
        List<InvalidPropsException> refused = Refusals.collect(() -> {
            Refusals.refuse(new InvalidPropsException("X", "size", "10GB", "a quantity"));
            throw new IllegalArgumentException("'10GB' is not a Kubernetes quantity");
        });
        assertEquals(List.of("size"), refused.stream().map(InvalidPropsException::prop).toList());
        assertThrows(IllegalStateException.class, () -> Refusals.collect(() -> {
            throw new IllegalStateException("a bug");
        }));
    }
}
