package dev.statefulai.constructs.storage.snapshot;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.storage.GcePd;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeSnapshotTest {
    private static final String ERR = "VolumeSnapshot 'features-2024-06-01': ";

    private static VolumeSnapshotProps.Builder minimal() {
        return VolumeSnapshotProps.builder().name("features-2024-06-01").claimName("features");
    }

    private static Manifests synth(String namespace, VolumeSnapshotProps.Builder props) {
        return Manifests.synth(namespace, chart -> new VolumeSnapshot(chart, "snapshot", props.build()));
    }

    private static VolumeSnapshot build(VolumeSnapshotProps.Builder props) {
        return new VolumeSnapshot(Manifests.chart(null), "snapshot", props.build());
    }

    @Test
    void snapshotsOneClaimWithTheDefaultClass() {
        assertEquals(SnapshotObjects.object("VolumeSnapshot", "features-2024-06-01",
                Map.of("spec", Map.of("source", Map.of("persistentVolumeClaimName", "features")))), synth(null, minimal()).one("VolumeSnapshot"));
    }

    @Test
    void takesTheChartsNamespaceUnlessGivenOne() {
        assertEquals("ml", synth("ml", minimal()).at("VolumeSnapshot", "metadata.namespace"));
        assertEquals("etl", synth("ml", minimal().namespace("etl")).at("VolumeSnapshot", "metadata.namespace"));
    }

    @Test
    void namesItsClassByNameOrByConstruct() {
        assertEquals("ebs-snapshots", synth(null, minimal().snapshotClassName("ebs-snapshots"))
                .at("VolumeSnapshot", "spec.volumeSnapshotClassName"));
        Manifests m = Manifests.synth(null, chart -> {
            VolumeSnapshotClass vsc = new VolumeSnapshotClass(chart, "class", VolumeSnapshotClassProps.builder()
                    .name("pd-snapshots").backend(GcePd.balanced()).build());
            new VolumeSnapshot(chart, "snapshot", minimal().snapshotClass(vsc).labels(Map.of("tier", "backup")).build());
        });
        assertEquals(List.of("VolumeSnapshotClass", "VolumeSnapshot"), m.kinds());
        assertEquals("pd-snapshots", m.at("VolumeSnapshot", "spec.volumeSnapshotClassName"));
        assertEquals(Map.of("tier", "backup"), m.at("VolumeSnapshot", "metadata.labels"));
    }

    @Test
    void gettersAndOutputs() {
        VolumeSnapshot s = build(minimal().namespace("etl").snapshotClassName("ebs-snapshots"));
        assertEquals("features", s.getClaimName());
        SnapshotObjects.assertTells(s, "features-2024-06-01", "VolumeSnapshot",
                Map.of("kind", "VolumeSnapshot", "namespace", "etl", "claim", "features", "volumeSnapshotClass", "ebs-snapshots"));
        assertNull(build(minimal()).outputs().get("namespace"));
    }

    @Test
    void rejectsAMissingClaim() {
        assertInvalid(ERR + "prop 'claimName' is missing; allowed: " + Messages.DNS_SUBDOMAIN, () -> build(minimal().claimName(null)));
    }

    @Test
    void rejectsBadNames() {
        assertInvalid("VolumeSnapshot 'Snap_1': prop 'name' is 'Snap_1'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> build(minimal().name("Snap_1")));
        assertInvalid(ERR + "prop 'namespace' is 'ETL'; allowed: " + Messages.DNS_LABEL, () -> build(minimal().namespace("ETL")));
        assertInvalid(ERR + "prop 'snapshotClassName' is 'EBS'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> build(minimal().snapshotClassName("EBS")));
    }
}
