package dev.statefulai.constructs.storage.files;

import dev.statefulai.constructs.storage.CatalogVolume;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/** An existing file system that its CSI driver reaches by the volume handle and {@code volumeAttributes}, from every node. */
abstract class AttributedVolume extends CatalogVolume {
    private final Map<String, String> attributes;

    AttributedVolume(StorageDriver driver, String handle, Map<String, String> attributes) {
        super(driver, handle, null, List.of());
        this.attributes = Map.copyOf(attributes);
    }

    @Override
    protected void source(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        spec.csi(csi(handle(), attributes, readOnly));
    }

    /** The volume attribute {@code key}. */
    final String attribute(String key) {
        return attributes.get(key);
    }
}
