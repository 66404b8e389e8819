package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.CsiPersistentVolumeSource;
import org.cdk8s.plus28.k8s.NodeSelector;
import org.cdk8s.plus28.k8s.NodeSelectorRequirement;
import org.cdk8s.plus28.k8s.NodeSelectorTerm;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.VolumeNodeAffinity;

/**
 * An existing volume of a driver in the storage-driver catalog: its source the driver's way, node affinity
 * by the driver's placement (the volume's zones for cloud disks, its node for local disks, none for file
 * systems every node reaches).
 */
public abstract class CatalogVolume implements PreProvisionedVolume {
    private final StorageDriver driver;
    private final String handle;
    private final String fsType;
    private final List<String> places;

    /**
     * @param handle the volume handle, also shown in messages and outputs
     * @param fsType the file system of the volume, or null when the driver decides
     * @param places the zones or node the volume can be used in, values of the driver's placement label; empty for anywhere
     */
    protected CatalogVolume(StorageDriver driver, String handle, String fsType, List<String> places) {
        this.driver = driver;
        this.handle = handle;
        this.fsType = fsType;
        this.places = List.copyOf(places);
    }

    /** Sets the volume source of {@code spec}, published read-only when {@code readOnly}. Default: the driver's {@code csi} source. */
    protected void source(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        spec.csi(csi(handle, null, readOnly));
    }

    /** The {@code csi} source of the driver for {@code volumeHandle}; {@code attributes} may be null (left out). */
    protected final CsiPersistentVolumeSource csi(String volumeHandle, Map<String, String> attributes, boolean readOnly) {
        CsiPersistentVolumeSource.Builder csi = CsiPersistentVolumeSource.builder().driver(driver.csiDriver()).volumeHandle(volumeHandle);
        if (fsType != null) {
            csi.fsType(fsType);
        }
        if (attributes != null) {
            csi.volumeAttributes(new TreeMap<>(attributes));
        }
        return readOnly ? csi.readOnly(true).build() : csi.build();
    }

    @Override
    public final void applyTo(PersistentVolumeSpec.Builder spec) {
        applyTo(spec, false);
    }

    /** CSI volumes can; in-tree and local sources are published read-write. */
    @Override
    public boolean supportsReadOnly() {
        return driver.csiDriver() != null;
    }

    @Override
    public final void applyTo(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        if (readOnly && !supportsReadOnly()) {
            String where = driver.isRetired() ? " on the in-tree provisioner" : "";
            throw new IllegalStateException(handle + where + " cannot be published read-only");
        }
        source(spec, readOnly);
        if (!places.isEmpty()) {
            spec.nodeAffinity(VolumeNodeAffinity.builder()
                    .required(NodeSelector.builder()
                            .nodeSelectorTerms(List.of(NodeSelectorTerm.builder()
                                    .matchExpressions(List.of(NodeSelectorRequirement.builder()
                                            .key(driver.placement().nodeLabel().orElseThrow()).operator("In").values(places).build()))
                                    .build()))
                            .build())
                    .build());
        }
    }

    @Override
    public final String provisioner() {
        return driver.provisioner();
    }

    @Override
    public String handle() {
        return handle;
    }

    /** The file system of the volume, or null. */
    protected final String fsType() {
        return fsType;
    }

    /** The zones or node the volume can be used in. */
    protected final List<String> places() {
        return places;
    }
}
