package dev.statefulai.constructs.pod;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.cdk8s.plus28.k8s.StatefulSetUpdateStrategy;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateStrategyTest {

    static Stream<Arguments> strategiesWithoutAPartition() {
        return Stream.of(
                Arguments.of(Named.of("a rolling update has no partition", UpdateStrategy.rollingUpdate()), "RollingUpdate"),
                Arguments.of(Named.of("a partition of zero is the plain rolling update", UpdateStrategy.rollingUpdate(0)), "RollingUpdate"),
                Arguments.of(Named.of("on delete waits for someone to delete the pod", UpdateStrategy.onDelete()), "OnDelete"));
    }

    @ParameterizedTest
    @MethodSource("strategiesWithoutAPartition")
    void writesTheTypeWithoutARollingUpdateBlock(UpdateStrategy strategy, String type) {
        StatefulSetUpdateStrategy s = strategy.toSpec();
        assertEquals(type, s.getType());
        assertNull(s.getRollingUpdate());
    }

    @Test
    void aPartitionRollsOnlyTheHigherOrdinals() {
        StatefulSetUpdateStrategy s = UpdateStrategy.rollingUpdate(2).toSpec();
        assertEquals("RollingUpdate", s.getType());
        assertEquals(2, s.getRollingUpdate().getPartition().intValue());
    }

    @Test
    void rejectsANegativePartition() {
        assertInvalid("UpdateStrategy: prop 'partition' is -1; allowed: an integer of 0 or more",
                () -> UpdateStrategy.rollingUpdate(-1));
    }
}
