package dev.statefulai.constructs.storage.files;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.storage.CatalogBackend;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.constructs.storage.keys.CloudKmsKey;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.GcpDrivers;
import org.immutables.value.Value;

/**
 * Filestore through its CSI driver on GKE ({@code filestore.csi.storage.gke.io}): a managed NFS instance
 * per claim, or an existing share, that many pods on many nodes read and write ({@code ReadWriteMany}).
 *
 * <p>New instances join the VPC {@code network} by {@code connectMode}: with {@code DIRECT_PEERING} (the
 * default) a reserved range is a CIDR ({@code reserved-ipv4-cidr}); with {@code PRIVATE_SERVICE_ACCESS}
 * (needed for a shared VPC) the network is the VPC's full name and the reserved range is the name of an
 * allocated range ({@code reserved-ip-range}), as the driver's README.md says. What the driver gives
 * (growth, backups as snapshots, encryption at rest) is {@link GcpDrivers#FILESTORE}.
 */
@Value.Immutable
@PropsStyle
public abstract class Filestore extends CatalogBackend implements CloudKmsKey {
    private static final String PSA = "PRIVATE_SERVICE_ACCESS";

    Filestore() {
        super("Filestore", GcpDrivers.FILESTORE);
    }

    /**
     * The service tier: {@code standard} ({@code basic_hdd}), {@code premium} ({@code basic_ssd}), {@code zonal},
     * {@code regional}, {@code enterprise} or {@code high_scale_ssd}.
     *
     * @default {@code standard}, the driver's
     */
    @Nullable
    @Value.Default
    public String tier() {
        return "standard";
    }

    /**
     * The VPC of new instances; its full name {@code projects/<p>/global/networks/<n>} with {@code PRIVATE_SERVICE_ACCESS}.
     *
     * @default {@code default}
     */
    @Nullable
    @Value.Default
    public String network() {
        return "default";
    }

    /**
     * {@code DIRECT_PEERING} or {@code PRIVATE_SERVICE_ACCESS} (for a shared VPC).
     *
     * @default {@code DIRECT_PEERING}
     */
    @Nullable
    @Value.Default
    public String connectMode() {
        return "DIRECT_PEERING";
    }

    /**
     * The range instance IPs come from: a CIDR with {@code DIRECT_PEERING}, an allocated range's name with
     * {@code PRIVATE_SERVICE_ACCESS}.
     *
     * @default any free range
     */
    @Nullable
    public abstract String reservedIpRange();

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        parameter("tier", tier(), "tier");
        parameter("connectMode", connectMode(), "connect-mode");
        parameter("kmsKey", kmsKey(), "instance-encryption-kms-key");
        boolean psa = PSA.equals(connectMode());
        Checks.required(construct(), "network", network(), network -> !psa || network.startsWith("projects/"),
                psa ? "the VPC's full name, projects/<project>/global/networks/<network>, with PRIVATE_SERVICE_ACCESS"
                        : "the VPC's name, such as default");
        Checks.optional(construct(), "reservedIpRange", reservedIpRange(),
                range -> psa ? range.matches("[a-z]([-a-z0-9]*[a-z0-9])?") : range.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}"),
                psa ? "the name of an allocated IP range, with PRIVATE_SERVICE_ACCESS" : "a CIDR range such as 10.0.16.0/20, with DIRECT_PEERING");
    }

    /** New {@code tier} instances on the {@code default} network. */
    public static Filestore instances(String tier) {
        return builder().tier(tier).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected ClassParameters classParameters(ClassParameters parameters) {
        boolean psa = PSA.equals(connectMode());
        return parameters.put("tier", tier()).put("network", network())
                .put("connect-mode", connectMode())
                .put(psa ? "reserved-ip-range" : "reserved-ipv4-cidr", reservedIpRange())
                .put("instance-encryption-kms-key", kmsKey());
    }

    @Override
    protected String variant() {
        return tier() + " on " + network();
    }

    /**
     * An existing share, for a pre-provisioned PersistentVolume (docs/kubernetes/pre-provisioned-pv.md).
     *
     * @param location the instance's zone (or region for an enterprise or regional instance), e.g. {@code us-central1-a}
     * @param instance the instance's name
     * @param share    the file share's name
     * @param ip       the instance's IP address
     */
    public FilestoreVolume existingVolume(String location, String instance, String share, String ip) {
        return new FilestoreVolume(location, instance, share, ip);
    }

    /** Builder for {@link Filestore}. */
    public static final class Builder extends ImmutableFilestore.Builder {
    }
}
