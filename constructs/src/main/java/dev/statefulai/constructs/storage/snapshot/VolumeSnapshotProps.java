package dev.statefulai.constructs.storage.snapshot;

import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link VolumeSnapshot}. Required: {@code name} and {@code claimName}; everything else has a
 * default documented on its builder method.
 */
public final class VolumeSnapshotProps {
    final String name;
    final String namespace;
    final String claimName;
    final String snapshotClassName;
    final Map<String, String> labels;

    private VolumeSnapshotProps(Builder b) {
        this.name = b.name;
        this.namespace = b.namespace;
        this.claimName = b.claimName;
        this.snapshotClassName = b.snapshotClassName;
        this.labels = b.labels == null ? Map.of() : new TreeMap<>(b.labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link VolumeSnapshotProps}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private String claimName;
        private String snapshotClassName;
        private Map<String, String> labels;

        /** Required. The snapshot's name, a DNS-1123 subdomain, e.g. {@code features-2024-06-01}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The namespace of the snapshot, which must be the claim's. Default: the chart's namespace, else
         * none (the namespace kubectl or the GitOps engine applies to).
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Required. The claim to snapshot (in the same namespace). */
        public Builder claimName(String claimName) {
            this.claimName = claimName;
            return this;
        }

        /** The VolumeSnapshotClass to use. Default none: the cluster's default class for the claim's driver. */
        public Builder snapshotClassName(String snapshotClassName) {
            this.snapshotClassName = snapshotClassName;
            return this;
        }

        /** The class to use, by its construct. Default none (see {@link #snapshotClassName(String)}). */
        public Builder snapshotClass(VolumeSnapshotClass snapshotClass) {
            this.snapshotClassName = snapshotClass == null ? null : snapshotClass.getName();
            return this;
        }

        /** Labels on the object. Default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public VolumeSnapshotProps build() {
            return new VolumeSnapshotProps(this);
        }
    }
}
