package dev.statefulai.engine.values;

import dev.statefulai.app.values.StorageClassValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.storage.AzureDisk;
import dev.statefulai.constructs.storage.GcePd;
import dev.statefulai.constructs.storage.NfsCsi;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageClassValuesTest {
    private static StorageClassValues of(StorageClassValues.Backend backend, String volumeType, Integer iops, Integer throughput,
                                         String fileSystemId, Boolean regional, String server, String share, List<String> mountOptions) {
        return new StorageClassValues(null, backend, null, volumeType, null, null, iops, throughput, fileSystemId, null, null, regional,
                null, server, share, mountOptions);
    }

    @Test
    void defaultsAreEncryptedGp3() {
        StorageClassSpec spec = StorageClassValues.defaults().toSpec("fallback");
        assertEquals("fallback", spec.name());
        assertInstanceOf(AwsEbs.class, spec.backend());
        assertEquals(StorageClassValues.Backend.EBS, StorageClassValues.defaults().backendOrDefault());
    }

    @Test
    void everyBackendIsReachableFromValues() {
        AwsEfs efs = (AwsEfs) of(StorageClassValues.Backend.EFS, null, null, null, "fs-0123456789abcdef0", null, null, null, null).toBackend();
        assertEquals("fs-0123456789abcdef0", efs.fileSystemId());
        GcePd pd = (GcePd) of(StorageClassValues.Backend.GCE_PD, "pd-ssd", null, null, null, true, null, null, null).toBackend();
        assertEquals(Map.of("type", "pd-ssd", "replication-type", "regional-pd", "csi.storage.k8s.io/fstype", "ext4"), pd.parameters());
        AzureDisk disk = (AzureDisk) of(StorageClassValues.Backend.AZURE_DISK, "PremiumV2_LRS", 6000, 250, null, null, null, null, null)
                .toBackend();
        assertEquals("6000", disk.parameters().get("DiskIOPSReadWrite"));
        assertEquals("250", disk.parameters().get("DiskMBpsReadWrite"));
        StorageClassSpec nfs = of(StorageClassValues.Backend.NFS, null, null, null, null, null, "nfs.internal", "/exports",
                List.of("nfsvers=4.1")).toSpec("nfs");
        assertInstanceOf(NfsCsi.class, nfs.backend());
        assertEquals(List.of("nfsvers=4.1"), nfs.mountOptions());
    }

    @Test
    void refusesAnOptionOfAnotherBackend() {
        InvalidPropsException e = assertThrows(InvalidPropsException.class,
                () -> of(StorageClassValues.Backend.EBS, null, null, null, "fs-0123456789abcdef0", null, null, null, null).toBackend());
        assertEquals("storageClass: prop 'storageClass.fileSystemId' is 'fs-0123456789abcdef0'; allowed: nothing for backend ebs: "
                + "fileSystemId belongs to another backend", e.getMessage());
        e = assertThrows(InvalidPropsException.class,
                () -> of(StorageClassValues.Backend.EFS, "gp3", null, null, null, null, null, null, null).toBackend());
        assertEquals("storageClass: prop 'storageClass.volumeType' is 'gp3'; allowed: nothing for backend efs: "
                + "volumeType belongs to another backend", e.getMessage());
    }
}
