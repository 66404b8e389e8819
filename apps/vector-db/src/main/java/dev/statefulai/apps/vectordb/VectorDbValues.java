package dev.statefulai.apps.vectordb;

import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.ResourcesValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.StorageClassValues;
import dev.statefulai.app.values.VolumeAttributesClassValues;
import dev.statefulai.app.values.VolumeSnapshotClassValues;
import java.util.List;

/**
 * Values of the vector database. Keys left out keep the construct defaults.
 *
 * @param namespace         namespace of the database
 * @param image             the Qdrant image, pinned
 * @param replicas          number of database nodes
 * @param resources         CPU and memory per node
 * @param persistence       each node's data volume ({@code persistence.size}, as in Qdrant's own Helm chart)
 * @param storageClass      the class to create for the volumes (a volume's {@code storageClass} names another)
 * @param snapshotPersistence each node's snapshot volume; none: no snapshot volume
 * @param snapshotClass     the VolumeSnapshotClass for the data volumes' driver, for backups by volume snapshot;
 *                          none: no class
 * @param volumeAttributesClasses VolumeAttributesClasses (IOPS, throughput) for the data volumes' driver, which a
 *                          volume's {@code volumeAttributesClass} names; only where the environment's cluster serves them
 */
public record VectorDbValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, String image, @Rule(Rule.Kind.POSITIVE) Integer replicas,
                             ResourcesValues resources, PersistenceValues persistence, StorageClassValues storageClass,
                             PersistenceValues snapshotPersistence, VolumeSnapshotClassValues snapshotClass,
                             List<VolumeAttributesClassValues> volumeAttributesClasses) {
}
