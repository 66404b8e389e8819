package dev.statefulai.gate;

import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.facts.drivers.Attachment;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.Modes;
import dev.statefulai.facts.drivers.StorageDriver;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules the gate takes from the storage-driver catalog rather than from lists of its own: which access
 * modes a driver gives (BIND005), which provisioners are retired and what replaced them (BIND006) and
 * which drivers encrypt only when a class parameter says so (POL002).
 */
class DriverCatalogRulesTest {
    @TempDir
    Path tmp;

    static List<StorageDriver> drivers() {
        return DriverCatalog.all();
    }

    private List<String> found(String rulePrefix, String... docs) {
        return lines(new GateFixture(tmp).file("prod", "app.yaml", docs).run()).stream().filter(l -> l.startsWith(rulePrefix)).toList();
    }

    private static String classOf(String provisioner) {
        return Docs.storageClass("c", provisioner, "Retain", "WaitForFirstConsumer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void bind005RefusesWhatADiskThatAttachesToOneNodeDoesNotGiveAndNothingElse(StorageDriver driver) {
        boolean refused = driver.attachment() == Attachment.ONE_NODE_AT_A_TIME && !driver.gives(Modes.READ_WRITE_MANY);
        assertEquals(refused ? List.of("BIND005 error prod PersistentVolumeClaim/data/writers: asks for ReadWriteMany from class c ("
                        + driver.provisioner() + "), whose disks attach to one node at a time: the volume never provisions; use"
                        + " ReadWriteOnce per replica or a shared-filesystem class (EFS, Filestore, Azure Files, NFS)") : List.of(),
                found("BIND005", classOf(driver.provisioner()), Docs.pvc("writers", "c", "10Gi", "ReadWriteMany", "")));
    }

    @Test
    void bind005KnowsAzureDisksFromTheCatalogAlone() {
        assertEquals(List.of("BIND005 error prod PersistentVolumeClaim/data/readers: asks for ReadOnlyMany from class c"
                        + " (disk.csi.azure.com), whose disks attach to one node at a time: the volume never provisions; use"
                        + " ReadWriteOnce per replica or a shared-filesystem class (EFS, Filestore, Azure Files, NFS)"),
                found("BIND005", classOf("disk.csi.azure.com"), Docs.pvc("readers", "c", "10Gi", "ReadOnlyMany", ""),
                        Docs.pvc("owner", "c", "10Gi", "ReadWriteOncePod", "")));
    }

    @Test
    void bind005LeavesSharedFileSystemsAndUnknownDriversAlone() {
        assertEquals(List.of(), found("BIND005", classOf("efs.csi.aws.com"), Docs.pvc("writers", "c", "10Gi", "ReadWriteMany", ""),
                Docs.pvc("readers", "c", "10Gi", "ReadOnlyMany", "")));
        assertEquals(List.of(), found("BIND005", classOf("csi.example.com"), Docs.pvc("writers", "c", "10Gi", "ReadWriteMany", "")));
    }

    @Test
    void bind006NamesTheCatalogsReplacementOfEveryRetiredProvisioner() {
        assertEquals(List.of("BIND006 warning prod StorageClass/c: provisioner kubernetes.io/azure-disk is a retired in-tree plugin"
                        + " (it works only through CSI migration to disk.csi.azure.com): use provisioner disk.csi.azure.com in a new class"),
                found("BIND006", classOf("kubernetes.io/azure-disk")));
        assertEquals(List.of(), found("BIND006", classOf("disk.csi.azure.com")));
    }

    @Test
    void pol002AsksForTheEncryptionParameterOfEveryDriverThatHasOne() {
        String unencrypted = ", parameters: {type: gp3, encrypted: \"true\"}";
        for (String provisioner : List.of("ebs.csi.aws.com", "kubernetes.io/aws-ebs", "rbd.csi.ceph.com", "driver.longhorn.io")) {
            assertEquals(List.of("POL002 error prod StorageClass/c: provisioner " + provisioner
                            + " creates unencrypted disks unless parameters.encrypted is \"true\""),
                    found("POL002", classOf(provisioner).replace(unencrypted, ", parameters: {encrypted: \"false\"}")), provisioner);
        }
        for (String provisioner : List.of("pd.csi.storage.gke.io", "disk.csi.azure.com", "efs.csi.aws.com", "csi.example.com")) {
            assertEquals(List.of(), found("POL002", classOf(provisioner).replace(unencrypted, "")), provisioner);
        }
    }
}
