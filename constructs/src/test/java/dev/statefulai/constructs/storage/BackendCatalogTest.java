package dev.statefulai.constructs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.Parameter;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The backends say what their driver's catalog entry says, and write only the class parameters it documents. */
class BackendCatalogTest {

    static List<StorageBackend> backends() {
        return List.of(AwsEbs.gp3(), AwsEbs.builder().volumeType("io2").iops(16000).kmsKeyId(
                        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab").fsType("xfs").build(),
                AwsEbs.builder().volumeType("gp2").legacyInTreeProvisioner(true).build(),
                AwsEfs.builder().fileSystemId("fs-0123456789abcdef0").basePath("/datasets").gidRange(60000, 61000).build(),
                AwsEfs.staticVolumes(),
                GcePd.builder().diskType("pd-ssd").regional(true)
                        .kmsKey("projects/ml-prod/locations/us-central1/keyRings/data/cryptoKeys/disks").build(),
                AzureDisk.builder().skuName("PremiumV2_LRS").diskIops(6000).diskMbps(250).build(),
                NfsCsi.builder().server("nfs.internal").share("/exports").subDir("${pvc.metadata.name}").mountPermissions("0750").build(),
                LocalDisks.noProvisioner());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void writesOnlyParametersTheDriverDocumentsWithValuesItAccepts(StorageBackend backend) {
        StorageDriver driver = backend.driver();
        for (Map.Entry<String, String> p : backend.parameters().entrySet()) {
            Parameter parameter = driver.parameter(p.getKey()).orElseThrow(() -> new AssertionError(driver.name() + ": " + p.getKey()));
            assertTrue(parameter.accepts(p.getValue()), driver.name() + ": " + p + " is not " + parameter.rule());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void givesWhatItsCatalogEntryGives(StorageBackend backend) {
        StorageDriver driver = backend.driver();
        assertSame(driver, DriverCatalog.require(backend.provisioner()));
        assertEquals(driver.accessModes().stream().sorted().toList(),
                backend.accessModes().stream().map(AccessMode::value).sorted().collect(Collectors.toList()));
        assertEquals(driver.expansion().grows(), backend.supportsExpansion());
        assertEquals(driver.givesBlockVolumes(), backend.supportsBlockVolumes());
        assertEquals(driver.snapshots(), backend.supportsSnapshots());
        assertTrue(backend.displayName().endsWith(" (" + driver.provisioner() + ")"), backend.displayName());
    }
}
