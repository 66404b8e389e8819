package dev.statefulai.constructs.storage;

import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;

/**
 * A backend made for one entry of the storage-driver catalog, named once with the construct's own name by the
 * subclass's constructor. What every such backend does alike lives here: it refuses props in that name and checks
 * them against the entry's parameters, it writes its StorageClass parameters through {@link ClassParameters} (which
 * fails at once on a key the entry does not document), and it names itself in messages as the driver, then what
 * sets this class apart, then the provisioner, e.g. {@code AWS EBS gp3 (ebs.csi.aws.com)}.
 */
public abstract class CatalogBackend implements StorageBackend {
    private final String construct;
    private final StorageDriver family;

    /** A backend, called {@code construct} in refusals, of {@code driver}'s catalog entry. */
    protected CatalogBackend(String construct, StorageDriver driver) {
        this.construct = construct;
        this.family = driver;
    }

    /** The name props are refused by, e.g. {@code AwsEbs}. */
    protected final String construct() {
        return construct;
    }

    /** Refuses {@code prop} (see {@link Checks#refuse}). */
    protected final void refuse(String prop, Object value, String allowed) {
        Checks.refuse(construct, prop, value, allowed);
    }

    /** A value the entry allows for its class parameter {@code key}, or null; refused as {@code prop} otherwise. */
    protected final String parameter(String prop, String value, String key) {
        return Checks.parameter(construct, prop, value, family, key);
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
