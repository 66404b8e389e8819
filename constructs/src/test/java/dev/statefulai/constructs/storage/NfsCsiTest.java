package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NfsCsiTest {
    private static final String SERVER_RULE = "an NFS server's host name or IPv4 address, such as nfs.example.internal or 10.0.0.4";

    @Test
    void aShareProvisionsOneDirectoryPerClaim() {
        NfsCsi nfs = NfsCsi.share("nfs.internal", "/exports/datasets");
        assertEquals("nfs.csi.k8s.io", nfs.provisioner());
        assertEquals(Map.of("server", "nfs.internal", "share", "/exports/datasets"), nfs.parameters());
        assertTrue(nfs.provisionsVolumes());
        assertEquals("NFS nfs.internal:/exports/datasets (nfs.csi.k8s.io)", nfs.displayName());
    }

    @Test
    void writesEveryOption() {
        NfsCsi nfs = NfsCsi.builder().server("10.0.0.4").share("/exports").subDir("${pvc.metadata.namespace}/${pvc.metadata.name}")
                .mountPermissions("0750").build();
        assertEquals(Map.of("server", "10.0.0.4", "share", "/exports", "subDir", "${pvc.metadata.namespace}/${pvc.metadata.name}",
                "mountPermissions", "0750"), nfs.parameters());
    }

    @Test
    void aStaticClassTakesNoParameters() {
        NfsCsi nfs = NfsCsi.staticVolumes();
        assertEquals(Map.of(), nfs.parameters());
        assertFalse(nfs.provisionsVolumes());
        assertEquals("NFS static volumes (nfs.csi.k8s.io)", nfs.displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NFS.internal", "nfs_server", "nfs.internal:2049", "-nfs"})
    void rejectsAServerThatIsNotAHost(String server) {
        assertInvalid("NfsCsi: prop 'server' is '" + server + "'; allowed: " + SERVER_RULE, () -> NfsCsi.share(server, "/exports"));
    }

    @Test
    void rejectsAMissingOrRelativeShare() {
        assertInvalid("NfsCsi: prop 'share' is missing; allowed: an absolute path such as /data", () -> NfsCsi.share("nfs.internal", null));
        assertInvalid("NfsCsi: prop 'share' is 'exports'; allowed: an absolute path such as /data", () -> NfsCsi.share("nfs.internal", "exports"));
    }

    @Test
    void rejectsProvisioningOptionsWithoutAServer() {
        String message = "NfsCsi: prop 'server' is missing; allowed: the NFS server to provision on, when share, subDir or mountPermissions are set";
        assertInvalid(message, () -> NfsCsi.builder().share("/exports").build());
        assertInvalid(message, () -> NfsCsi.builder().subDir("x").build());
        assertInvalid(message, () -> NfsCsi.builder().mountPermissions("0750").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abs", "a/../b"})
    void rejectsASubDirOutsideTheShare(String subDir) {
        assertInvalid("NfsCsi: prop 'subDir' is '" + subDir + "'; allowed: a directory under the share, relative, such as "
                + "${pvc.metadata.namespace}/${pvc.metadata.name}", () -> NfsCsi.builder().server("nfs.internal").share("/exports").subDir(subDir).build());
    }

    @Test
    void rejectsPermissionsThatAreNotOctal() {
        assertInvalid("NfsCsi: prop 'mountPermissions' is '0999'; allowed: octal permissions of each volume's directory, such as 0750 or 0777",
                () -> NfsCsi.builder().server("nfs.internal").share("/exports").mountPermissions("0999").build());
    }
}
