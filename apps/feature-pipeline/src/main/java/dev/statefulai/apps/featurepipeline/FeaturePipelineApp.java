package dev.statefulai.apps.featurepipeline;

import dev.statefulai.constructs.DataPipelineStorage;
import dev.statefulai.constructs.DataPipelineStorageProps;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.synth.AppDefinition;
import dev.statefulai.synth.values.StorageClassValues;
import java.util.List;
import org.cdk8s.Chart;

/**
 * Storage of a feature pipeline whose data already lives on EBS volumes (restored from snapshots or
 * kept from an earlier cluster): each volume becomes a PersistentVolume bound to exactly one claim.
 */
public final class FeaturePipelineApp implements AppDefinition<FeaturePipelineValues> {
    static final String NAME = "feature-pipeline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FeaturePipelineValues> valuesType() {
        return FeaturePipelineValues.class;
    }

    @Override
    public void define(Chart chart, FeaturePipelineValues v, String environment) {
        StorageClassValues classValues = v.storageClass() != null ? v.storageClass()
                : new StorageClassValues(null, null, null, null, null, null, null, null);
        List<FeaturePipelineValues.Volume> volumes = v.volumes() == null ? List.of() : v.volumes();
        if (volumes.isEmpty()) {
            throw new InvalidPropsException(NAME, "volumes", null, "one or more volumes, each with name, size, volumeId and zone");
        }
        StorageClassSpec classSpec = classValues.toSpec(NAME);
        if (!(classSpec.backend() instanceof AwsEbs ebs)) {
            throw new InvalidPropsException(NAME, "storageClass.backend", classValues.backend(),
                    "ebs or ebs-in-tree: the pipeline's volumes are existing EBS volumes");
        }
        boolean first = true;
        for (FeaturePipelineValues.Volume volume : volumes) {
            DataPipelineStorageProps.Builder props = DataPipelineStorageProps.builder()
                    .name(volume.name())
                    .namespace(v.namespace())
                    .size(volume.size())
                    .partOf(NAME)
                    .storageClass(classSpec)
                    .volume(ebs.existingVolume(volume.volumeId(), volume.zone()));
            DataPipelineStorage storage = new DataPipelineStorage(chart, volume.name() == null ? "volume" : volume.name(), props.build());
            if (!first) {
                // The volumes share one class: keep only the first volume's copy (kustomize refuses two).
                storage.getNode().tryRemoveChild("storage-class");
            }
            first = false;
        }
    }
}
