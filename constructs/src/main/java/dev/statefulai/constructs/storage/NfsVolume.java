package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Validate;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * An existing NFS export, as a CSI PersistentVolume of the NFS CSI driver: {@code volumeAttributes}
 * {@code server} and {@code share}, and a volume handle {@code <server><share>##} that is unique per
 * export as the driver requires. No node affinity: every node reaches the server. Create with
 * {@link NfsCsi#existingVolume}.
 */
public final class NfsVolume implements PreProvisionedVolume {
    private final String server;
    private final String share;

    NfsVolume(String server, String share) {
        this.server = NfsCsi.checkServer("NfsVolume", server);
        this.share = Validate.absolutePath("NfsVolume", "share", share);
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec) {
        applyTo(spec, false);
    }

    @Override
    public boolean supportsReadOnly() {
        return true;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        CsiVolumes.apply(spec, CsiVolumes.source(NfsCsi.CSI_DRIVER, server + share + "##", null,
                Map.of("server", server, "share", share), readOnly), List.of());
    }

    @Override
    public String provisioner() {
        return NfsCsi.CSI_DRIVER;
    }

    /** {@code <server>:<share>}. */
    @Override
    public String handle() {
        return server + ":" + share;
    }

    /** The server. */
    public String server() {
        return server;
    }

    /** The exported path. */
    public String share() {
        return share;
    }
}
