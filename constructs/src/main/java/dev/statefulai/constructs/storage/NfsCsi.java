package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An NFS server through the NFS CSI driver ({@code nfs.csi.k8s.io}, kubernetes-csi/csi-driver-nfs): a
 * shared file system many pods on many nodes read and write ({@code ReadWriteMany}).
 *
 * <p>With a {@code server} and {@code share}, claims without an existing volume are provisioned
 * dynamically: the driver makes one sub-directory per claim under the share. Without them the class
 * serves only pre-provisioned volumes ({@link #existingVolume(String, String)}). NFS protocol options
 * such as {@code nfsvers=4.1} go into the class's {@code mountOptions}.
 *
 * <p>Defaults: no server (static volumes only), the driver's directory permissions. NFS does not
 * enforce a claim's size, so there is no volume expansion and no block mode; the driver takes
 * snapshots (as archives on the server).
 */
public final class NfsCsi implements StorageBackend {
    /** The NFS CSI driver's name. */
    public static final String CSI_DRIVER = "nfs.csi.k8s.io";
    static final String SERVER_RULE = "an NFS server's host name or IPv4 address, such as nfs.example.internal or 10.0.0.4";
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern PERMS = Pattern.compile("[0-7]{3,4}");

    private final String server;
    private final String share;
    private final String subDir;
    private final String mountPermissions;

    private NfsCsi(Builder b) {
        String construct = "NfsCsi";
        if (b.server != null) {
            checkServer(construct, b.server);
            Validate.absolutePath(construct, "share", b.share);
        } else if (b.share != null || b.subDir != null || b.mountPermissions != null) {
            Refusals.refuse(new InvalidPropsException(construct, "server", null,
                    "the NFS server to provision on, when share, subDir or mountPermissions are set"));
        }
        if (b.subDir != null && (b.subDir.startsWith("/") || b.subDir.contains(".."))) {
            Refusals.refuse(new InvalidPropsException(construct, "subDir", b.subDir,
                    "a directory under the share, relative, such as ${pvc.metadata.namespace}/${pvc.metadata.name}"));
        }
        if (b.mountPermissions != null && !PERMS.matcher(b.mountPermissions).matches()) {
            Refusals.refuse(new InvalidPropsException(construct, "mountPermissions", b.mountPermissions,
                    "octal permissions of each volume's directory, such as 0750 or 0777"));
        }
        this.server = b.server;
        this.share = b.share;
        this.subDir = b.subDir;
        this.mountPermissions = b.mountPermissions;
    }

    static String checkServer(String construct, String server) {
        Validate.required(construct, "server", server, SERVER_RULE);
        if (server.length() > 253 || !HOST.matcher(server).matches()) {
            Refusals.refuse(new InvalidPropsException(construct, "server", server, SERVER_RULE));
        }
        return server;
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
    public String provisioner() {
        return CSI_DRIVER;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new TreeMap<>();
        if (server != null) {
            p.put("server", server);
            p.put("share", share);
        }
        if (subDir != null) {
            p.put("subDir", subDir);
        }
        if (mountPermissions != null) {
            p.put("mountPermissions", mountPermissions);
        }
        return p;
    }

    @Override
    public Set<AccessMode> accessModes() {
        return Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_ONLY_MANY, AccessMode.READ_WRITE_MANY);
    }

    @Override
    public boolean supportsExpansion() {
        return false;
    }

    @Override
    public String noExpansionReason() {
        return "which needs no expansion: NFS does not enforce a claim's size";
    }

    @Override
    public boolean isNodeLocal() {
        return false;
    }

    @Override
    public boolean provisionsVolumes() {
        return server != null;
    }

    @Override
    public boolean supportsBlockVolumes() {
        return false;
    }

    @Override
    public boolean supportsSnapshots() {
        return true;
    }

    @Override
    public String displayName() {
        return "NFS " + (server == null ? "static volumes" : server + ":" + share) + " (" + CSI_DRIVER + ")";
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
            return new NfsCsi(this);
        }
    }
}
