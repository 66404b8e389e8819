package dev.statefulai.constructs.imagevolume;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.cluster.TargetCluster;
import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.render.NewerFields;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeMount;
import org.immutables.value.Value;

/**
 * An OCI image or artifact mounted read-only as a pod volume: the core/v1 {@code ImageVolumeSource}
 * ({@code volumes[].image} with {@code reference} and {@code pullPolicy}; KEP-4639), e.g. model weights packaged as an
 * image and pulled through the registry like the server's own image, with its pull secrets and the node's image
 * cache. The kubelet merges the layers into one directory and mounts it read-only and {@code noexec} (k8s.io/api
 * core/v1 types.go, {@code VolumeSource.Image}); the container's mount is read-only here too.
 *
 * <p>The field needs the ImageVolume feature gate: alpha from Kubernetes 1.31, beta from 1.33 and off by default
 * until 1.35 (feature-gates/ImageVolume.md; "Use an Image Volume With a Pod",
 * tasks/configure-pod-container/image-volumes.md). Without it the API server drops the volume and its mounts
 * ({@code dropImageVolumes}, pkg/api/pod/util.go), so the volume is refused unless the environment's cluster has
 * the gate ({@link TargetCluster}). A {@code subPath} is refused before 1.33, whose validation forbade it
 * ("not allowed in image volume sources", KEP-4639; the task page's "Use subPath (or subPathExpr)" from v1.33).
 * cdk8s-plus-28's {@code Volume} has no {@code image} field: the volume is written as a name and its source set
 * after rendering ({@link #newerFields}).
 */
@Value.Immutable
@PropsStyle
public abstract class ImageVolume {
    /** Where subPath mounts of image volumes are first allowed. */
    static final KubernetesVersion SUB_PATHS = KubernetesVersion.of(33);

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The volume's name in the pod: a DNS label no other volume of the pod has. */
    @Nullable
    public abstract String name();

    /**
     * Required. The image or artifact, as a container's {@code image} names it, e.g.
     * {@code registry.example.com/models/llama-3.1-8b:v1} or pinned by digest. Pulled with the pod's pull secrets.
     */
    @Nullable
    public abstract String reference();

    /**
     * When the kubelet pulls it: {@code Always}, {@code IfNotPresent} or {@code Never}.
     *
     * @default {@code IfNotPresent} for a reference pinned by digest, else {@code Always} (as for containers, see
     *          {@link ImagePullPolicy#forImage}; written explicitly rather than left to the API server's tag rule)
     */
    @Nullable
    public abstract String pullPolicy();

    /** Required. Where the main container sees the image's files, read-only. */
    @Nullable
    public abstract String mountPath();

    /**
     * A directory of the image to mount instead of its root; Kubernetes 1.33 or newer.
     *
     * @default none: the image's root
     */
    @Nullable
    public abstract String subPath();

    /** The default pull policy in place of a policy left out or given as {@code null} (a values file's empty key). */
    @Value.Check
    protected ImageVolume withDefaultPullPolicy() {
        if (pullPolicy() != null || reference() == null) {
            return this;
        }
        return builder().from(this).pullPolicy(ImagePullPolicy.forImage(reference()).value()).build();
    }

    /**
     * Refuses a volume the API server or the target cluster would not take; {@code prop} names it, e.g.
     * {@code imageVolumes[0]}. The feature gate is asked last, so that a wrong value is named first.
     */
    public void check(String construct, String prop) {
        Validate.dnsLabel(construct, prop + ".name", name());
        // validateImageVolumeSource: field.Required(reference) for a Pod (pkg/apis/core/validation/validation.go)
        Validate.required(construct, prop + ".reference", reference(), "an image or artifact reference such as registry.example.com/models/llama:3.1");
        if (!reference().equals(reference().strip())) {
            Refusals.refuse(new InvalidPropsException(construct, prop + ".reference", reference(), "a reference without surrounding whitespace"));
        }
        // validatePullPolicy: Always, IfNotPresent or Never
        List<String> policies = Arrays.stream(ImagePullPolicy.values()).map(ImagePullPolicy::value).toList();
        if (!policies.contains(pullPolicy())) {
            Refusals.refuse(new InvalidPropsException(construct, prop + ".pullPolicy", pullPolicy(), "one of " + String.join(", ", policies)));
        }
        Validate.absolutePath(construct, prop + ".mountPath", mountPath());
        if (subPath() != null) {
            Validate.relativePath(construct, prop + ".subPath", subPath());
            KubernetesVersion version = TargetCluster.current().version();
            if (version.compareTo(SUB_PATHS) < 0) {
                Refusals.refuse(new InvalidPropsException(construct, prop + ".subPath", subPath(),
                        "none before Kubernetes " + SUB_PATHS + " (the target is " + version + "): its API server refuses a subPath"
                                + " of an image volume; mount the image's root, or name the directory in the server's arguments"));
            }
        }
        TargetCluster.requires(FeatureGate.IMAGE_VOLUME, construct, prop, reference());
    }

    /** The pod volume as cdk8s-plus-28 can write it: its name; the source is one of {@link #newerFields}. */
    public Volume volume() {
        return Volume.builder().name(name()).build();
    }

    /** The container's mount: always read-only, as the kubelet mounts the image. */
    public VolumeMount mount() {
        return VolumeMount.builder().name(name()).mountPath(mountPath()).subPath(subPath()).readOnly(true).build();
    }

    /** The source, as the API writes it: {@code {reference, pullPolicy}}. */
    public Map<String, Object> source() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("reference", reference());
        source.put("pullPolicy", pullPolicy());
        return source;
    }

    /**
     * {@code fields} and the source of each of {@code images} at its volume in {@code volumes} (the pod's volumes, in
     * order), under {@code volumesPointer} (e.g. {@code /spec/template/spec/volumes}).
     */
    public static NewerFields newerFields(NewerFields fields, String volumesPointer, List<Volume> volumes, List<ImageVolume> images) {
        NewerFields out = fields;
        for (ImageVolume image : images) {
            for (int i = 0; i < volumes.size(); i++) {
                if (volumes.get(i).getName().equals(image.name())) {
                    out = out.with(volumesPointer + "/" + i + "/image", image.source());
                }
            }
        }
        return out;
    }

    /** Builder for {@link ImageVolume}. */
    public static final class Builder extends ImmutableImageVolume.Builder {
        /** As {@link #pullPolicy(String)}. */
        public Builder pullPolicy(ImagePullPolicy pullPolicy) {
            return pullPolicy(pullPolicy.value());
        }
    }
}
