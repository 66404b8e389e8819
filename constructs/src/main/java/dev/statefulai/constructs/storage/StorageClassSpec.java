package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.render.KubeKind;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeBindingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.ObjectMeta;
import software.constructs.Construct;

/**
 * A StorageClass a construct creates for its own volumes.
 *
 * <p>Defaults: reclaim policy {@code Retain} (deleting a claim never deletes data), binding mode
 * {@code WaitForFirstConsumer} (the volume follows the pod's zone or node), volume expansion allowed
 * when the backend supports it.
 */
public final class StorageClassSpec {
    private final String name;
    private final StorageBackend backend;
    private final ReclaimPolicy reclaimPolicy;
    private final VolumeBindingMode bindingMode;
    private final boolean allowVolumeExpansion;
    private final List<String> mountOptions;
    private final Map<String, String> labels;

    private StorageClassSpec(Builder b) {
        String construct = "StorageClass '" + b.name + "'";
        this.name = Validate.dnsSubdomain(construct, "storageClass.name", b.name);
        this.backend = Validate.required(construct, "storageClass.backend", b.backend,
                "a storage backend such as AwsEbs.gp3() or LocalDisks.noProvisioner()");
        this.reclaimPolicy = b.reclaimPolicy;
        this.bindingMode = b.bindingMode;
        boolean expand = b.allowVolumeExpansion == null ? backend.supportsExpansion() : b.allowVolumeExpansion;
        if (expand && !backend.supportsExpansion()) {
            Checks.refuse(construct, "storageClass.allowVolumeExpansion", true,
                    "false for " + backend.displayName() + ", " + backend.noExpansionReason());
        }
        if (backend.isNodeLocal() && bindingMode != VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER) {
            Checks.refuse(construct, "storageClass.volumeBindingMode", bindingMode.value(),
                    "WaitForFirstConsumer for " + backend.displayName()
                            + ": a node-local volume must be chosen together with the pod's node");
        }
        this.allowVolumeExpansion = expand;
        this.mountOptions = List.copyOf(b.mountOptions);
        this.labels = new TreeMap<>(b.labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The StorageClass name (cluster-wide). */
    public String name() {
        return name;
    }

    /** The backend the class provisions from. */
    public StorageBackend backend() {
        return backend;
    }

    /** Reclaim policy of the class's volumes. */
    public ReclaimPolicy reclaimPolicy() {
        return reclaimPolicy;
    }

    /** When claims bind. */
    public VolumeBindingMode bindingMode() {
        return bindingMode;
    }

    /** Whether claims of the class can grow ({@code allowVolumeExpansion}). */
    public boolean allowsVolumeExpansion() {
        return allowVolumeExpansion;
    }

    /**
     * The class's mount options. Kubernetes applies them to the volumes the class provisions; a
     * construct that makes pre-provisioned volumes of the class copies them into each volume.
     */
    public List<String> mountOptions() {
        return mountOptions;
    }

    /** Defines the {@code StorageClass} object under {@code scope}. */
    public KubeObject<KubeStorageClass, KubeStorageClassProps> addTo(Construct scope, String id) {
        KubeStorageClassProps.Builder props = KubeStorageClassProps.builder()
                .metadata(ObjectMeta.builder().name(name).labels(labels.isEmpty() ? null : labels).build())
                .provisioner(backend.provisioner())
                .reclaimPolicy(reclaimPolicy.value())
                .volumeBindingMode(bindingMode.value())
                .allowVolumeExpansion(allowVolumeExpansion);
        Map<String, String> parameters = backend.parameters();
        if (!parameters.isEmpty()) {
            props.parameters(new TreeMap<>(parameters));
        }
        if (!mountOptions.isEmpty()) {
            props.mountOptions(mountOptions);
        }
        return KubeObject.define(scope, id, KubeKind.STORAGE_CLASS, props.build(), KubeStorageClass::new);
    }

    /** Builder for {@link StorageClassSpec}. */
    public static final class Builder {
        private String name;
        private StorageBackend backend;
        private ReclaimPolicy reclaimPolicy = ReclaimPolicy.RETAIN;
        private VolumeBindingMode bindingMode = VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
        private Boolean allowVolumeExpansion;
        private List<String> mountOptions = List.of();
        private Map<String, String> labels = Map.of();

        /** Required. The class name, a DNS-1123 subdomain. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Required. Where volumes come from, e.g. {@code AwsEbs.gp3()}. */
        public Builder backend(StorageBackend backend) {
            this.backend = backend;
            return this;
        }

        /** Default {@link ReclaimPolicy#RETAIN}. */
        public Builder reclaimPolicy(ReclaimPolicy reclaimPolicy) {
            this.reclaimPolicy = reclaimPolicy;
            return this;
        }

        /** Default {@link VolumeBindingMode#WAIT_FOR_FIRST_CONSUMER}; node-local backends allow nothing else. */
        public Builder volumeBindingMode(VolumeBindingMode bindingMode) {
            this.bindingMode = bindingMode;
            return this;
        }

        /** Default: whether the backend can grow volumes. */
        public Builder allowVolumeExpansion(Boolean allowVolumeExpansion) {
            this.allowVolumeExpansion = allowVolumeExpansion;
            return this;
        }

        /** Mount options for every volume of the class, e.g. {@code nfsvers=4.1} for NFS. Default none. */
        public Builder mountOptions(List<String> mountOptions) {
            this.mountOptions = mountOptions;
            return this;
        }

        /** Labels on the StorageClass object. Default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public StorageClassSpec build() {
            return new StorageClassSpec(this);
        }
    }
}
