package dev.statefulai.constructs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.Refusal;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AzureDiskTest {
    private static final String DES = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml/providers/"
            + "Microsoft.Compute/diskEncryptionSets/ml-keys";

    @Test
    void premiumIsPremiumLrsExt4WithTheDriversCaching() {
        AzureDisk disk = AzureDisk.premium();
        assertEquals("disk.csi.azure.com", disk.provisioner());
        assertEquals(Map.of("skuName", "Premium_LRS", "csi.storage.k8s.io/fstype", "ext4"), disk.parameters());
        assertEquals("Premium_LRS", disk.skuName());
        assertFalse(disk.isZoneRedundant());
        assertEquals("Azure Disk Premium_LRS (disk.csi.azure.com)", disk.displayName());
    }

    @Test
    void premiumV2TakesIopsAndThroughputAndNoCaching() {
        AzureDisk disk = AzureDisk.builder().skuName("PremiumV2_LRS").diskIops(20000).diskMbps(600).build();
        assertEquals(Map.of("skuName", "PremiumV2_LRS", "cachingMode", "None", "DiskIOPSReadWrite", "20000",
                "DiskMBpsReadWrite", "600", "csi.storage.k8s.io/fstype", "ext4"), disk.parameters());
        assertEquals("None", AzureDisk.builder().skuName("UltraSSD_LRS").cachingMode("None").build().parameters().get("cachingMode"));
    }

    @Test
    void writesEveryOption() {
        AzureDisk disk = AzureDisk.builder().skuName("StandardSSD_ZRS").cachingMode("ReadWrite").diskEncryptionSetId(DES).fsType("xfs").build();
        assertEquals(Map.of("skuName", "StandardSSD_ZRS", "cachingMode", "ReadWrite", "diskEncryptionSetID", DES,
                "csi.storage.k8s.io/fstype", "xfs"), disk.parameters());
        assertTrue(disk.isZoneRedundant());
    }

    private static Refusal refusal(String name, Consumer<AzureDisk.Builder> props, String message) {
        return Refusal.of(name, message, AzureDisk::builder, props, AzureDisk.Builder::build);
    }

    static Stream<Refusal> refusals() {
        String followsTheSize = "; allowed: only with skuName PremiumV2_LRS or UltraSSD_LRS; %s performance follows the disk size";
        return Stream.of(
                refusal("an unknown SKU", b -> b.skuName("premium"), "AzureDisk: prop 'skuName' is 'premium'; allowed: one of"
                        + " [PremiumV2_LRS, Premium_LRS, Premium_ZRS, StandardSSD_LRS, StandardSSD_ZRS, Standard_LRS, UltraSSD_LRS]"),
                refusal("an unknown caching mode", b -> b.cachingMode("WriteBack"),
                        "AzureDisk: prop 'cachingMode' is 'WriteBack'; allowed: one of [None, ReadOnly, ReadWrite]"),
                refusal("caching on PremiumV2", b -> b.skuName("PremiumV2_LRS").cachingMode("ReadOnly"),
                        "AzureDisk: prop 'cachingMode' is 'ReadOnly'; allowed: None for skuName PremiumV2_LRS, which has no host caching"),
                refusal("iops on a SKU that follows the size", b -> b.diskIops(5000),
                        "AzureDisk: prop 'diskIops' is 5000" + followsTheSize.formatted("Premium_LRS")),
                refusal("throughput on a SKU that follows the size", b -> b.skuName("Premium_ZRS").diskMbps(200),
                        "AzureDisk: prop 'diskMbps' is 200" + followsTheSize.formatted("Premium_ZRS")),
                refusal("PremiumV2 iops above its limit", b -> b.skuName("PremiumV2_LRS").diskIops(100000),
                        "AzureDisk: prop 'diskIops' is 100000; allowed: from 3000 to 80000 for skuName PremiumV2_LRS"),
                refusal("PremiumV2 throughput below its limit", b -> b.skuName("PremiumV2_LRS").diskMbps(100),
                        "AzureDisk: prop 'diskMbps' is 100; allowed: from 125 to 1200 for skuName PremiumV2_LRS"),
                refusal("UltraSSD iops below its limit", b -> b.skuName("UltraSSD_LRS").diskIops(0),
                        "AzureDisk: prop 'diskIops' is 0; allowed: from 100 to 400000 for skuName UltraSSD_LRS"),
                refusal("UltraSSD throughput above its limit", b -> b.skuName("UltraSSD_LRS").diskMbps(20000),
                        "AzureDisk: prop 'diskMbps' is 20000; allowed: from 1 to 10000 for skuName UltraSSD_LRS"),
                refusal("an encryption set that is not a resource id", b -> b.diskEncryptionSetId("ml-keys"),
                        "AzureDisk: prop 'diskEncryptionSetId' is 'ml-keys'; allowed: a disk encryption set's resource id:"
                                + " /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/diskEncryptionSets/<name>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(Refusal refusal) {
        refusal.assertRefused();
    }
}
