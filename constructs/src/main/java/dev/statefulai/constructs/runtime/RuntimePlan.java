package dev.statefulai.constructs.runtime;

import dev.statefulai.constructs.pod.ContainerRuntime;
import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.scratch.ScratchSpace;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.facts.Waivers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a pod's containers run, resolved by {@link RuntimePlanner}: its scratch volumes, the variables an
 * image preset adds, whether the main container's root file system is read-only, and the pull policy.
 *
 * @param scratch            the pod's scratch volumes
 * @param env                the main container's plain variables: the preset's, then the app's over them
 * @param writableRootReason why the main container's root file system is writable, or {@code null} (read-only)
 * @param pullPolicy         the pull policy of every image, or {@code null} for each image's default
 */
public record RuntimePlan(ScratchSpace scratch, Map<String, String> env, String writableRootReason, ImagePullPolicy pullPolicy) {
    /**
     * The gate's rule that every container's root file system is read-only; a writable root carries its waiver.
     * (gate: dev.statefulai.gate.model.Rule.POD002)
     */
    public static final String READ_ONLY_ROOT_RULE = "POD002";

    public RuntimePlan {
        env = new TreeMap<>(env);
    }

    /** The pull policy of {@code image}. */
    public ImagePullPolicy pullPolicy(String image) {
        return pullPolicy != null ? pullPolicy : ImagePullPolicy.forImage(image);
    }

    /** How the main container running {@code image} runs: it mounts every scratch volume. */
    public ContainerRuntime main(String image) {
        return new ContainerRuntime(writableRootReason == null, pullPolicy(image), ScratchSpace.ephemeralStorage(scratch.volumes()),
                scratch.mounts());
    }

    /** How an init container running {@code image} runs: read-only root, with the pod's {@code /tmp} when it has one. */
    public ContainerRuntime init(String image) {
        ScratchVolume tmp = scratch.at("/tmp");
        List<ScratchVolume> mounted = tmp == null ? List.of() : List.of(tmp);
        return new ContainerRuntime(true, pullPolicy(image), ScratchSpace.ephemeralStorage(mounted),
                mounted.stream().map(ScratchVolume::toMount).toList());
    }

    /** How an init container that writes nothing of its own (chown) runs: read-only root, no scratch. */
    public ContainerRuntime initWithoutScratch(String image) {
        return new ContainerRuntime(true, pullPolicy(image), null, List.of());
    }

    /** The waivers the workload carries for these choices: the read-only root rule's, with its reason, when the root is writable. */
    public Map<String, String> waivers() {
        return writableRootReason == null ? Map.of() : Map.of(Waivers.annotation(READ_ONLY_ROOT_RULE), writableRootReason);
    }
}
