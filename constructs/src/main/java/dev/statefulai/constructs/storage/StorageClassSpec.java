package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.render.KubeKind;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeBindingMode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.immutables.value.Value;
import software.constructs.Construct;

/**
 * A StorageClass a construct creates for its own volumes.
 *
 * <p>Defaults: reclaim policy {@code Retain} (deleting a claim never deletes data), binding mode
 * {@code WaitForFirstConsumer} (the volume follows the pod's zone or node), volume expansion allowed
 * when the backend supports it.
 */
@Value.Immutable
@PropsStyle
public abstract class StorageClassSpec implements BackendClassProps {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reclaim policy of the class's volumes.
     *
     * @default {@link ReclaimPolicy#RETAIN}
     */
    @Value.Default
    public ReclaimPolicy reclaimPolicy() {
        return ReclaimPolicy.RETAIN;
    }

    /**
     * When claims bind; node-local backends allow nothing but {@link VolumeBindingMode#WAIT_FOR_FIRST_CONSUMER}.
     *
     * @default {@link VolumeBindingMode#WAIT_FOR_FIRST_CONSUMER}
     */
    @Value.Default
    public VolumeBindingMode volumeBindingMode() {
        return VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
    }

    /** When claims bind: {@link #volumeBindingMode()}. */
    public VolumeBindingMode bindingMode() {
        return volumeBindingMode();
    }

    /**
     * Whether claims of the class can grow ({@code allowVolumeExpansion}), as given; see
     * {@link #allowsVolumeExpansion()}.
     *
     * @default whether the backend can grow volumes ({@code null})
     */
    @Nullable
    public abstract Boolean allowVolumeExpansion();

    /** Whether claims of the class can grow: as given, else whether the backend can grow volumes. */
    public boolean allowsVolumeExpansion() {
        return allowVolumeExpansion() == null ? backend().supportsExpansion() : allowVolumeExpansion();
    }

    /**
     * Mount options for every volume of the class, e.g. {@code nfsvers=4.1} for NFS. Kubernetes applies them to the
     * volumes the class provisions; a construct that makes pre-provisioned volumes of the class copies them into each
     * volume.
     *
     * @default none
     */
    public abstract List<String> mountOptions();

    /**
     * Labels on the StorageClass object, sorted.
     *
     * @default none
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> labels();

    /** Refuses a class without a name or backend, and one its backend cannot give. */
    @Value.Check
    protected void check() {
        String construct = "StorageClass '" + name() + "'";
        Validate.dnsSubdomain(construct, "storageClass.name", name());
        StorageBackend backend = Validate.required(construct, "storageClass.backend", backend(),
                "a storage backend such as AwsEbs.gp3() or LocalDisks.noProvisioner()");
        if (Boolean.TRUE.equals(allowVolumeExpansion()) && !backend.supportsExpansion()) {
            Checks.refuse(construct, "storageClass.allowVolumeExpansion", true,
                    "false for " + backend.displayName() + ", " + backend.noExpansionReason());
        }
        if (backend.isNodeLocal() && volumeBindingMode() != VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER) {
            Checks.refuse(construct, "storageClass.volumeBindingMode", volumeBindingMode().value(),
                    "WaitForFirstConsumer for " + backend.displayName()
                            + ": a node-local volume must be chosen together with the pod's node");
        }
    }

    /** Defines the {@code StorageClass} object under {@code scope}. */
    public KubeObject<KubeStorageClass, KubeStorageClassProps> addTo(Construct scope, String id) {
        KubeStorageClassProps.Builder props = KubeStorageClassProps.builder()
                .metadata(ObjectMeta.builder().name(name()).labels(labels().isEmpty() ? null : labels()).build())
                .provisioner(backend().provisioner())
                .reclaimPolicy(reclaimPolicy().value())
                .volumeBindingMode(volumeBindingMode().value())
                .allowVolumeExpansion(allowsVolumeExpansion());
        Map<String, String> parameters = backend().parameters();
        if (!parameters.isEmpty()) {
            props.parameters(new TreeMap<>(parameters));
        }
        if (!mountOptions().isEmpty()) {
            props.mountOptions(mountOptions());
        }
        return KubeObject.define(scope, id, KubeKind.STORAGE_CLASS, props.build(), KubeStorageClass::new);
    }

    /** Builder for {@link StorageClassSpec}. */
    public static final class Builder extends ImmutableStorageClassSpec.Builder {
    }
}
