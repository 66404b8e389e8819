package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.SelfHostedDrivers;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An NFS server through the NFS CSI driver ({@code nfs.csi.k8s.io}, kubernetes-csi/csi-driver-nfs): a
 * shared file system many pods on many nodes read and write ({@code ReadWriteMany}).
 *
 * <p>With a {@code server} and {@code share}, claims without an existing volume are provisioned
 * dynamically: the driver makes one sub-directory per claim under the share. Without them the class
 * serves only pre-provisioned volumes ({@link #existingVolume(String, String)}). NFS protocol options
 * such as {@code nfsvers=4.1} go into the class's {@code mountOptions}. NFS ignores a claim's size;
 * what the driver gives (no expansion, no block mode, snapshots as archives on the server) is
 * {@link SelfHostedDrivers#NFS}.
 */
@Value.Immutable
@PropsStyle
public abstract class NfsCsi extends OptionalProvisioningBackend {
    static final String SERVER_RULE = "an NFS server's host name or IPv4 address, such as nfs.example.internal or 10.0.0.4";
    private static final Pattern PERMS = Pattern.compile("[0-7]{3,4}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    NfsCsi() {
        super("NfsCsi", SelfHostedDrivers.NFS);
    }

    /** The NFS server for dynamic provisioning. Default none: the class serves only pre-provisioned volumes. */
    @Nullable
    public abstract String server();

    /** The exported path new volumes are created under; required with {@code server}. */
    @Nullable
    public abstract String share();

    /**
     * The directory of each new volume under the share; may use the driver's templates such as
     * {@code ${pvc.metadata.namespace}/${pvc.metadata.name}}. Default: the driver's, the
     * PersistentVolume's name.
     */
    @Nullable
    public abstract String subDir();

    /** Octal permissions of each new volume's directory. Default: the driver's ({@code 0}: left as created). */
    @Nullable
    public abstract String mountPermissions();

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        if (server() != null) {
            checkServer(construct(), server());
            Validate.absolutePath(construct(), "share", share());
        } else if (share() != null || subDir() != null || mountPermissions() != null) {
            refuse("server", null, "the NFS server to provision on, when share, subDir or mountPermissions are set");
        }
        Checks.optional(construct(), "subDir", subDir(), dir -> !dir.startsWith("/") && !dir.contains(".."),
                "a directory under the share, relative, such as ${pvc.metadata.namespace}/${pvc.metadata.name}");
        Checks.optional(construct(), "mountPermissions", mountPermissions(), PERMS.asMatchPredicate(),
                "octal permissions of each volume's directory, such as 0750 or 0777");
    }

    static String checkServer(String construct, String server) {
        return Checks.required(construct, "server", server, host -> host.length() <= 253 && HOST.matcher(host).matches(), SERVER_RULE);
    }

    /** Dynamic provisioning of one sub-directory per claim under {@code share} on {@code server}. */
    public static NfsCsi share(String server, String share) {
        return builder().server(server).share(share).build();
    }

    /** A class for pre-provisioned NFS volumes only. */
    public static NfsCsi staticVolumes() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server and share to create directories on. */
    @Override
    protected String provisioningTarget() {
        return server() == null ? null : server() + ":" + share();
    }

    @Override
    protected ClassParameters classParameters(ClassParameters parameters) {
        return parameters.put("server", server()).put("share", share())
                .put("subDir", subDir()).put("mountPermissions", mountPermissions());
    }

    /**
     * An existing export (or a directory of one), for a pre-provisioned PersistentVolume. NFS is reached
     * over the network from every node, so the volume has no node affinity.
     *
     * @param server the server's host name or IPv4 address
     * @param share  the exported path, e.g. {@code /exports/datasets}
     */
    public NfsVolume existingVolume(String server, String share) {
        return new NfsVolume(server, share);
    }

    /** Builder for {@link NfsCsi}. */
    public static final class Builder extends ImmutableNfsCsi.Builder {
    }
}
