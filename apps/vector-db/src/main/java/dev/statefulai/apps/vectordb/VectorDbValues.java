package dev.statefulai.apps.vectordb;

import dev.statefulai.app.values.BackupValues;
import dev.statefulai.app.values.GitOpsValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PodValues;
import dev.statefulai.app.values.RestoreValues;
import dev.statefulai.app.values.ResourcesValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.StorageClassValues;
import dev.statefulai.app.values.VolumeAttributesClassValues;
import dev.statefulai.app.values.VolumeSnapshotClassValues;
import dev.statefulai.app.values.VolumeTierValues;
import java.util.List;

/**
 * Values of the vector database. Keys left out keep the construct defaults.
 *
 * @param namespace         namespace of the database
 * @param image             the Qdrant image, pinned: an {@code -unprivileged} tag (the Qdrant preset runs it as user 1000)
 * @param replicas          number of database nodes
 * @param resources         CPU and memory per node
 * @param persistence       each node's data volume ({@code persistence.size}, as in Qdrant's own Helm chart)
 * @param storageClass      the class to create for the volumes (a volume's {@code storageClass} names another)
 * @param snapshotPersistence each node's snapshot volume; none: no snapshot volume
 * @param snapshotClass     the VolumeSnapshotClass for the data volumes' driver, for backups by volume snapshot;
 *                          none: no class
 * @param volumeTier        move the existing data volumes to this EBS tier in place (one change per volume in six hours);
 *                          none: the class's tier
 * @param pod               scratch directories, root file system, image pull policy and digests, spread over nodes
 * @param backup            scheduled backups of the nodes' volumes, consistent: before each, every collection is
 *                          snapshotted through Qdrant's API (onto the snapshot volume, else into the data volume); none: no backups
 * @param restore           restore the nodes' volumes from a Velero backup or from snapshots; none: no restore
 * @param gitOps            which objects Argo CD and Flux must never delete; default those that keep data
 * @param volumeAttributesClasses VolumeAttributesClasses (IOPS, throughput) for the data volumes' driver, which a
 *                          volume's {@code volumeAttributesClass} names; only where the environment's cluster serves them
 */
public record VectorDbValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, String image, @Rule(Rule.Kind.POSITIVE) Integer replicas,
                             ResourcesValues resources, PersistenceValues persistence, StorageClassValues storageClass,
                             PersistenceValues snapshotPersistence, VolumeSnapshotClassValues snapshotClass, VolumeTierValues volumeTier,
                             PodValues pod, BackupValues backup, RestoreValues restore, GitOpsValues gitOps,
                             List<VolumeAttributesClassValues> volumeAttributesClasses) {
}
