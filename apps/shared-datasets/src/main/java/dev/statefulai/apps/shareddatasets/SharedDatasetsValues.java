package dev.statefulai.apps.shareddatasets;

import dev.statefulai.app.values.BackupValues;
import dev.statefulai.app.values.ExistingFileSystemValues;
import dev.statefulai.app.values.GitOpsValues;
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
 * @param backup     scheduled backups; file systems without CSI snapshots are named in {@code backup.elsewhere} with what
 *                   keeps their data; none: no backups
 * @param gitOps     which objects Argo CD and Flux must never delete; default those that keep data
 */
public record SharedDatasetsValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, SharedFileSystemValues fileSystem, List<Dataset> datasets,
                                   BackupValues backup, GitOpsValues gitOps) {

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
