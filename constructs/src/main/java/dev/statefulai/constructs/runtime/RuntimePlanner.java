package dev.statefulai.constructs.runtime;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.presets.ImagePreset;
import dev.statefulai.constructs.scratch.ScratchSpace;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.facts.ImageReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks how a pod's containers run and resolves it into a {@link RuntimePlan}: the image preset's
 * variables and scratch under the app's own, the default {@code /tmp}, the root file system, and images
 * pinned by digest where the props require it.
 */
public final class RuntimePlanner {
    private RuntimePlanner() {
    }

    /**
     * The plan of a pod whose main container is {@code container} running {@code image} with {@code preset}
     * (or none), whose claims are mounted at {@code claimPaths} under the volume names {@code takenNames},
     * and whose init containers run {@code initImages} (prop name to image; none for an absent one).
     */
    public static RuntimePlan plan(String construct, ContainerProps container, ImagePreset preset, String image,
                                   Collection<String> claimPaths, Collection<String> takenNames, Map<String, String> initImages) {
        if (preset != null && image != null) {
            preset.check(construct, image);
        }
        String reason = container.writableRootFilesystem();
        if (reason != null && reason.isBlank()) {
            Refusals.refuse(new InvalidPropsException(construct, "writableRootFilesystem", reason,
                    "why the image must write to its root file system, such as \"the image writes its PID file to /var/run\":"
                            + " it becomes the waiver of the read-only root rule"));
        }
        if (container.requireImageDigests()) {
            Map<String, String> images = new TreeMap<>(initImages);
            if (image != null) {
                images.put("image", image);
            }
            images.forEach((prop, ref) -> {
                if (!ImageReference.pinnedByDigest(ref)) {
                    Refusals.refuse(new InvalidPropsException(construct, prop, ref,
                            "an image pinned by digest, such as " + ImageReference.parse(ref).repository() + "@sha256:<64 hex digits>"
                                    + " (requireImageDigests)"));
                }
            });
        }
        List<ScratchVolume> defaults = new ArrayList<>();
        defaults.add(ScratchSpace.DEFAULT_TMP);
        Map<String, String> env = new TreeMap<>();
        if (preset != null) {
            defaults.addAll(preset.scratch());
            env.putAll(preset.env());
        }
        env.putAll(container.env());
        ScratchSpace scratch = ScratchSpace.resolve(construct, defaults, container.scratch(), claimPaths, takenNames);
        return new RuntimePlan(scratch, env, reason, container.imagePullPolicy());
    }
}
