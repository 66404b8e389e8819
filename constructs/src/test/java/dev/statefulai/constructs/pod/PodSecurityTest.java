package dev.statefulai.constructs.pod;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PodSecurityTest {

    @Test
    void defaultsToUserGroupAndFsGroup1000ChangedOnlyOnRootMismatch() {
        assertEquals(new PodSecurity(1000, 1000, 1000, "OnRootMismatch"), PodSecurity.defaults());
    }

    @Test
    void ofSetsTheGroupAsFsGroup() {
        PodSecurity s = PodSecurity.of(2000, 3000);
        assertEquals(2000, s.runAsUser());
        assertEquals(3000, s.runAsGroup());
        assertEquals(3000, s.fsGroup());
        assertEquals("OnRootMismatch", s.fsGroupChangePolicy());
    }

    @Test
    void acceptsTheRootGroupAndTheAlwaysPolicy() {
        PodSecurity s = new PodSecurity(1, 0, 0, "Always");
        assertEquals(0, s.fsGroup());
        assertEquals("Always", s.fsGroupChangePolicy());
    }

    @Test
    void rejectsRoot() {
        assertInvalid("PodSecurity: prop 'security.runAsUser' is 0; allowed: a non-root user id of 1 or more",
                () -> PodSecurity.of(0, 1000));
    }

    @Test
    void rejectsANegativeGroup() {
        assertInvalid("PodSecurity: prop 'security.fsGroup' is -1; allowed: a group id of 0 or more",
                () -> new PodSecurity(1000, -1, 1000, "OnRootMismatch"));
        assertInvalid("PodSecurity: prop 'security.fsGroup' is -5; allowed: a group id of 0 or more",
                () -> new PodSecurity(1000, 1000, -5, "OnRootMismatch"));
    }

    @Test
    void rejectsAnUnknownChangePolicy() {
        assertInvalid("PodSecurity: prop 'security.fsGroupChangePolicy' is 'Never'; allowed: OnRootMismatch or Always",
                () -> new PodSecurity(1000, 1000, 1000, "Never"));
        assertInvalid("PodSecurity: prop 'security.fsGroupChangePolicy' is missing; allowed: OnRootMismatch or Always",
                () -> new PodSecurity(1000, 1000, 1000, null));
    }
}
