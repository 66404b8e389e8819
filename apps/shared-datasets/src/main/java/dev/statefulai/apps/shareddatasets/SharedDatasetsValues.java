package dev.statefulai.apps.shareddatasets;

import dev.statefulai.app.values.ExistingFileSystemValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.SharedFileSystemValues;
import java.util.List;

/**
 * Values of shared-datasets.
 *
 * @param namespace  namespace of the claims
 * @param fileSystem the class of the datasets' file systems: FSx for Lustre or Filestore
 * @param datasets   the datasets, each a claim every pod of the training and evaluation jobs mounts
 */
public record SharedDatasetsValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, SharedFileSystemValues fileSystem, List<Dataset> datasets) {

    /**
     * One dataset.
     *
     * @param name        claim name, e.g. {@code training-data}
     * @param persistence its {@code size} and {@code accessModes} (default {@code [ReadWriteMany]})
     * @param existing    an existing file system or share to bind instead of a new one
     * @param readOnly    publish the existing file system read-only to every pod; default false
     */
    public record Dataset(@Rule(Rule.Kind.DNS_LABEL) String name, PersistenceValues persistence, ExistingFileSystemValues existing,
                          Boolean readOnly) {
    }
}
