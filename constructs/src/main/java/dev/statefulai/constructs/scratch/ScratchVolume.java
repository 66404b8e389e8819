package dev.statefulai.constructs.scratch;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.Quantities;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdk8s.plus28.k8s.EmptyDirVolumeSource;
import org.cdk8s.plus28.k8s.EphemeralVolumeSource;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimTemplate;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeMount;
import org.immutables.value.Value;

/**
 * A writable directory whose data lives as long as the pod: {@code /tmp}, {@code $HOME}, compile caches
 * (torch, Triton, FlashInfer), KV-cache offload, spill files. Always bounded:
 * <ul>
 *   <li>{@link #emptyDir}: on the node's disk, an {@code emptyDir} with a {@code sizeLimit}; the kubelet
 *       evicts a pod that writes more. The containers that mount it request its size as
 *       {@code ephemeral-storage}, so that the scheduler only picks nodes with that much room (Kubernetes
 *       counts disk-backed {@code emptyDir} volumes as the pod's ephemeral storage; "Local ephemeral
 *       storage" in the Kubernetes documentation, Resource Management for Pods and Containers).</li>
 *   <li>{@link #memory}: a {@code tmpfs} {@code emptyDir} ({@code medium: Memory}) with a
 *       {@code sizeLimit}; its pages count against the container's memory limit, not ephemeral storage.</li>
 *   <li>{@link #ephemeral}: a generic ephemeral volume ({@code ephemeral.volumeClaimTemplate}): a claim
 *       {@code <pod>-<name>} of its own StorageClass (a fast local NVMe or network disk) that is created
 *       with the pod and deleted with it, for scratch larger than the node's root disk.</li>
 * </ul>
 */
@Value.Immutable
@PropsStyle
public abstract class ScratchVolume {
    /** Where the data lives. */
    public enum Medium {
        /** The node's disk, through the kubelet ({@code emptyDir}). */
        NODE_DISK,
        /** RAM ({@code emptyDir} with {@code medium: Memory}). */
        MEMORY,
        /** A claim of its own, created and deleted with the pod (generic ephemeral volume). */
        EPHEMERAL_CLAIM
    }

    /** A directory on the node's disk, at most {@code size} ({@code emptyDir.sizeLimit}). */
    public static ScratchVolume emptyDir(String name, String mountPath, String size) {
        return of(name, mountPath, size, Medium.NODE_DISK, null);
    }

    /** A directory in RAM, at most {@code size}, counted against the memory limit. */
    public static ScratchVolume memory(String name, String mountPath, String size) {
        return of(name, mountPath, size, Medium.MEMORY, null);
    }

    /**
     * A claim of {@code size} on {@code storageClassName} (null: the cluster's default class) that lives as
     * long as the pod: for scratch larger than the node's root disk, or faster. The class should bind on
     * first use ({@code WaitForFirstConsumer}) so the volume lands in the pod's zone or on its node.
     */
    public static ScratchVolume ephemeral(String name, String mountPath, String size, String storageClassName) {
        return of(name, mountPath, size, Medium.EPHEMERAL_CLAIM, storageClassName);
    }

    private static ScratchVolume of(String name, String mountPath, String size, Medium medium, String storageClassName) {
        return ImmutableScratchVolume.builder().name(name).mountPath(mountPath).size(size).medium(medium)
                .storageClassName(storageClassName).build();
    }

    @Nullable
    public abstract String name();

    @Nullable
    public abstract String mountPath();

    /** The size limit (or, for a claim, its request). */
    @Nullable
    public abstract String size();

    public abstract Medium medium();

    /** The class of an {@link #ephemeral} claim, or {@code null}. */
    @Nullable
    public abstract String storageClassName();

    @Value.Check
    protected void check() {
        String construct = "ScratchVolume '" + name() + "'";
        Validate.dnsLabel(construct, "name", name());
        Validate.absolutePath(construct, "mountPath", mountPath());
        Validate.size(construct, "size", size());
        if (storageClassName() != null) {
            Validate.dnsSubdomain(construct, "storageClassName", storageClassName());
        }
    }

    /** Whether the kubelet counts this volume as the pod's ephemeral storage (a disk-backed {@code emptyDir}). */
    public boolean isEphemeralStorage() {
        return medium() == Medium.NODE_DISK;
    }

    /** The same volume at another size. */
    public ScratchVolume withSize(String newSize) {
        return ImmutableScratchVolume.builder().from(this).size(newSize).build();
    }

    /** The pod volume; an ephemeral claim carries {@code labels}. */
    public Volume toVolume(Map<String, String> labels) {
        Volume.Builder volume = Volume.builder().name(name());
        switch (medium()) {
            case NODE_DISK -> volume.emptyDir(EmptyDirVolumeSource.builder().sizeLimit(Quantities.of(size())).build());
            case MEMORY -> volume.emptyDir(EmptyDirVolumeSource.builder().medium("Memory").sizeLimit(Quantities.of(size())).build());
            case EPHEMERAL_CLAIM -> {
                PersistentVolumeClaimSpec.Builder spec = PersistentVolumeClaimSpec.builder()
                        .accessModes(List.of("ReadWriteOnce"))
                        .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", size()))).build());
                if (storageClassName() != null) {
                    spec.storageClassName(storageClassName());
                }
                volume.ephemeral(EphemeralVolumeSource.builder().volumeClaimTemplate(PersistentVolumeClaimTemplate.builder()
                        .metadata(ObjectMeta.builder().labels(labels).build())
                        .spec(spec.build()).build()).build());
            }
            default -> throw new IllegalStateException(medium().name());
        }
        return volume.build();
    }

    /** The container's mount. */
    public VolumeMount toMount() {
        return VolumeMount.builder().name(name()).mountPath(mountPath()).build();
    }

    @Override
    public String toString() {
        return name() + " at " + mountPath() + " (" + size() + ", " + medium().name().toLowerCase(Locale.ROOT) + ")";
    }
}
