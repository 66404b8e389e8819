package dev.statefulai.apps.shareddatasets;

import dev.statefulai.app.NamedApp;
import dev.statefulai.app.values.DataProtection;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.pipeline.DataPipelineStorage;
import dev.statefulai.constructs.pipeline.DataPipelineStorageProps;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;

/**
 * Datasets that many training and evaluation pods on many nodes read and write at once, on a parallel or shared
 * file system: FSx for Lustre on AWS (linked to an S3 repository it loads from and exports to), Filestore on GKE.
 * A dataset is a new file system per claim (dynamic), or an existing one bound to exactly its claim (static),
 * optionally published read-only; every claim is {@code ReadWriteMany} unless the values say otherwise. One
 * {@link DataPipelineStorage}, so that the class is written once.
 */
public final class SharedDatasetsApp extends NamedApp<SharedDatasetsValues> {
    static final String NAME = "shared-datasets";

    public SharedDatasetsApp() {
        super(NAME, SharedDatasetsValues.class);
    }

    @Override
    public void define(Chart chart, SharedDatasetsValues v, String environment) {
        List<SharedDatasetsValues.Dataset> datasets = oneOrMore(v.datasets(), "datasets", "one or more datasets, each with name and persistence.size");
        if (v.fileSystem() == null) {
            throw new InvalidPropsException(NAME, "fileSystem", null, "a file system class with backend fsx-lustre or filestore");
        }
        StorageClassSpec classSpec = v.fileSystem().toSpec(NAME);
        List<PipelineVolume> volumes = new ArrayList<>();
        for (SharedDatasetsValues.Dataset dataset : datasets) {
            // Where each prop comes from, so that a refusal names the values key: the storage's volumes[0] is datasets[0].
            String prop = "volumes[" + volumes.size() + "]";
            PropSources.feeds(prop, dataset);
            PipelineVolume.Builder volume = PersistenceValues.pipelineVolume(dataset.persistence(), dataset.name(), prop)
                    .accessModes(PersistenceValues.accessModesOr(dataset.persistence(), List.of(AccessMode.READ_WRITE_MANY)))
                    .readOnly(Boolean.TRUE.equals(dataset.readOnly()));
            if (dataset.existing() != null) {
                volume.volume(v.fileSystem().existing(dataset.existing()));
            }
            volumes.add(volume.build());
        }
        new DataPipelineStorage(chart, NAME, DataPipelineStorageProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .partOf(NAME)
                .storageClass(classSpec)
                .volumes(volumes)
                .build());
        DataProtection.apply(chart, new DataProtection.App(NAME, environment, Map.of(), null), v.backup(), null, v.gitOps());
    }
}
