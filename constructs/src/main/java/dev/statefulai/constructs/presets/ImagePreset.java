package dev.statefulai.constructs.presets;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.scratch.ScratchVolume;
import dev.statefulai.facts.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What one image needs to start under the secure defaults (a fixed non-root user, a read-only root
 * file system, no capabilities): the user and group, variables that move its home and caches to
 * writable places, and the sized scratch volumes behind them. Made by {@link ImagePresets}, each
 * citing where its facts come from (the image's Dockerfile, the engine's sources or documentation).
 *
 * <p>A preset knows the image's official repositories and refuses releases of them that cannot start
 * as a non-root user; an image from another repository (a mirror, a derived image) is not checked.
 *
 * @param name         the image's name, e.g. {@code vLLM}
 * @param repositories the official repositories as {@code registry/repository}, e.g. {@code docker.io/vllm/vllm-openai}
 * @param security     the user, group and fsGroup the pods run as, unless the app gives its own
 * @param env          variables for the image's home and caches; the app's own env wins over them
 * @param scratch      the writable directories the image needs; a claim mounted at the same path replaces one
 * @param rules        releases of the official image the preset refuses
 * @param sources      where the preset's facts come from
 */
public record ImagePreset(String name, List<String> repositories, PodSecurity security, Map<String, String> env,
                          List<ScratchVolume> scratch, List<ReleaseRule> rules, List<String> sources) {

    /**
     * A release of the official image that the preset refuses.
     *
     * @param refuses which references it refuses
     * @param allowed what is allowed instead, for the refusal
     */
    public record ReleaseRule(Predicate<ImageReference> refuses, String allowed) {
    }

    public ImagePreset {
        repositories = List.copyOf(repositories);
        env = new TreeMap<>(env);
        scratch = List.copyOf(scratch);
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
    }

    /** Refuses {@code image} when it is a release of the official image that cannot start as a non-root user. */
    public void check(String construct, String image) {
        ImageReference ref = ImageReference.parse(image);
        if (!repositories.contains(ref.name())) {
            return;
        }
        for (ReleaseRule rule : rules) {
            if (rule.refuses().test(ref)) {
                Refusals.refuse(new InvalidPropsException(construct, "image", image, rule.allowed()));
            }
        }
    }

    @Override
    public String toString() {
        return name + " preset";
    }
}
