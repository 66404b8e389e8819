package dev.statefulai.constructs.pod;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.cdk8s.plus28.k8s.StatefulSetUpdateStrategy;
import org.junit.jupiter.api.Test;

class UpdateStrategyTest {

    @Test
    void rollingUpdateHasNoPartition() {
        StatefulSetUpdateStrategy s = UpdateStrategy.rollingUpdate().toSpec();
        assertEquals("RollingUpdate", s.getType());
        assertNull(s.getRollingUpdate());
    }

    @Test
    void aPartitionOfZeroIsThePlainRollingUpdate() {
        StatefulSetUpdateStrategy s = UpdateStrategy.rollingUpdate(0).toSpec();
        assertEquals("RollingUpdate", s.getType());
        assertNull(s.getRollingUpdate());
    }

    @Test
    void aPartitionRollsOnlyTheHigherOrdinals() {
        StatefulSetUpdateStrategy s = UpdateStrategy.rollingUpdate(2).toSpec();
        assertEquals("RollingUpdate", s.getType());
        assertEquals(2, s.getRollingUpdate().getPartition().intValue());
    }

    @Test
    void onDeleteWaitsForSomeoneToDeleteThePod() {
        StatefulSetUpdateStrategy s = UpdateStrategy.onDelete().toSpec();
        assertEquals("OnDelete", s.getType());
        assertNull(s.getRollingUpdate());
    }

    @Test
    void rejectsANegativePartition() {
        assertInvalid("UpdateStrategy: prop 'partition' is -1; allowed: an integer of 0 or more",
                () -> UpdateStrategy.rollingUpdate(-1));
    }
}
