package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.VolumeMode;
import java.util.List;
import java.util.Map;

/**
 * What every claim takes, for the builders of {@link ClaimTemplate} and {@link PipelineVolume}: one set
 * of methods, documented once, checked by {@link Claim}.
 *
 * @param <B> the concrete builder, returned by every method
 */
public abstract class ClaimBuilder<B extends ClaimBuilder<B>> {
    String name;
    String size;
    List<AccessMode> accessModes;
    VolumeMode volumeMode = VolumeMode.FILESYSTEM;
    String storageClassName;
    String volumeName;
    Map<String, String> selector = Map.of();
    Map<String, String> labels = Map.of();
    Map<String, String> annotations = Map.of();
    Claim.DataSource dataSource;
    String volumeAttributesClassName;

    ClaimBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Required. The claim's name in its construct, a DNS-1123 label, e.g. {@code data}, {@code model-cache} or {@code raw-events}. */
    public B name(String name) {
        this.name = name;
        return self();
    }

    /** Required (except for an existing claim). The size asked for, a Kubernetes quantity such as {@code 100Gi}. */
    public B size(String size) {
        this.size = size;
        return self();
    }

    /**
     * The access modes asked for. Default {@code [ReadWriteOnce]} ({@code [ReadOnlyMany]} for a read-only
     * pipeline volume); a class's backend must be able to give every mode it is asked for.
     */
    public B accessModes(List<AccessMode> accessModes) {
        this.accessModes = accessModes;
        return self();
    }

    /** Convenience for {@link #accessModes(List)}. */
    public B accessModes(AccessMode... accessModes) {
        return accessModes(List.of(accessModes));
    }

    /** Default {@link VolumeMode#FILESYSTEM}; {@code BLOCK} only on block disks (EBS, GCE PD, Azure Disk, local). */
    public B volumeMode(VolumeMode volumeMode) {
        this.volumeMode = volumeMode;
        return self();
    }

    /** Extra labels on the claim (beyond the construct's {@code app.kubernetes.io} labels). Default none. */
    public B labels(Map<String, String> labels) {
        this.labels = labels;
        return self();
    }

    /** Annotations on the claim, e.g. a backup schedule. Default none. */
    public B annotations(Map<String, String> annotations) {
        this.annotations = annotations;
        return self();
    }

    /**
     * The {@code VolumeAttributesClass} whose parameters (IOPS, throughput, volume type) the CSI driver applies to
     * the claim's volume through its ModifyVolume call: naming another class later changes the volume's
     * performance in place, without moving its data (on a claim the construct writes itself; a StatefulSet's
     * claim template cannot change once applied, so there it is the class of the claims new replicas get). Only
     * on a target that serves volume attributes classes (Kubernetes 1.34, or 1.31 to 1.33 with the
     * VolumeAttributesClass feature gate; see {@code TargetCluster}), and only for a volume the class's driver
     * provisions. Default none: the volume keeps the parameters it was provisioned with.
     */
    public B volumeAttributesClassName(String name) {
        this.volumeAttributesClassName = name;
        return self();
    }

    /**
     * Create the new claim from this {@code VolumeSnapshot} (CSI snapshots, same namespace). Replaces
     * {@link #cloneFromClaim}. Default: an empty volume.
     */
    public B restoreFromSnapshot(String snapshotName) {
        this.dataSource = new Claim.DataSource("snapshot.storage.k8s.io", "VolumeSnapshot", snapshotName);
        return self();
    }

    /**
     * Create the new claim as a clone of this claim (same namespace, same class, at least its size),
     * e.g. a cache filled once. Replaces {@link #restoreFromSnapshot}. Default: an empty volume.
     */
    public B cloneFromClaim(String claimName) {
        this.dataSource = new Claim.DataSource(null, "PersistentVolumeClaim", claimName);
        return self();
    }
}
