package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.cluster.TargetCluster;
import dev.statefulai.constructs.render.NewerFields;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.constructs.render.Quantities;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.LabelSelector;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PersistentVolumeClaimSpec;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.TypedLocalObjectReference;
import org.immutables.value.Value;

/**
 * The one model of a PersistentVolumeClaim that both constructs write: its name, size, access and
 * volume modes, class, binding ({@code volumeName}, {@code selector}), labels, annotations and data
 * source, checked once by the same rules. A {@link ClaimTemplate} is a claim plus where replicas mount
 * it; a {@link PipelineVolume} is a claim plus the volume and class behind it. Both take their props from
 * {@link ClaimProps}.
 */
@Value.Immutable
@PropsStyle
public abstract class Claim {
    static final String MODES_RULE = "one or more of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod";

    Claim() {
    }

    /**
     * Where a new claim's data comes from: a {@code VolumeSnapshot} to restore or a claim to clone (both
     * in the claim's namespace; a clone needs the same class and at least the source's size).
     *
     * @param apiGroup {@code snapshot.storage.k8s.io} for snapshots, {@code null} for claims
     * @param kind     {@code VolumeSnapshot} or {@code PersistentVolumeClaim}
     * @param name     the snapshot's or claim's name
     */
    public record DataSource(String apiGroup, String kind, String name) {
    }

