package dev.statefulai.constructs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalDisksTest {
    private final LocalDisks local = LocalDisks.noProvisioner();

    @Test
    void isOneSharedInstance() {
        assertSame(local, LocalDisks.noProvisioner());
    }

    @Test
    void hasNoProvisionerAndNoParameters() {
        assertEquals("kubernetes.io/no-provisioner", local.provisioner());
        assertEquals(Map.of(), local.parameters());
    }

    @Test
    void givesOnlySingleNodeAccess() {
        assertEquals(Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD), local.accessModes());
    }

    @Test
    void isNodeLocalAndCannotGrow() {
        assertTrue(local.isNodeLocal());
        assertFalse(local.supportsExpansion());
    }

    @Test
    void namesItselfInMessages() {
        assertEquals("local disks (kubernetes.io/no-provisioner)", local.displayName());
    }
}
