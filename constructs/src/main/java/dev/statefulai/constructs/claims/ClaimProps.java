package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.AllowNulls;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.VolumeMode;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The props every claim takes, declared once for {@link ClaimTemplate} and {@link PipelineVolume} (whose builders
 * add {@link ClaimBuilder}'s conveniences) and checked by {@link Claim}. A prop left out is {@code null}, and the
 * claim takes the default its accessor names.
 */
public abstract class ClaimProps {
    ClaimProps() {
    }

    /** Required. The claim's name in its construct, a DNS-1123 label, e.g. {@code data}, {@code model-cache} or {@code raw-events}. */
    @Nullable
    public abstract String name();

    /** Required (except for an existing claim). The size asked for, a Kubernetes quantity such as {@code 100Gi}. */
    @Nullable
    public abstract String size();

    /**
     * The access modes asked for; a class's backend must be able to give every mode it is asked for.
     *
     * @default {@code [ReadWriteOnce]} ({@code [ReadOnlyMany]} for a read-only pipeline volume)
     */
    @Nullable
    public abstract List<AccessMode> accessModes();

    /**
     * {@code BLOCK} only on block disks (EBS, GCE PD, Azure Disk, local).
     *
     * @default {@link VolumeMode#FILESYSTEM}
     */
    @Value.Default
    public VolumeMode volumeMode() {
        return VolumeMode.FILESYSTEM;
    }

    /**
     * Extra labels on the claim (beyond the construct's {@code app.kubernetes.io} labels).
     *
     * @default none
     */
    @Nullable
    @AllowNulls
    public abstract Map<String, String> labels();

    /**
     * Annotations on the claim, e.g. a backup schedule.
     *
     * @default none
     */
    @Nullable
    @AllowNulls
    public abstract Map<String, String> annotations();

    /**
     * Where a new claim's data comes from; set with {@link ClaimBuilder#restoreFromSnapshot} or
     * {@link ClaimBuilder#cloneFromClaim}.
     *
     * @default none: an empty volume
     */
    @Nullable
    public abstract Claim.DataSource dataSource();

    /**
     * The {@code VolumeAttributesClass} whose parameters (IOPS, throughput, volume type) the CSI driver applies to
     * the claim's volume through its ModifyVolume call: naming another class later changes the volume's
     * performance in place, without moving its data (on a claim the construct writes itself; a StatefulSet's
     * claim template cannot change once applied, so there it is the class of the claims new replicas get). Only
     * on a target that serves volume attributes classes (Kubernetes 1.34, or 1.31 to 1.33 with the
     * VolumeAttributesClass feature gate; see {@code TargetCluster}), and only for a volume the class's driver
     * provisions.
     *
     * @default none: the volume keeps the parameters it was provisioned with
     */
    @Nullable
    public abstract String volumeAttributesClassName();

    /** The class asked for by name; only a {@link ClaimTemplate} takes one. */
    String storageClassName() {
        return null;
    }

    /** The PersistentVolume to bind by name; only a {@link ClaimTemplate} takes one. */
    String volumeName() {
        return null;
    }

    /** Labels of the PersistentVolumes the claim may bind; only a {@link ClaimTemplate} takes them. */
    Map<String, String> selector() {
        return null;
    }
}
