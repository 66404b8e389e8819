package dev.statefulai.constructs.storage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.CsiPersistentVolumeSource;
import org.cdk8s.plus28.k8s.NodeSelector;
import org.cdk8s.plus28.k8s.NodeSelectorRequirement;
import org.cdk8s.plus28.k8s.NodeSelectorTerm;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.VolumeNodeAffinity;

/** The parts of a pre-provisioned CSI PersistentVolume that every backend writes the same way. */
final class CsiVolumes {
    /** The well-known zone label, set on every node by the kubelet or cloud provider. */
    static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private CsiVolumes() {
    }

    /**
     * The {@code csi} source. {@code fsType} and {@code attributes} may be null or empty (left out);
     * {@code readOnly} is written only when true.
     */
    static CsiPersistentVolumeSource source(String driver, String handle, String fsType, Map<String, String> attributes,
                                            boolean readOnly) {
        CsiPersistentVolumeSource.Builder csi = CsiPersistentVolumeSource.builder().driver(driver).volumeHandle(handle);
        if (fsType != null) {
            csi.fsType(fsType);
        }
        if (attributes != null && !attributes.isEmpty()) {
            csi.volumeAttributes(new TreeMap<>(attributes));
        }
        if (readOnly) {
            csi.readOnly(true);
        }
        return csi.build();
    }

    /** Required node affinity: {@code label} In {@code values}. */
    static VolumeNodeAffinity affinity(String label, List<String> values) {
        return VolumeNodeAffinity.builder()
                .required(NodeSelector.builder()
                        .nodeSelectorTerms(List.of(NodeSelectorTerm.builder()
                                .matchExpressions(List.of(NodeSelectorRequirement.builder()
                                        .key(label).operator("In").values(values).build()))
                                .build()))
                        .build())
                .build();
    }

    /** Sets the source and, when {@code zones} is not empty, node affinity to those zones. */
    static void apply(PersistentVolumeSpec.Builder spec, CsiPersistentVolumeSource source, List<String> zones) {
        spec.csi(source);
        if (!zones.isEmpty()) {
            spec.nodeAffinity(affinity(ZONE_LABEL, zones));
        }
    }
}
