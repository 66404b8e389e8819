package dev.statefulai.facts.kubernetes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Kubernetes feature gates whose features the constructs write and the gate judges, with the stage of
 * each per release: a feature exists from its alpha release, and is on by default only from the stage
 * whose default is true. Stages are those of the feature-gate pages of the Kubernetes documentation
 * (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/*.md).
 */
public enum FeatureGate {
    /**
     * VolumeAttributesClass (KEP-3751): a claim's {@code volumeAttributesClassName} names a
     * {@code VolumeAttributesClass} whose parameters (IOPS, throughput) the CSI driver applies to the volume in
     * place, through its ModifyVolume call. Alpha 1.29 (storage.k8s.io/v1alpha1), beta 1.31
     * (storage.k8s.io/v1beta1, off by default: the gate and {@code --runtime-config=storage.k8s.io/v1beta1=true}),
     * GA 1.34 (storage.k8s.io/v1); feature-gates/VolumeAttributesClass.md, concepts/storage/volume-attributes-classes.md.
     */
    VOLUME_ATTRIBUTES_CLASS("VolumeAttributesClass", "a claim's volumeAttributesClassName and the VolumeAttributesClass it names",
            new Stage(29, Stage.Maturity.ALPHA, false), new Stage(31, Stage.Maturity.BETA, false), new Stage(34, Stage.Maturity.GA, true)),
    /**
     * ImageVolume (KEP-4639): an OCI image or artifact mounted read-only as a pod volume ({@code volumes[].image}),
     * for example model weights delivered through a registry. Alpha 1.31, beta 1.33 off by default, beta on by
     * default 1.35, GA 1.36; feature-gates/ImageVolume.md, tasks/configure-pod-container/image-volumes.md.
     */
    IMAGE_VOLUME("ImageVolume", "image volumes (volumes[].image)",
            new Stage(31, Stage.Maturity.ALPHA, false), new Stage(33, Stage.Maturity.BETA, false),
            new Stage(35, Stage.Maturity.BETA, true), new Stage(36, Stage.Maturity.GA, true));

    /**
     * A stage of a feature gate, from a release on (until the next stage).
     *
     * @param fromMinor  the first minor of the stage
     * @param maturity   alpha, beta or GA
     * @param defaultOn  whether the gate is on unless the cluster turns it off
     */
    public record Stage(int fromMinor, Maturity maturity, boolean defaultOn) {
        /** How mature a feature is in a release. */
        public enum Maturity { ALPHA, BETA, GA }

        @Override
        public String toString() {
            return maturity.name().toLowerCase(java.util.Locale.ROOT) + " from 1." + fromMinor
                    + (maturity == Maturity.GA ? "" : defaultOn ? " (on by default)" : " (off by default)");
        }
    }

    private final String gateName;
    private final String what;
    private final List<Stage> stages;

    FeatureGate(String gateName, String what, Stage... stages) {
        this.gateName = gateName;
        this.what = what;
        this.stages = List.of(stages);
    }

    /** The gate's name as the API server's {@code --feature-gates} and an environment file write it. */
    public String gateName() {
        return gateName;
    }

    /** What the feature gives, for messages. */
    public String what() {
        return what;
    }

    /** The gate named {@code name} (its exact spelling), if this project knows it. */
    public static Optional<FeatureGate> byName(String name) {
        return Arrays.stream(values()).filter(g -> g.gateName.equals(name)).findFirst();
    }

    /** The names of every known gate, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(FeatureGate::gateName).collect(Collectors.joining(", "));
    }

    /** The gate's stage in {@code version}; empty before its alpha release. */
    public Optional<Stage> stageIn(KubernetesVersion version) {
        Stage found = null;
        for (Stage s : stages) {
            if (s.fromMinor <= version.minor()) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code version} has the feature at all (from its alpha release). */
    public boolean existsIn(KubernetesVersion version) {
        return stageIn(version).isPresent();
    }

    /** Whether the feature is on in {@code version} without the cluster enabling it. */
    public boolean onByDefaultIn(KubernetesVersion version) {
        return stageIn(version).map(Stage::defaultOn).orElse(false);
    }

    /** The gate's history: {@code alpha from 1.29 (off by default), beta from 1.31 (off by default), ga from 1.34}. */
    public String history() {
        return stages.stream().map(Stage::toString).collect(Collectors.joining(", "));
    }
}
