package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.facts.drivers.AzureDrivers;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An Azure Blob container through the Azure Blob CSI driver ({@code blob.csi.azure.com}) mounted with
 * blobfuse2 ({@code protocol: fuse2}). A blobfuse mount ignores the pod's {@code fsGroup}, so the files are
 * given to the pods' user by the mount options {@code -o uid=} and {@code -o gid=} (docs/driver-parameters.md,
 * "securityContext.fsGroup setting"), with {@code -o allow_other} so that a user other than the mounting one
 * reads them. With {@code clientId} the mount uses workload identity: the managed identity's client id as the
 * volume attribute {@code clientID} and the pods' ServiceAccount, federated with it
 * (docs/workload-identity-static-pv-mount.md); never an account key in a Secret.
 */
@Value.Immutable
@PropsStyle
public abstract sealed class AzureBlobContainer implements Bucket permits ImmutableAzureBlobContainer {
    private static final String CONSTRUCT = "AzureBlobContainer";

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The existing storage account. */
    @Nullable
    public abstract String storageAccount();

    /** Required. The existing container. */
    @Nullable
    public abstract String container();

    /**
     * The storage account's resource group.
     *
     * @default the cluster's node resource group
     */
    @Nullable
    public abstract String resourceGroup();

    /**
     * The client id of the managed identity the pods' ServiceAccount is federated with (workload identity).
     *
     * @default none: the driver's own identity
     */
    @Nullable
    public abstract String clientId();

    /**
     * The user and group the files belong to ({@code runAsUser} and {@code fsGroup}): the pods' own, since blobfuse ignores {@code fsGroup}.
     *
     * @default {@link PodSecurity#defaults()}, the pods' default user and group 1000
     */
    @Value.Default
    public PodSecurity owner() {
        return PodSecurity.defaults();
    }

    /** Refuses names Azure does not take. */
    @Value.Check
    protected void check() {
        Checks.required(CONSTRUCT, "storageAccount", storageAccount(), a -> a.matches("[a-z0-9]{3,24}"),
                "a storage account name: 3 to 24 lower-case letters and digits");
        Checks.required(CONSTRUCT, "container", container(), c -> c.matches("[a-z0-9](-?[a-z0-9]){2,62}"),
                "a container name: 3 to 63 lower-case letters, digits and single '-', starting with a letter or digit");
        Checks.optional(CONSTRUCT, "resourceGroup", resourceGroup(), g -> g.matches("[-\\w._()]{1,90}"),
                "a resource group name");
        Checks.optional(CONSTRUCT, "clientId", clientId(),
                id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                "the client id of a managed identity, a GUID such as 00000000-0000-0000-0000-000000000000");
    }

    @Override
    public StorageDriver driver() {
        return AzureDrivers.BLOB;
    }

    @Override
    public String displayName() {
        return "https://" + storageAccount() + ".blob.core.windows.net/" + container();
    }

    /** "combine the globally unique storage account name and container name" (docs/driver-parameters.md). */
    @Override
    public String volumeHandle(String persistentVolumeName) {
        return storageAccount() + "_" + container();
    }

    @Override
    public Map<String, String> volumeAttributes() {
        return VolumeAttributes.of(driver(), "storageAccount", storageAccount(), "containerName", container(),
                "resourceGroup", resourceGroup(), "protocol", "fuse2", "clientID", clientId());
    }

    @Override
    public List<String> mountOptions() {
        return List.of("-o allow_other", "-o uid=" + owner().runAsUser(), "-o gid=" + owner().fsGroup());
    }

    /** The managed identity's client id: workload identity names it in the volume attributes, so the ServiceAccount needs no annotation. */
    @Override
    public String podPrincipal() {
        return clientId();
    }

    /** Builder for {@link AzureBlobContainer}. */
    public static final class Builder extends ImmutableAzureBlobContainer.Builder {
    }
}
