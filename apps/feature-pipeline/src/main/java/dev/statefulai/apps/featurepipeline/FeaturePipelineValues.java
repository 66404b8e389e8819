package dev.statefulai.apps.featurepipeline;

import dev.statefulai.app.values.BackupValues;
import dev.statefulai.app.values.GitOpsValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.RestoreValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.StorageClassValues;
import java.util.List;

/**
 * Values of the feature pipeline's storage.
 *
 * @param namespace     namespace of the claims
 * @param storageClass  the class the stage volumes belong to
 * @param volumes       the pipeline's stage volumes, each on an existing EBS volume
 * @param sharedDataset the training dataset many pods share read-write; none: no shared dataset
 * @param backup        scheduled backups of the volumes (a shared dataset on EFS, which takes no CSI snapshots, is backed up
 *                      {@code elsewhere}); none: no backups
 * @param restore       restore the volumes from a Velero backup; none: no restore
 * @param gitOps        which objects Argo CD and Flux must never delete; default those that keep data
 */
public record FeaturePipelineValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, StorageClassValues storageClass, List<Volume> volumes,
                                    SharedDataset sharedDataset, BackupValues backup, RestoreValues restore, GitOpsValues gitOps) {

    /**
     * One stage volume of the pipeline.
     *
     * @param name        claim name, e.g. {@code raw-events}
     * @param persistence the volume: its {@code size}, the EBS volume's (and {@code accessModes}; a pipeline's claims are
     *                    bound to their volumes, so the other keys are refused)
     * @param volumeId    the EBS volume id
     * @param zone        the volume's availability zone
     */
    public record Volume(@Rule(Rule.Kind.DNS_LABEL) String name, PersistenceValues persistence, String volumeId, String zone) {
    }

    /**
     * A dataset shared read-write ({@code ReadWriteMany}) by many pods.
     *
     * @param name           claim name, e.g. {@code training-datasets}
     * @param persistence    the claim: its {@code size} (EFS and NFS do not enforce it) and {@code accessModes} (default
     *                       {@code [ReadWriteMany]})
     * @param storageClass   its class: backend {@code efs} (with a {@code fileSystemId} for a new access point per
     *                       claim) or {@code nfs} (with a {@code server} and {@code share})
     * @param existingVolume an existing volume instead of a new one: an EFS handle such as
     *                       {@code fs-0123456789abcdef0::fsap-0123456789abcdef0}, or {@code server:/path} on NFS
     */
    public record SharedDataset(@Rule(Rule.Kind.DNS_LABEL) String name, PersistenceValues persistence,
                                StorageClassValues storageClass, String existingVolume) {
    }
}
