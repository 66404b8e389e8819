package dev.statefulai.apps.shareddatasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.testing.AppSnapshotTest;
import dev.statefulai.engine.values.ValuesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Besides the tests below, it inherits from {@link AppSnapshotTest} that in every environment the app
 * synthesizes to the manifest committed in dist/&lt;env&gt;/shared-datasets.yaml (bin/ai-storage synth writes it)
 * and renders the bytes of cdk8s.
 */
class SharedDatasetsAppTest extends AppSnapshotTest {

    @Test
    void prodMakesAPersistentLustreFileSystemLinkedToS3AndBindsAnExistingOneReadOnly() {
        String yaml = synth("prod").yaml();
        assertContains(yaml, "provisioner: fsx.csi.aws.com", "deploymentType: PERSISTENT_2", "perUnitStorageThroughput: \"250\"",
                "s3ImportPath: s3://acme-datasets/train/", "s3ExportPath: s3://acme-datasets/export/", "mountOptions:\n  - flock\n",
                "dnsname: fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com", "mountname: abcdef01", "readOnly: true",
                "volumeName: datasets-reference-corpus", "reclaimPolicy: Retain");
        assertFalse(yaml.contains("ReadOnlyMany"), "Lustre gives no ReadOnlyMany: the existing file system is published read-only");
    }

    @Test
    void stagingMakesAZonalFilestoreInstanceAndBindsAShareReadOnlyMany() {
        assertContains(synth("staging").yaml(), "provisioner: filestore.csi.storage.gke.io", "tier: zonal", "network: ml-vpc",
                "reserved-ipv4-cidr: 10.0.16.0/20", "connect-mode: DIRECT_PEERING",
                "volumeHandle: modeInstance/us-central1-a/reference-corpus/corpus", "ip: 10.0.16.2", "- ReadOnlyMany\n");
    }

    @Test
    void aReadOnlyManyDatasetOnLustreIsRefusedByTheCatalog() {
        ValuesException e = refusal("prod", Map.of("datasets[1].persistence.accessModes", "[ReadOnlyMany]"));
        assertEquals("apps/shared-datasets (prod): DataPipelineStorage 'shared-datasets': prop 'volumes[1].accessModes' is"
                + " 'ReadOnlyMany'; allowed: what Amazon FSx for Lustre PERSISTENT_2 in subnet-0f1e2d3c4b5a69788 (fsx.csi.aws.com) can"
                + " give: [ReadWriteMany, ReadWriteOnce] [set by --set sharedDatasets.datasets[1].persistence.accessModes=[ReadOnlyMany]"
                + " (datasets[1].persistence.accessModes)]", e.getMessage());
    }

    @Test
    void datasetsKeptElsewhereSayHowOnTheirClaimsAndWriteNoSchedule() {
        String yaml = synth("prod").yaml();
        assertFalse(yaml.contains("kind: Schedule"), "nothing for Velero to take: FSx for Lustre has no CSI snapshots");
        assertContains(yaml, "    ai-storage.dev/waive-POL007: \"training-data: loaded again from s3://acme-datasets/train/",
                "    ai-storage.dev/waive-POL007: \"reference-corpus: an existing file system published read-only here");
    }

    @Test
    void aScheduleKeyBesideElsewhereStillMakesASchedule() {
        // elsewhere alone only says what keeps the data; with anything else it is a schedule's, which needs a claim to take.
        ValuesException e = refusal("prod", Map.of("backup.keep", "720h"));
        assertTrue(e.getMessage().contains("prop 'claims' is 'null'; allowed: one or more claims to back up"), e.getMessage());
    }
}
