package dev.statefulai.app.values;

import dev.statefulai.constructs.KubernetesSpelled;

/**
 * Where a new claim's data comes from, as a claim's {@code spec.dataSource} and the
 * {@code persistence.dataSource} of Helm charts: a {@code VolumeSnapshot} to restore or a claim to clone,
 * in the claim's namespace.
 *
 * @param kind     {@code VolumeSnapshot} or {@code PersistentVolumeClaim}
 * @param name     the snapshot's or claim's name
 * @param apiGroup {@code snapshot.storage.k8s.io} for a snapshot, none for a claim; default as the kind needs
 */
public record DataSourceValues(Kind kind, @Rule(Rule.Kind.DNS_SUBDOMAIN) String name, ApiGroup apiGroup) {

    /** What a claim can be filled from. */
    public enum Kind implements KubernetesSpelled {
        /** A CSI snapshot ({@code snapshot.storage.k8s.io}). */
        VOLUME_SNAPSHOT,
        /** Another claim, cloned. */
        PERSISTENT_VOLUME_CLAIM;

        /** The Kubernetes spelling, {@code VolumeSnapshot} or {@code PersistentVolumeClaim}. */
        @Override
        public String toString() {
            return value();
        }
    }

    /** The API group of a {@code VolumeSnapshot}, the one group a data source here can name. */
    public enum ApiGroup {
        /** The CSI snapshot API. */
        SNAPSHOT_STORAGE_K8S_IO("snapshot.storage.k8s.io");

        private final String value;

        ApiGroup(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
