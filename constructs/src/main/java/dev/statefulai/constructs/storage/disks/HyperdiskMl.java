package dev.statefulai.constructs.storage.disks;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.constructs.storage.CatalogBackend;
import dev.statefulai.constructs.storage.keys.CloudKmsKey;
import dev.statefulai.facts.drivers.ClassParameters;
import dev.statefulai.facts.drivers.GcpDrivers;
import org.immutables.value.Value;

/**
 * Hyperdisk ML through the GCE PD CSI driver ({@code pd.csi.storage.gke.io}, {@code type: hyperdisk-ml}):
 * a disk of high read throughput for model weights, filled once and then attached read-only to many
 * nodes. With {@code multiZone(true)} ({@value GcpDrivers#MULTI_ZONE_PARAMETER}) a claim restored from a
 * snapshot as {@code ReadOnlyMany} gets one disk in each zone of the cluster's nodes, so replicas in every
 * zone mount the same weights; such a class takes no clones and no read-write restores (the controller's
 * {@code validateMultiZoneProvisioning}): fill on a class without it. Throughput is provisioned when the
 * disk is created ({@code provisioned-throughput-on-create}, in MiB/s, written with the unit {@code Mi});
 * Hyperdisk ML takes from 400 MiB/s (Compute Engine, "About Hyperdisk ML", size and performance limits).
 * What the driver gives is {@link GcpDrivers#PD}.
 */
@Value.Immutable
@PropsStyle
public abstract class HyperdiskMl extends CatalogBackend implements CloudKmsKey {
    private static final int MIN_THROUGHPUT = 400;

    HyperdiskMl() {
        super("HyperdiskMl", GcpDrivers.PD);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Throughput provisioned when a disk is created, in MiB/s; 400 or more.
     *
     * @default the Compute Engine default for the disk's size
     */
    @Nullable
    public abstract Integer throughputMiBps();

    /**
     * One disk per zone for a {@code ReadOnlyMany} claim restored from a snapshot ({@value GcpDrivers#MULTI_ZONE_PARAMETER}).
     *
     * @default {@code false}: one disk, in the zone of the first pod
     */
    @Value.Default
    public boolean multiZone() {
        return false;
    }

    @Value.Check
    protected void check() {
        if (throughputMiBps() != null) {
            Checks.range(construct(), "throughputMiBps", throughputMiBps(), MIN_THROUGHPUT, Integer.MAX_VALUE, "MiB/s for Hyperdisk ML");
        }
        parameter("kmsKey", kmsKey(), "disk-encryption-kms-key");
    }

    @Override
    protected ClassParameters classParameters(ClassParameters parameters) {
        return parameters.put("type", GcpDrivers.HYPERDISK_ML)
                .put("provisioned-throughput-on-create", throughputMiBps() == null ? null : throughputMiBps() + "Mi")
                .put(GcpDrivers.MULTI_ZONE_PARAMETER, multiZone() ? "true" : null)
                .put("disk-encryption-kms-key", kmsKey());
    }

    @Override
    protected String variant() {
        return GcpDrivers.HYPERDISK_ML + (multiZone() ? " multi-zone" : "");
    }

    /** Whether claims restored from a snapshot get one disk per zone. */
    public boolean isMultiZone() {
        return multiZone();
    }

    /** Builder for {@link HyperdiskMl}. */
    public static final class Builder extends ImmutableHyperdiskMl.Builder {
    }
}
