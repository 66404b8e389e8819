package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Volume;

/**
 * What storage that others attach to a pod asks of it beyond its claims: annotations on the pod (a FUSE
 * driver's sidecar, e.g. {@code gke-gcsfuse/volumes: "true"}), volumes its containers do not mount (that
 * sidecar's file cache {@code gke-gcsfuse-cache}), and annotations on the workload object (a reasoned waiver
 * of a gate rule for a change rolled out by hand). A {@code ModelBucket} says what it needs; every prop is optional.
 *
 * @param podAnnotations annotations on the pods (the pod template)
 * @param volumes        pod volumes no container of the construct mounts
 * @param annotations    annotations on the workload object itself
 */
public record PodExtras(Map<String, String> podAnnotations, List<Volume> volumes, Map<String, String> annotations) {

    public PodExtras {
        podAnnotations = new TreeMap<>(podAnnotations);
        volumes = List.copyOf(volumes);
        annotations = new TreeMap<>(annotations);
    }

    /** Nothing beyond the claims. */
    public static PodExtras none() {
        return new PodExtras(Map.of(), List.of(), Map.of());
    }

    /** Pods with these annotations and volumes, e.g. {@code bucket.podAnnotations()} and {@code bucket.podVolumes()}. */
    public static PodExtras of(Map<String, String> podAnnotations, List<Volume> volumes) {
        return new PodExtras(podAnnotations, volumes, Map.of());
    }

    /** These extras, and {@code annotations} on the workload object too. */
    public PodExtras withAnnotations(Map<String, String> objectAnnotations) {
        return new PodExtras(podAnnotations, volumes, objectAnnotations);
    }

    /**
     * Checks the annotations and that each volume is named once and by none of {@code taken} (the pod's other
     * volumes); refusals name {@code construct} and the props under {@code prefix}, e.g. {@code extras.}.
     */
    public void check(String construct, String prefix, List<String> taken) {
        Validate.labels(construct, prefix + "podAnnotations", podAnnotations, true);
        Validate.labels(construct, prefix + "annotations", annotations, true);
        List<String> names = new ArrayList<>(taken);
        for (int i = 0; i < volumes.size(); i++) {
            String name = volumes.get(i).getName();
            Validate.dnsLabel(construct, prefix + "volumes[" + i + "].name", name);
            if (names.contains(name)) {
                Refusals.refuse(new InvalidPropsException(construct, prefix + "volumes[" + i + "].name", name,
                        "a name no other volume of the pod has (taken: " + names + ")"));
            }
            names.add(name);
        }
    }

    /** The pod annotations, or {@code null} for none (left out of the template). */
    public Map<String, String> podAnnotationsOrNull() {
        return podAnnotations.isEmpty() ? null : podAnnotations;
    }
}
