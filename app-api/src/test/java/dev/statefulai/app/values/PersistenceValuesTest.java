package dev.statefulai.app.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.claims.Claim;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.claims.PipelineVolume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared volume shape of values files and the claim each of its keys becomes. */
class PersistenceValuesTest {

    private static PersistenceValues persistence(String storageClass, DataSourceValues dataSource) {
        return new PersistenceValues("20Gi", storageClass, List.of(AccessMode.READ_WRITE_ONCE_POD), null,
                Map.of("backup.velero.io/backup-volumes", "data"), new LabelSelectorValues(Map.of("tier", "nvme")), dataSource);
    }

    @Test
    void everyKeyBecomesThePropOfTheClaimTemplate() {
        ClaimTemplate claim = PersistenceValues.claimTemplate(persistence("fast", new DataSourceValues(
                DataSourceValues.Kind.VOLUME_SNAPSHOT, "nightly", null)), "data", "/data", "claimTemplates[0]").build();
        assertEquals("20Gi", claim.claim().size());
        assertEquals("fast", claim.claim().storageClassName());
        assertEquals(List.of(AccessMode.READ_WRITE_ONCE_POD), claim.claim().accessModes());
        assertEquals(Map.of("backup.velero.io/backup-volumes", "data"), claim.claim().annotations());
        assertEquals(Map.of("tier", "nvme"), claim.claim().selector());
        assertEquals(new Claim.DataSource("snapshot.storage.k8s.io", "VolumeSnapshot", "nightly"), claim.claim().dataSource());
    }

    @Test
    void aDashIsNoClassAsInHelmCharts() {
        // Bitnami's values.yaml: 'If set to "-", storageClassName: "", which disables dynamic provisioning'.
        assertEquals("", PersistenceValues.claimTemplate(persistence("-", null), "data", "/data", "claimTemplates[0]").build()
                .claim().storageClassName());
    }

    @Test
    void aClaimToCloneTakesNoApiGroup() {
        ClaimTemplate clone = PersistenceValues.claimTemplate(persistence(null, new DataSourceValues(
                DataSourceValues.Kind.PERSISTENT_VOLUME_CLAIM, "warm-cache", null)), "data", "/data", "claimTemplates[0]").build();
        assertEquals(new Claim.DataSource(null, "PersistentVolumeClaim", "warm-cache"), clone.claim().dataSource());
        InvalidPropsException e = assertThrows(InvalidPropsException.class, () -> PersistenceValues.claimTemplate(persistence(null,
                new DataSourceValues(DataSourceValues.Kind.PERSISTENT_VOLUME_CLAIM, "warm-cache", DataSourceValues.ApiGroup.SNAPSHOT_STORAGE_K8S_IO)),
                "data", "/data", "claimTemplates[0]"));
        assertEquals("ClaimTemplate 'data': prop 'dataSource' is 'snapshot.storage.k8s.io'; allowed: no apiGroup for a "
                + "PersistentVolumeClaim, which is in the core API group", e.getMessage());
    }

    @Test
    void noValuesKeepTheConstructDefaults() {
        ClaimTemplate claim = PersistenceValues.claimTemplate(new PersistenceValues("1Gi", null, null, null, null, null, null),
                "data", "/data", "claimTemplates[0]").build();
        assertEquals(List.of(AccessMode.READ_WRITE_ONCE), claim.claim().accessModes());
        assertNull(claim.claim().storageClassName());
        assertNull(claim.claim().dataSource());
        InvalidPropsException missing = assertThrows(InvalidPropsException.class,
                () -> PersistenceValues.claimTemplate(null, "data", "/data", "claimTemplates[0]").build());
        assertEquals("size", missing.prop());
    }

    @Test
    void aPipelineVolumeTakesSizeAndAccessModesAndRefusesTheKeysOfAClaimItDoesNotMake() {
        PipelineVolume volume = PersistenceValues.pipelineVolume(new PersistenceValues("5Gi", null, List.of(AccessMode.READ_WRITE_MANY),
                null, null, null, null), "raw", "volumes[0]").build();
        assertEquals("5Gi", volume.claim("DataPipelineStorage", "volumes[0].").size());
        assertEquals(List.of(AccessMode.READ_WRITE_MANY), volume.claim("DataPipelineStorage", "volumes[0].").accessModes());
        InvalidPropsException e = assertThrows(InvalidPropsException.class, () -> PersistenceValues.pipelineVolume(
                new PersistenceValues("5Gi", null, null, "old-claim", null, null, null), "raw", "volumes[0]"));
        assertEquals("PipelineVolume 'raw': prop 'existingClaim' is 'old-claim'; allowed: nothing for a volume of a data pipeline, "
                + "which makes and binds its claim itself: only size, accessModes and volumeAttributesClass", e.getMessage());
    }
}
