package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;

/**
 * An Azure Blob container through the Azure Blob CSI driver ({@code blob.csi.azure.com}) mounted with
 * blobfuse2 ({@code protocol: fuse2}). A blobfuse mount ignores the pod's {@code fsGroup}, so the files are
 * given to the pods' user by the mount options {@code -o uid=} and {@code -o gid=} (docs/driver-parameters.md,
 * "securityContext.fsGroup setting"), with {@code -o allow_other} so that a user other than the mounting one
 * reads them. With {@code clientId} the mount uses workload identity: the managed identity's client id as the
 * volume attribute {@code clientID} and the pods' ServiceAccount, federated with it
 * (docs/workload-identity-static-pv-mount.md); never an account key in a Secret.
 */
public final class AzureBlobContainer implements Bucket {
    private static final String CONSTRUCT = "AzureBlobContainer";

    private final String storageAccount;
    private final String container;
    private final String resourceGroup;
    private final String clientId;
    private final long uid;
    private final long gid;

    private AzureBlobContainer(Builder b) {
        this.storageAccount = BucketChecks.required(CONSTRUCT, "storageAccount", b.storageAccount, a -> a.matches("[a-z0-9]{3,24}"),
                "a storage account name: 3 to 24 lower-case letters and digits");
        this.container = BucketChecks.required(CONSTRUCT, "container", b.container, c -> c.matches("[a-z0-9](-?[a-z0-9]){2,62}"),
                "a container name: 3 to 63 lower-case letters, digits and single '-', starting with a letter or digit");
        this.resourceGroup = BucketChecks.optional(CONSTRUCT, "resourceGroup", b.resourceGroup, g -> g.matches("[-\\w._()]{1,90}"),
                "a resource group name");
        this.clientId = BucketChecks.optional(CONSTRUCT, "clientId", b.clientId,
                id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                "the client id of a managed identity, a GUID such as 00000000-0000-0000-0000-000000000000");
        this.uid = b.owner.runAsUser();
        this.gid = b.owner.fsGroup();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StorageDriver driver() {
        return AzureDrivers.BLOB;
    }

    @Override
    public String displayName() {
        return "https://" + storageAccount + ".blob.core.windows.net/" + container;
    }

    /** "combine the globally unique storage account name and container name" (docs/driver-parameters.md). */
    @Override
    public String volumeHandle(String persistentVolumeName) {
        return storageAccount + "_" + container;
    }

    @Override
    public Map<String, String> volumeAttributes() {
        return BucketChecks.attributes(driver(), "storageAccount", storageAccount, "containerName", container,
                "resourceGroup", resourceGroup, "protocol", "fuse2", "clientID", clientId);
    }

    @Override
    public List<String> mountOptions() {
        return List.of("-o allow_other", "-o uid=" + uid, "-o gid=" + gid);
    }

    /** Workload identity names the client in the volume attributes; the ServiceAccount needs no annotation. */
    @Override
    public Map<String, String> serviceAccountAnnotations() {
        return Map.of();
    }

    @Override
    public boolean podIdentity() {
        return clientId != null;
    }

    /** Builder for {@link AzureBlobContainer}. */
    public static final class Builder {
        private String storageAccount;
        private String container;
        private String resourceGroup;
        private String clientId;
        private PodSecurity owner = PodSecurity.defaults();

        private Builder() {
        }

        /** Required. The existing storage account. */
        public Builder storageAccount(String storageAccount) {
            this.storageAccount = storageAccount;
            return this;
        }

        /** Required. The existing container. */
        public Builder container(String container) {
            this.container = container;
            return this;
        }

        /**
         * The storage account's resource group.
         *
         * @default the cluster's node resource group
         */
        public Builder resourceGroup(String resourceGroup) {
            this.resourceGroup = resourceGroup;
            return this;
        }

        /**
         * The client id of the managed identity the pods' ServiceAccount is federated with (workload identity).
         *
         * @default none: the driver's own identity
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The user and group the files belong to ({@code runAsUser} and {@code fsGroup}): the pods' own, since blobfuse ignores {@code fsGroup}.
         *
         * @default {@link PodSecurity#defaults()}, the pods' default user and group 1000
         */
        public Builder owner(PodSecurity owner) {
            this.owner = owner;
            return this;
        }

        public AzureBlobContainer build() {
            return new AzureBlobContainer(this);
        }
    }
}
