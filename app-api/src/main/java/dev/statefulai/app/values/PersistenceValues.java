package dev.statefulai.app.values;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.Refusals;
import java.util.List;
import java.util.Map;

/**
 * One volume in values files, in the shape and with the names Helm charts give it ({@code persistence} in the
 * Bitnami charts, e.g. {@code primary.persistence.*} of bitnami/postgresql's values.yaml, and
 * {@code persistence} and {@code snapshotPersistence} in qdrant/qdrant-helm's values.yaml). What is left out
 * keeps the construct's default.
 *
 * @param size          size of the volume, e.g. {@code 100Gi}
 * @param storageClass  the StorageClass the claim asks for, by name; {@code -} for no class ({@code storageClassName: ""}:
 *                      only volumes pre-provisioned without a class bind it); default the app's own class when it makes
 *                      one, else the cluster's default class
 * @param accessModes   e.g. {@code [ReadWriteOnce]} (the default)
 * @param existingClaim a claim that already exists, mounted by every replica instead of new claims
 * @param annotations   annotations on the claims
 * @param selector      only PersistentVolumes with these labels bind the claims ({@code matchLabels})
 * @param dataSource    a {@code VolumeSnapshot} to restore, or a claim to clone, into each new claim
 * @param volumeAttributesClass the VolumeAttributesClass (IOPS, throughput) the claims name, where the environment's
 *                      cluster serves them (see {@link VolumeAttributesClassValues}); default none
 */
public record PersistenceValues(@Rule(Rule.Kind.SIZE) String size, @Rule(Rule.Kind.STORAGE_CLASS_NAME) String storageClass,
                                List<AccessMode> accessModes, @Rule(Rule.Kind.DNS_SUBDOMAIN) String existingClaim,
                                Map<String, String> annotations, LabelSelectorValues selector, DataSourceValues dataSource,
                                @Rule(Rule.Kind.DNS_SUBDOMAIN) String volumeAttributesClass) {

    /** A volume with every key left out. */
    private static final PersistenceValues NONE = new PersistenceValues(null, null, null, null, null, null, null, null);

    /** A volume without a VolumeAttributesClass (the keys every Helm-style volume has). */
    public PersistenceValues(String size, String storageClass, List<AccessMode> accessModes, String existingClaim,
                             Map<String, String> annotations, LabelSelectorValues selector, DataSourceValues dataSource) {
        this(size, storageClass, accessModes, existingClaim, annotations, selector, dataSource, null);
    }

    /**
     * A claim template of {@code values} (null: none given), named {@code name} and mounted at {@code mountPath},
     * that the app's {@code StatefulAIApp} lists as {@code prop}, e.g. {@code claimTemplates[0]}.
     */
    public static ClaimTemplate.Builder claimTemplate(PersistenceValues values, String name, String mountPath, String prop) {
        PersistenceValues v = values == null ? NONE : values;
        String construct = "ClaimTemplate '" + name + "'";
        PropSources.feeds(prop, values);
        for (String key : List.of("size", "accessModes", "existingClaim", "annotations", "selector", "dataSource")) {
            PropSources.feeds(construct, key, values, key);
        }
        PropSources.feeds(construct, "storageClassName", values, "storageClass");
        PropSources.feeds(construct, "volumeAttributesClassName", values, "volumeAttributesClass");
        ClaimTemplate.Builder claim = ClaimTemplate.builder().name(name).mountPath(mountPath).size(v.size);
        if (v.storageClass != null) {
            claim.storageClassName(Rule.Kind.NO_CLASS.equals(v.storageClass) ? "" : v.storageClass);
        }
        Set.ifGiven(v.accessModes, claim::accessModes);
        Set.ifGiven(v.existingClaim, claim::existingClaim);
        Set.ifGiven(v.annotations, claim::annotations);
        if (v.selector != null) {
            Set.ifGiven(v.selector.matchLabels(), claim::selector);
        }
        if (v.dataSource != null) {
            dataSource(v.dataSource, construct, claim);
        }
        Set.ifGiven(v.volumeAttributesClass, claim::volumeAttributesClassName);
        return claim;
    }

    /**
     * A volume of {@code values} (null: none given) for a {@code DataPipelineStorage}, named {@code name}, that the
     * storage lists as {@code prop}, e.g. {@code volumes[0]}. Such a volume takes its size and access modes from
     * here; the other keys are refused, since the storage makes and binds its claims itself.
     */
    public static PipelineVolume.Builder pipelineVolume(PersistenceValues values, String name, String prop) {
        PersistenceValues v = values == null ? NONE : values;
        String construct = "PipelineVolume '" + name + "'";
        PropSources.feeds(prop, values);
        Object[] refused = {"storageClass", v.storageClass, "existingClaim", v.existingClaim, "annotations", v.annotations,
            "selector", v.selector, "dataSource", v.dataSource};
        for (int i = 0; i < refused.length; i += 2) {
            if (refused[i + 1] != null) {
                PropSources.feeds(construct, (String) refused[i], values, (String) refused[i]);
                Refusals.refuse(new InvalidPropsException(construct, (String) refused[i], shown(refused[i + 1]),
                        "nothing for a volume of a data pipeline, which makes and binds its claim itself: only size, accessModes"
                                + " and volumeAttributesClass"));
            }
        }
        PropSources.feeds(construct, "volumeAttributesClassName", values, "volumeAttributesClass");
        PipelineVolume.Builder volume = PipelineVolume.builder().name(name).size(v.size);
        Set.ifGiven(v.accessModes, volume::accessModes);
        Set.ifGiven(v.volumeAttributesClass, volume::volumeAttributesClassName);
        return volume;
    }

    /** The accessModes given, or {@code defaults} when none are (null values: none given). */
    public static List<AccessMode> accessModesOr(PersistenceValues values, List<AccessMode> defaults) {
        return values == null || values.accessModes == null ? defaults : values.accessModes;
    }

    private static String shown(Object value) {
        return value instanceof String || value instanceof Map ? String.valueOf(value) : "a mapping";
    }

    private static void dataSource(DataSourceValues source, String construct, ClaimTemplate.Builder claim) {
        if (source.kind() == null) {
            Refusals.refuse(new InvalidPropsException(construct, "dataSource", null, "a kind: VolumeSnapshot or PersistentVolumeClaim"));
            return;
        }
        if (source.kind() == DataSourceValues.Kind.PERSISTENT_VOLUME_CLAIM) {
            if (source.apiGroup() != null) {
                Refusals.refuse(new InvalidPropsException(construct, "dataSource", source.apiGroup().toString(),
                        "no apiGroup for a PersistentVolumeClaim, which is in the core API group"));
            }
            claim.cloneFromClaim(source.name());
        } else {
            claim.restoreFromSnapshot(source.name());
        }
    }
}
