package dev.statefulai.facts.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of the Kubernetes API exists only with a feature gate on: API versions of a kind the server serves only
 * when the gate (and, for an alpha or beta version, {@code --runtime-config}) is on, and fields it keeps only
 * when the gate is on. Otherwise the server drops them silently on create, in kubernetes/kubernetes:
 * {@code DropDisabledFields} (pkg/api/persistentvolumeclaim/util.go) and {@code DropDisabledSpecFields}
 * (pkg/api/persistentvolume/util.go) drop {@code volumeAttributesClassName}; {@code dropImageVolumes}
 * (pkg/api/pod/util.go) drops image volumes and the mounts of them, so the pod starts without its model.
 */
public final class GatedApis {

    /**
     * An API version of a kind served only with {@code gate} on.
     *
     * @param apiVersion e.g. {@code storage.k8s.io/v1beta1}
     * @param kind       e.g. {@code VolumeAttributesClass}
     */
    public record GatedKind(String apiVersion, String kind, FeatureGate gate) {
    }

    /**
     * A field kept only with {@code gate} on.
     *
     * @param kinds the kinds whose manifests have it (empty: every kind with a pod template)
     * @param path  where, in the JSON-path form the schema validator reports ({@code $.spec.volumes[0].image})
     * @param field the field as people write it in messages
     */
    public record GatedField(FeatureGate gate, Set<String> kinds, Pattern path, String field) {
        /** Whether {@code jsonPath} of an object of {@code kind} is this field. */
        public boolean matches(String kind, String jsonPath) {
            return (kinds.isEmpty() || kinds.contains(kind)) && path.matcher(jsonPath).matches();
        }
    }

    private static final List<GatedKind> KINDS = List.of(
            new GatedKind("storage.k8s.io/v1alpha1", "VolumeAttributesClass", FeatureGate.VOLUME_ATTRIBUTES_CLASS),
            new GatedKind("storage.k8s.io/v1beta1", "VolumeAttributesClass", FeatureGate.VOLUME_ATTRIBUTES_CLASS));

    private static final List<GatedField> FIELDS = List.of(
            // core/v1 PersistentVolumeClaimSpec.volumeAttributesClassName and PersistentVolumeSpec.volumeAttributesClassName (1.29+)
            new GatedField(FeatureGate.VOLUME_ATTRIBUTES_CLASS, Set.of("PersistentVolumeClaim", "PersistentVolume"),
                    Pattern.compile("\\$\\.spec\\.volumeAttributesClassName"), "spec.volumeAttributesClassName"),
            new GatedField(FeatureGate.VOLUME_ATTRIBUTES_CLASS, Set.of("StatefulSet"),
                    Pattern.compile("\\$\\.spec\\.volumeClaimTemplates\\[\\d+]\\.spec\\.volumeAttributesClassName"),
                    "spec.volumeClaimTemplates[].spec.volumeAttributesClassName"),
            // core/v1 Volume.image, an ImageVolumeSource (1.31+), in a pod or any pod template
            new GatedField(FeatureGate.IMAGE_VOLUME, Set.of(),
                    Pattern.compile("\\$(\\.spec(\\.jobTemplate\\.spec)?\\.template)?\\.spec\\.volumes\\[\\d+]\\.image"),
                    "volumes[].image"));

    private GatedApis() {
    }

    /** The gate {@code kind} in {@code apiVersion} needs, if it needs one. */
    public static Optional<GatedKind> kind(String apiVersion, String kind) {
        return KINDS.stream().filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind)).findFirst();
    }

    /** Every field a gate keeps. */
    public static List<GatedField> fields() {
        return FIELDS;
    }
}
