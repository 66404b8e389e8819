package dev.statefulai.app.values;

import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.pod.NodeSpread;
import dev.statefulai.constructs.pod.SchedulingProps;
import java.util.List;

/**
 * How an app's pods run, beyond the safe defaults, in values files. What is left out keeps the default.
 *
 * @param scratch                bounded writable directories besides the image preset's and the default {@code /tmp}
 * @param writableRootFilesystem why the image must write to its root file system (default: read-only); the reason
 *                               becomes the waiver of the gate's rule POD002
 * @param imagePullPolicy        {@code Always}, {@code IfNotPresent} or {@code Never}; default {@code IfNotPresent} for
 *                               an image pinned by digest, else {@code Always}
 * @param requireImageDigests    refuse images not pinned by digest ({@code @sha256:}); default false
 * @param nodeSpread             replicas on different nodes: {@code preferred} (default), {@code required} or {@code none}
 */
public record PodValues(List<ScratchValues> scratch, String writableRootFilesystem, ImagePullPolicy imagePullPolicy,
                        Boolean requireImageDigests, NodeSpread nodeSpread) {

    /** Sets what was given on the container's and the scheduling's builders. */
    public void applyTo(ContainerProps.Builder container, SchedulingProps.Builder scheduling) {
        if (scratch != null) {
            for (int i = 0; i < scratch.size(); i++) {
                PropSources.feeds(null, "scratch[" + i + "]", scratch.get(i), null);
            }
            container.scratch(scratch.stream().map(ScratchValues::toScratch).toList());
        }
        PropSources.feeds(null, "writableRootFilesystem", this, "writableRootFilesystem");
        PropSources.feeds(null, "requireImageDigests", this, "requireImageDigests");
        Set.ifGiven(writableRootFilesystem, container::writableRootFilesystem);
        Set.ifGiven(imagePullPolicy, container::imagePullPolicy);
        Set.ifGiven(requireImageDigests, container::requireImageDigests);
        Set.ifGiven(nodeSpread, scheduling::nodeSpread);
    }

    /** {@link #applyTo} for values that may be left out ({@code null}). */
    public static void applyTo(PodValues values, ContainerProps.Builder container, SchedulingProps.Builder scheduling) {
        if (values != null) {
            values.applyTo(container, scheduling);
        }
    }

    /** The scratch given, or none. */
    public List<ScratchValues> scratchOrNone() {
        return scratch == null ? List.of() : scratch;
    }
}
