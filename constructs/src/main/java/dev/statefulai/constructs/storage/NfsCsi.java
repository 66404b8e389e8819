package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.SelfHostedDrivers;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.Map;
import java.util.regex.Pattern;

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
public final class NfsCsi implements StorageBackend {
    static final String SERVER_RULE = "an NFS server's host name or IPv4 address, such as nfs.example.internal or 10.0.0.4";
    private static final Pattern PERMS = Pattern.compile("[0-7]{3,4}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final Props props;

    private record Props(String server, String share, String subDir, String mountPermissions) {
    }

    private NfsCsi(Props p) {
        String construct = "NfsCsi";
        if (p.server() != null) {
            checkServer(construct, p.server());
            Validate.absolutePath(construct, "share", p.share());
        } else if (p.share() != null || p.subDir() != null || p.mountPermissions() != null) {
            refuse(construct, "server", null, "the NFS server to provision on, when share, subDir or mountPermissions are set");
        }
        Checks.optional(construct, "subDir", p.subDir(), dir -> !dir.startsWith("/") && !dir.contains(".."),
                "a directory under the share, relative, such as ${pvc.metadata.namespace}/${pvc.metadata.name}");
        Checks.optional(construct, "mountPermissions", p.mountPermissions(), PERMS.asMatchPredicate(),
                "octal permissions of each volume's directory, such as 0750 or 0777");
        this.props = p;
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

    @Override
    public StorageDriver driver() {
        return SelfHostedDrivers.NFS;
    }

    @Override
    public Map<String, String> parameters() {
        return new ClassParameters(driver()).put("server", props.server()).put("share", props.server() == null ? null : props.share())
                .put("subDir", props.subDir()).put("mountPermissions", props.mountPermissions()).toMap();
    }

    /** Only with a server to create directories on. */
    @Override
    public boolean provisionsVolumes() {
        return props.server() != null;
    }

    @Override
    public String displayName() {
        String volumes = props.server() == null ? "static volumes" : props.server() + ":" + props.share();
        return driver().name() + " " + volumes + " (" + provisioner() + ")";
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
    public static final class Builder {
        private String server;
        private String share;
        private String subDir;
        private String mountPermissions;

        /** The NFS server for dynamic provisioning. Default none: the class serves only pre-provisioned volumes. */
        public Builder server(String server) {
            this.server = server;
            return this;
        }

        /** The exported path new volumes are created under; required with {@code server}. */
        public Builder share(String share) {
            this.share = share;
            return this;
        }

        /**
         * The directory of each new volume under the share; may use the driver's templates such as
         * {@code ${pvc.metadata.namespace}/${pvc.metadata.name}}. Default: the driver's, the
         * PersistentVolume's name.
         */
        public Builder subDir(String subDir) {
            this.subDir = subDir;
            return this;
        }

        /** Octal permissions of each new volume's directory. Default: the driver's ({@code 0}: left as created). */
        public Builder mountPermissions(String mountPermissions) {
            this.mountPermissions = mountPermissions;
            return this;
        }

        public NfsCsi build() {
            return new NfsCsi(new Props(server, share, subDir, mountPermissions));
        }
    }
}
