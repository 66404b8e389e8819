package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.VolumeBindingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageClassSpecTest {

    private static Map<String, Object> rendered(StorageClassSpec spec) {
        return Manifests.synth(chart -> spec.addTo(chart, "sc")).one("StorageClass");
    }

    @Test
    void defaultsToRetainWaitForFirstConsumerAndTheBackendsExpansion() {
        AwsEbs ebs = AwsEbs.gp3();
        StorageClassSpec spec = StorageClassSpec.builder().name("fast-ebs").backend(ebs).build();
        assertEquals("fast-ebs", spec.name());
        assertSame(ebs, spec.backend());
        assertEquals(ReclaimPolicy.RETAIN, spec.reclaimPolicy());
        assertEquals(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER, spec.bindingMode());

        assertEquals(Map.of(
                "apiVersion", "storage.k8s.io/v1",
                "kind", "StorageClass",
                "metadata", Map.of("name", "fast-ebs"),
                "provisioner", "ebs.csi.aws.com",
                "parameters", Map.of("type", "gp3", "encrypted", "true", "csi.storage.k8s.io/fstype", "ext4"),
                "reclaimPolicy", "Retain",
                "volumeBindingMode", "WaitForFirstConsumer",
                "allowVolumeExpansion", true), rendered(spec));
    }

    @Test
    void writesEveryOption() {
        Map<String, Object> sc = rendered(StorageClassSpec.builder().name("scratch").backend(AwsEbs.gp3())
                .reclaimPolicy(ReclaimPolicy.DELETE).volumeBindingMode(VolumeBindingMode.IMMEDIATE)
                .allowVolumeExpansion(false).mountOptions(List.of("noatime")).labels(Map.of("tier", "scratch")).build());
        assertEquals("Delete", sc.get("reclaimPolicy"));
        assertEquals("Immediate", sc.get("volumeBindingMode"));
        assertEquals(false, sc.get("allowVolumeExpansion"));
        assertEquals(List.of("noatime"), sc.get("mountOptions"));
        assertEquals(Map.of("tier", "scratch"), Manifests.at(sc, "metadata.labels"));
    }

    @Test
    void aLocalClassHasNoParametersAndNoExpansion() {
        Map<String, Object> sc = rendered(StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).build());
        assertEquals("kubernetes.io/no-provisioner", sc.get("provisioner"));
        assertFalse(sc.containsKey("parameters"), "no parameters: " + sc);
        assertEquals(false, sc.get("allowVolumeExpansion"));
        assertEquals("WaitForFirstConsumer", sc.get("volumeBindingMode"));
    }

    @Test
    void rejectsANameThatIsNotADnsSubdomain() {
        assertInvalid("StorageClass 'Fast_SSD': prop 'storageClass.name' is 'Fast_SSD'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> StorageClassSpec.builder().name("Fast_SSD").backend(AwsEbs.gp3()).build());
    }

    @Test
    void rejectsAMissingBackend() {
        assertInvalid("StorageClass 'fast-ebs': prop 'storageClass.backend' is missing; allowed: a storage backend such as "
                        + "AwsEbs.gp3() or LocalDisks.noProvisioner()",
                () -> StorageClassSpec.builder().name("fast-ebs").build());
    }

    @Test
    void rejectsExpansionOnABackendThatCannotGrow() {
        assertInvalid("StorageClass 'local-nvme': prop 'storageClass.allowVolumeExpansion' is true; allowed: false for "
                        + "local disks (kubernetes.io/no-provisioner), which cannot grow volumes",
                () -> StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).allowVolumeExpansion(true).build());
    }

    @Test
    void rejectsImmediateBindingOnANodeLocalClass() {
        assertInvalid("StorageClass 'local-nvme': prop 'storageClass.volumeBindingMode' is 'Immediate'; allowed: WaitForFirstConsumer "
                        + "for local disks (kubernetes.io/no-provisioner): a node-local volume must be chosen together with the pod's node",
                () -> StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner())
                        .volumeBindingMode(VolumeBindingMode.IMMEDIATE).build());
    }

    @Test
    void aSharedFileSystemClassHasNoExpansionAndSaysWhy() {
        Map<String, Object> sc = rendered(StorageClassSpec.builder().name("datasets").backend(AwsEfs.accessPoints("fs-0123456789abcdef0"))
                .mountOptions(List.of("tls")).build());
        assertEquals("efs.csi.aws.com", sc.get("provisioner"));
        assertEquals(false, sc.get("allowVolumeExpansion"));
        assertEquals(Map.of("provisioningMode", "efs-ap", "fileSystemId", "fs-0123456789abcdef0", "directoryPerms", "700"), sc.get("parameters"));
        assertEquals(List.of("tls"), sc.get("mountOptions"));
        assertInvalid("StorageClass 'datasets': prop 'storageClass.allowVolumeExpansion' is true; allowed: false for AWS EFS "
                        + "fs-0123456789abcdef0 (efs.csi.aws.com), which needs no expansion: EFS is elastic and does not enforce a claim's size",
                () -> StorageClassSpec.builder().name("datasets").backend(AwsEfs.accessPoints("fs-0123456789abcdef0"))
                        .allowVolumeExpansion(true).build());
    }

    @Test
    void blockDiskClassesOfEveryCloudGrowAndWaitForTheirConsumer() {
        for (StorageBackend backend : List.of(GcePd.balanced(), AzureDisk.premium(), AwsEbs.gp3())) {
            Map<String, Object> sc = rendered(StorageClassSpec.builder().name("disks").backend(backend).build());
            assertEquals(backend.provisioner(), sc.get("provisioner"));
            assertEquals(true, sc.get("allowVolumeExpansion"));
            assertEquals("WaitForFirstConsumer", sc.get("volumeBindingMode"));
            assertEquals("Retain", sc.get("reclaimPolicy"));
        }
    }

    @Test
    void keepsItsMountOptions() {
        assertEquals(List.of("nfsvers=4.1"), StorageClassSpec.builder().name("nfs").backend(NfsCsi.share("nfs.internal", "/exports"))
                .mountOptions(List.of("nfsvers=4.1")).build().mountOptions());
        assertEquals(List.of(), StorageClassSpec.builder().name("gp3").backend(AwsEbs.gp3()).build().mountOptions());
    }
}
