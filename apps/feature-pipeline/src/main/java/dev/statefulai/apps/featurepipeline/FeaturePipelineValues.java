package dev.statefulai.apps.featurepipeline;

import dev.statefulai.synth.values.Rule;
import dev.statefulai.synth.values.StorageClassValues;
import java.util.List;

/**
 * Values of the feature pipeline's storage.
 *
 * @param namespace    namespace of the claims
 * @param storageClass the class the volumes belong to
 * @param volumes      the pipeline's volumes, each on an existing EBS volume
 */
public record FeaturePipelineValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, StorageClassValues storageClass, List<Volume> volumes) {

    /**
     * One volume of the pipeline.
     *
     * @param name     claim name, e.g. {@code raw-events}
     * @param size     size of the EBS volume
     * @param volumeId the EBS volume id
     * @param zone     the volume's availability zone
     */
    public record Volume(@Rule(Rule.Kind.DNS_LABEL) String name, @Rule(Rule.Kind.SIZE) String size, String volumeId, String zone) {
    }
}
