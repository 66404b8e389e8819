package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

/**
 * A backend made for one entry of the storage-driver catalog, named once by the subclass's constructor. What
 * every such backend does alike lives here: it writes its StorageClass parameters through
 * {@link ClassParameters} (which fails at once on a key the entry does not document), and it names itself in
 * messages as the driver, then what sets this class apart, then the provisioner, e.g.
 * {@code AWS EBS gp3 (ebs.csi.aws.com)}.
 */
public abstract class CatalogBackend implements StorageBackend {
    private final StorageDriver family;

    /** A backend of {@code driver}'s catalog entry. */
    protected CatalogBackend(StorageDriver driver) {
        this.family = driver;
    }

    /** The entry the backend was made for; a backend that can switch drivers (EBS's in-tree provisioner) overrides it. */
    @Override
    public StorageDriver driver() {
        return family;
    }

    /** What sets this class apart within its driver, for messages, e.g. {@code gp3}; {@code null} for nothing. */
    protected abstract String variant();

    /** Adds the class's parameters to {@code parameters}, an empty set of the driver's, and returns it. */
    protected abstract ClassParameters classParameters(ClassParameters parameters);

    @Override
    public Map<String, String> parameters() {
        return classParameters(new ClassParameters(driver())).toMap();
    }

    /** The driver the backend was made for, its variant and the provisioner in use, e.g. {@code AWS EBS gp3 (kubernetes.io/aws-ebs)}. */
    @Override
    public String displayName() {
        String variant = variant();
        return family.name() + (variant == null ? "" : " " + variant) + " (" + provisioner() + ")";
    }
}