    /**
     * Checks what {@code b} holds; refusals name {@code construct} and the prop as {@code prefix} + its name
     * (e.g. {@code volumes[1].size}).
     *
     * @param sizeRequired whether a size must be given (not for a claim that already exists)
     * @param defaultModes the access modes when none are given
     */
    static Claim of(ClaimProps b, String construct, String prefix, boolean sizeRequired, List<AccessMode> defaultModes) {
        ImmutableClaim.Builder claim = ImmutableClaim.builder()
                .name(Validate.dnsLabel(construct, prefix + "name", b.name()))
                .size(!sizeRequired && b.size() == null ? null : Validate.size(construct, prefix + "size", b.size()));
        List<AccessMode> modes = b.accessModes() == null ? defaultModes
                : Validate.nonEmpty(construct, prefix + "accessModes", b.accessModes(), MODES_RULE);
        claim.accessModes(new LinkedHashSet<>(modes));
        if (b.storageClassName() != null && !b.storageClassName().isEmpty()) {
            Validate.dnsSubdomain(construct, prefix + "storageClassName", b.storageClassName());
        }
        claim.storageClassName(b.storageClassName()).volumeMode(b.volumeMode());
        if (b.volumeMode() == VolumeMode.BLOCK && modes.contains(AccessMode.READ_WRITE_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, prefix + "accessModes", "ReadWriteMany",
                    "ReadWriteOnce or ReadWriteOncePod on a Block volume: two nodes writing one raw block device corrupt it"));
        }
        claim.volumeName(b.volumeName() == null ? null : Validate.dnsSubdomain(construct, prefix + "volumeName", b.volumeName()))
                .selector(new TreeMap<>(Validate.labels(construct, prefix + "selector", b.selector(), false)))
                .labels(new TreeMap<>(Validate.labels(construct, prefix + "labels", b.labels(), false)))
                .annotations(new TreeMap<>(Validate.labels(construct, prefix + "annotations", b.annotations(), true)));
        if (b.dataSource() != null) {
            Validate.dnsSubdomain(construct, prefix + "dataSource", b.dataSource().name());
        }
        String attributes = b.volumeAttributesClassName();
        if (attributes != null) {
            Validate.dnsSubdomain(construct, prefix + "volumeAttributesClassName", attributes);
            if (!TargetCluster.requires(FeatureGate.VOLUME_ATTRIBUTES_CLASS, construct, prefix + "volumeAttributesClassName", attributes)) {
                attributes = null;
            }
        }
        return claim.dataSource(b.dataSource()).volumeAttributesClassName(attributes).build();
    }

    /** The claim's name within its construct; also the pod volume's name. */
    public abstract String name();

    /** The requested size, a Kubernetes quantity; {@code null} for an existing claim given without one. */
    @Nullable
    public abstract String size();

    /** The requested access modes, in the order given, each once. */
    public abstract List<AccessMode> accessModes();

    /** File system or block device. */
    public abstract VolumeMode volumeMode();

    /** The class asked for by name: {@code ""} for none, {@code null} when the construct decides. */
    @Nullable
    public abstract String storageClassName();

    /** The PersistentVolume the claim binds to by name, or {@code null}. */
    @Nullable
    public abstract String volumeName();

    /** Labels a PersistentVolume must carry for the claim to bind it ({@code selector.matchLabels}); empty for any. */
    public abstract Map<String, String> selector();

    /** Extra labels on the claim, sorted. */
    public abstract Map<String, String> labels();

    /** Annotations on the claim, sorted. */
    public abstract Map<String, String> annotations();

    /** The VolumeAttributesClass the claim names, or {@code null}. */
    @Nullable
    public abstract String volumeAttributesClassName();

    /** The snapshot or claim a new claim is filled from, or {@code null}. */
    @Nullable
    public abstract DataSource dataSource();

    /** The Kubernetes spelling of the access modes. */
    public List<String> accessModeValues() {
        return accessModes().stream().map(AccessMode::value).toList();
    }

    /** Whether only a node-exclusive mode is asked for (no {@code ReadWriteMany} or {@code ReadOnlyMany}). */
    public boolean isSingleNode() {
        return accessModes().stream().noneMatch(AccessMode::isShared);
    }

    /**
     * The claim's fields that cdk8s-plus-28's spec struct does not know ({@link #toSpec} cannot carry them), for the
     * object whose claim spec is at JSON pointer {@code specPointer} ({@code /spec} of a claim,
     * {@code /spec/volumeClaimTemplates/0/spec} of a StatefulSet).
     */
    public NewerFields newerFields(String specPointer) {
        return NewerFields.none().with(specPointer + "/volumeAttributesClassName", volumeAttributesClassName());
    }

    /**
     * The claim's spec asking for {@code requested} (the size, or a larger one to grow it), on class
     * {@code className} ({@code null}: none written, the cluster's default class).
     */
    public PersistentVolumeClaimSpec.Builder toSpec(String requested, String className) {
        PersistentVolumeClaimSpec.Builder spec = PersistentVolumeClaimSpec.builder()
                .accessModes(accessModeValues())
                .volumeMode(volumeMode().value())
                .resources(ResourceRequirements.builder().requests(Quantities.map(Map.of("storage", requested))).build());
        if (className != null) {
            spec.storageClassName(className);
        }
        if (volumeName() != null) {
            spec.volumeName(volumeName());
        }
        if (!selector().isEmpty()) {
            spec.selector(LabelSelector.builder().matchLabels(selector()).build());
        }
        DataSource source = dataSource();
        if (source != null) {
            TypedLocalObjectReference.Builder ref = TypedLocalObjectReference.builder().kind(source.kind()).name(source.name());
            if (source.apiGroup() != null) {
                ref.apiGroup(source.apiGroup());
            }
            spec.dataSource(ref.build());
        }
        return spec;
    }

    /** A claim object's metadata: {@code labels} and the claim's own labels, its annotations, and {@code namespace} unless null. */
    public ObjectMeta metadata(String claimName, Map<String, String> labels, String namespace) {
        return metadata(claimName, labels, namespace, Map.of());
    }

    /** {@link #metadata(String, Map, String)} with {@code moreAnnotations} over the claim's own (a tier change). */
    public ObjectMeta metadata(String claimName, Map<String, String> labels, String namespace, Map<String, String> moreAnnotations) {
        Map<String, String> all = new TreeMap<>(labels);
        all.putAll(labels());
        ObjectMeta.Builder meta = ObjectMeta.builder().name(claimName).labels(all);
        if (namespace != null) {
            meta.namespace(namespace);
        }
        Map<String, String> notes = new TreeMap<>(annotations());
        notes.putAll(moreAnnotations);
        if (!notes.isEmpty()) {
            meta.annotations(notes);
        }
        return meta.build();
    }

    /**
     * The spec of a pre-provisioned PersistentVolume this claim can bind: {@code capacity}, the claim's
     * access and volume modes, and the class's name and reclaim policy.
     */
    public PersistentVolumeSpec.Builder persistentVolume(String capacity, StorageClassSpec storageClass) {
        return PersistentVolumeSpec.builder()
                .capacity(Quantities.map(Map.of("storage", capacity)))
                .accessModes(accessModeValues())
                .volumeMode(volumeMode().value())
                .persistentVolumeReclaimPolicy(storageClass.reclaimPolicy().value())
                .storageClassName(storageClass.name());
    }
}
