package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.SelfHostedDrivers;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * An existing NFS export, as a CSI PersistentVolume of the NFS CSI driver: {@code volumeAttributes}
 * {@code server} and {@code share}, and a volume handle {@code <server><share>##} that is unique per
 * export as the driver requires. No node affinity: every node reaches the server. Create with
 * {@link NfsCsi#existingVolume}. Its {@link #handle()} is {@code <server>:<share>}.
 */
public final class NfsVolume extends CatalogVolume {
    private final String server;
    private final String share;

    NfsVolume(String server, String share) {
        super(SelfHostedDrivers.NFS, NfsCsi.checkServer("NfsVolume", server) + ":" + Validate.absolutePath("NfsVolume", "share", share),
                null, List.of());
        this.server = server;
        this.share = share;
    }

    @Override
    protected void source(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        spec.csi(csi(server + share + "##", Map.of("server", server, "share", share), readOnly));
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
