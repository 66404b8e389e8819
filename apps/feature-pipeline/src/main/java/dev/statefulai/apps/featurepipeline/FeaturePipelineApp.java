package dev.statefulai.apps.featurepipeline;

import dev.statefulai.app.NamedApp;
import dev.statefulai.app.values.StorageClassValues;
import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.pipeline.DataPipelineStorage;
import dev.statefulai.constructs.pipeline.DataPipelineStorageProps;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.storage.NfsCsi;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import dev.statefulai.app.values.DataProtection;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.app.values.StorageClassValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;

/**
 * Storage of a feature pipeline whose stage data already lives on EBS volumes (restored from snapshots
 * or kept from an earlier cluster), each a PersistentVolume bound to exactly one claim, and a
 * training dataset shared read-write by many pods on many nodes ({@code ReadWriteMany} on EFS): a new
 * EFS access point per environment, or an existing one. One {@link DataPipelineStorage} makes them
 * all, so every StorageClass appears once.
 */
public final class FeaturePipelineApp extends NamedApp<FeaturePipelineValues> {
    static final String NAME = "feature-pipeline";

    public FeaturePipelineApp() {
        super(NAME, FeaturePipelineValues.class);
    }

    @Override
    public void define(Chart chart, FeaturePipelineValues v, String environment) {
        StorageClassValues classValues = v.storageClass() != null ? v.storageClass() : StorageClassValues.defaults();
        List<FeaturePipelineValues.Volume> volumes = oneOrMore(v.volumes(), "volumes",
                "one or more volumes, each with name, volumeId, zone and persistence.size");
        StorageClassSpec classSpec = classValues.toSpec(NAME);
        if (!(classSpec.backend() instanceof AwsEbs ebs)) {
            throw new InvalidPropsException(NAME, "storageClass.backend", classValues.backend(),
                    "ebs or ebs-in-tree: the pipeline's volumes are existing EBS volumes");
        }
        List<PipelineVolume> pipelineVolumes = new ArrayList<>();
        for (FeaturePipelineValues.Volume volume : volumes) {
            String prop = "volumes[" + pipelineVolumes.size() + "]";
            PropSources.feeds(prop, volume);
            PropSources.feeds("EbsVolume", "", volume, null);
            pipelineVolumes.add(PersistenceValues.pipelineVolume(volume.persistence(), volume.name(), prop)
                    .volume(ebs.existingVolume(volume.volumeId(), volume.zone()))
                    .build());
        }
        if (v.sharedDataset() != null) {
            pipelineVolumes.add(sharedDataset(v.sharedDataset(), "volumes[" + pipelineVolumes.size() + "]"));
        }
        new DataPipelineStorage(chart, NAME, DataPipelineStorageProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .partOf(NAME)
                .storageClass(classSpec)
                .volumes(pipelineVolumes)
                .build());
        DataProtection.apply(chart, new DataProtection.App(NAME, environment, Map.of(), null), v.backup(), v.restore(), v.gitOps());
    }

    private static PipelineVolume sharedDataset(FeaturePipelineValues.SharedDataset d, String prop) {
        StorageClassValues classValues = d.storageClass() != null ? d.storageClass() : StorageClassValues.defaults();
        StorageClassValues.Backend kind = classValues.backendOrDefault();
        if (kind != StorageClassValues.Backend.EFS && kind != StorageClassValues.Backend.NFS) {
            throw new InvalidPropsException(NAME, "sharedDataset.storageClass.backend", kind.toString(),
                    "efs or nfs: a dataset many pods on many nodes write is a shared file system");
        }
        StorageClassSpec classSpec = classValues.toSpec(NAME + "-datasets");
        PreProvisionedVolume existing = null;
        if (d.existingVolume() != null) {
            existing = classSpec.backend() instanceof AwsEfs efs ? efs.existingVolume(d.existingVolume())
                    : nfsVolume((NfsCsi) classSpec.backend(), d.existingVolume());
        }
        PropSources.feeds(prop, d);
        return PersistenceValues.pipelineVolume(d.persistence(), d.name(), prop)
                .storageClass(classSpec)
                .accessModes(PersistenceValues.accessModesOr(d.persistence(), List.of(AccessMode.READ_WRITE_MANY)))
                .volume(existing)
                .build();
    }

    /** {@code server:/share}. */
    private static PreProvisionedVolume nfsVolume(NfsCsi nfs, String serverAndShare) {
        int colon = serverAndShare.indexOf(':');
        if (colon < 0) {
            throw new InvalidPropsException(NAME, "sharedDataset.existingVolume", serverAndShare,
                    "for nfs, the server and the exported path, such as nfs.internal:/exports/datasets");
        }
        return nfs.existingVolume(serverAndShare.substring(0, colon), serverAndShare.substring(colon + 1));
    }
}
