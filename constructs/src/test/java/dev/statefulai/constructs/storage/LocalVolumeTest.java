package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Messages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalVolumeTest {

    @Test
    void keepsNodeAndPath() {
        LocalVolume v = Volumes.assertNames(LocalVolume.on("gpu-node-1.ec2.internal", "/mnt/nvme0"), "gpu-node-1.ec2.internal:/mnt/nvme0",
                "kubernetes.io/no-provisioner");
        assertEquals("gpu-node-1.ec2.internal", v.node());
        assertEquals("/mnt/nvme0", v.path());
    }

    @Test
    void isALocalVolumeTiedToItsNodeByHostname() {
        Map<String, Object> spec = Volumes.persistentVolumeSpec(LocalVolume.on("gpu-node-1", "/mnt/nvme0"));
        assertEquals(Map.of("path", "/mnt/nvme0"), spec.get("local"));
        assertEquals(Volumes.requiredAffinity("kubernetes.io/hostname", "gpu-node-1"), spec.get("nodeAffinity"));
        assertEquals(2, spec.size(), "only the source and the affinity: " + spec);
    }

    @Test
    void rejectsANodeThatIsNotAHostName() {
        assertInvalid("LocalVolume: prop 'node' is 'GPU_Node'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> LocalVolume.on("GPU_Node", "/mnt/nvme0"));
    }

    @Test
    void rejectsAMissingNode() {
        assertInvalid("LocalVolume: prop 'node' is missing; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> LocalVolume.on(null, "/mnt/nvme0"));
    }

    @Test
    void rejectsARelativePath() {
        assertInvalid("LocalVolume: prop 'path' is 'mnt/nvme0'; allowed: an absolute path such as /data",
                () -> LocalVolume.on("gpu-node-1", "mnt/nvme0"));
    }
}
