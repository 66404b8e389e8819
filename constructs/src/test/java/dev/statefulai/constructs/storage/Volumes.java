package dev.statefulai.constructs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Manifests;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/** Test support: what a pre-provisioned volume writes into a PersistentVolume's spec. */
final class Volumes {
    private Volumes() {
    }

    /** The synthesized {@code spec} of a PersistentVolume that only {@code volume} filled in. */
    static Map<String, Object> persistentVolumeSpec(PreProvisionedVolume volume) {
        return persistentVolumeSpec(volume, false);
    }

    /** The same, with the volume published read-only when {@code readOnly}. */
    static Map<String, Object> persistentVolumeSpec(PreProvisionedVolume volume, boolean readOnly) {
        Manifests m = Manifests.synth(chart -> {
            PersistentVolumeSpec.Builder spec = PersistentVolumeSpec.builder();
            if (readOnly) {
                volume.applyTo(spec, true);
            } else {
                volume.applyTo(spec);
            }
            new KubePersistentVolume(chart, "pv", KubePersistentVolumeProps.builder()
                    .metadata(ObjectMeta.builder().name("pv").build())
                    .spec(spec.build())
                    .build());
        });
        return Manifests.map(m.one("PersistentVolume"), "spec");
    }

    /** Asserts that {@code volume} names the volume {@code handle} of {@code provisioner}; returns it for the asserts of its own. */
    static <V extends PreProvisionedVolume> V assertNames(V volume, String handle, String provisioner) {
        assertEquals(handle, volume.handle());
        assertEquals(provisioner, volume.provisioner());
        return volume;
    }

    /**
     * Asserts that {@code spec} is a CSI volume of {@code driver} and {@code handle} on ext4, which attaches only on nodes
     * of {@code zones} (by the well-known zone label).
     */
    static void assertZonalCsi(Map<String, Object> spec, String driver, String handle, String... zones) {
        assertEquals(Map.of("driver", driver, "volumeHandle", handle, "fsType", "ext4"), spec.get("csi"));
        assertEquals(requiredAffinity("topology.kubernetes.io/zone", zones), spec.get("nodeAffinity"));
    }

    /** The node affinity a volume of {@code label} in {@code values} must have. */
    static Map<String, Object> requiredAffinity(String label, String... values) {
        return Map.of("required", Map.of("nodeSelectorTerms", List.of(
                Map.of("matchExpressions", List.of(
                        Map.of("key", label, "operator", "In", "values", List.of(values)))))));
    }
}
