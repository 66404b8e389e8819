package dev.statefulai.constructs.runtime;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.cachefill.FillSource;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.presets.ImagePreset;
import dev.statefulai.constructs.scratch.ScratchSpace;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.facts.ImageReference;
import java.util.ArrayList;
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
     * (or none) and mounting {@code claims}, with the init containers of {@code fill} and of chown (its
     * {@code chownImage}), each {@code null} when absent.
     */
    public static RuntimePlan plan(String construct, ContainerProps container, ImagePreset preset, String image,
                                   List<ClaimTemplate> claims, CacheFill fill, String chownImage) {
        List<String> takenNames = new ArrayList<>(claims.stream().map(ClaimTemplate::name).toList());
        takenNames.add("dshm");
        Map<String, String> initImages = new TreeMap<>();
        if (fill != null) {
            initImages.put("cacheFill.image", fill.image());
            if (fill.source() instanceof FillSource.Claim) {
                takenNames.add(CacheFill.SOURCE_VOLUME);
            }
        }
        if (chownImage != null) {
            initImages.put("chownImage", chownImage);
        }
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
        List<String> claimPaths = claims.stream().map(ClaimTemplate::mountPath).toList();
        ScratchSpace scratch = ScratchSpace.resolve(construct, defaults, container.scratch(), claimPaths, takenNames);
        return new RuntimePlan(scratch, env, reason, container.imagePullPolicy());
    }
}
