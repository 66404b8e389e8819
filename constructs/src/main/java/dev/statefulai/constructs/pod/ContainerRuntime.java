package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.render.Quantities;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.SecurityContext;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * How one container of a pod runs beyond what it runs: a read-only root file system or not, its image
 * pull policy, the {@code ephemeral-storage} it requests for the disk-backed scratch it mounts, and
 * those scratch mounts.
 *
 * @param readOnlyRootFilesystem whether the image's file system is read-only (writes go to mounted volumes)
 * @param imagePullPolicy        the pull policy
 * @param ephemeralStorage       the {@code ephemeral-storage} request, or {@code null} for none
 * @param scratchMounts          the scratch volumes the container mounts
 */
public record ContainerRuntime(boolean readOnlyRootFilesystem, ImagePullPolicy imagePullPolicy, String ephemeralStorage,
                               List<VolumeMount> scratchMounts) {

    public ContainerRuntime {
        scratchMounts = List.copyOf(scratchMounts);
    }

    /** The container's security context: {@link PodSecurity#containerContext(boolean)} with this root file system. */
    public SecurityContext securityContext() {
        return PodSecurity.containerContext(readOnlyRootFilesystem);
    }

    /** Requests and limits: {@code requests} with the ephemeral storage, and {@code limits}. */
    public ResourceRequirements resources(Map<String, String> requests, Map<String, String> limits) {
        Map<String, String> all = new TreeMap<>(requests);
        if (ephemeralStorage != null) {
            all.put("ephemeral-storage", ephemeralStorage);
        }
        return ResourceRequirements.builder().requests(Quantities.map(all)).limits(Quantities.map(limits)).build();
    }
}
