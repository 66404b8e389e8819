package dev.statefulai.constructs.attributes;

import dev.statefulai.constructs.storage.StorageBackend;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link VolumeAttributesClass}. Required: {@code name}, {@code backend} and {@code parameters}.
 */
public final class VolumeAttributesClassProps {
    final String name;
    final StorageBackend backend;
    final Map<String, String> parameters;
    final Map<String, String> labels;

    private VolumeAttributesClassProps(Builder b) {
        this.name = b.name;
        this.backend = b.backend;
        this.parameters = b.parameters == null ? Map.of() : new TreeMap<>(b.parameters);
        this.labels = b.labels == null ? Map.of() : new TreeMap<>(b.labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link VolumeAttributesClassProps}. */
    public static final class Builder {
        private String name;
        private StorageBackend backend;
        private Map<String, String> parameters;
        private Map<String, String> labels;

        /** Required. The class name (cluster-wide), a DNS-1123 subdomain: what a claim's {@code volumeAttributesClassName} names. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Required. The backend whose CSI driver applies the parameters (the class's {@code driverName}), e.g.
         * {@code AwsEbs.gp3()}: a CSI driver that implements ModifyVolume (the AWS EBS CSI driver does, from v1.19,
         * docs/modify-volume.md).
         */
        public Builder backend(StorageBackend backend) {
            this.backend = backend;
            return this;
        }

        /**
         * Required. The driver's parameters, e.g. {@code iops: "6000"} and {@code throughput: "250"} on AWS EBS (which
         * takes {@code type}, {@code iops}, {@code throughput} and {@code tagSpecification_<n>}, docs/modify-volume.md);
         * at most 512 (the Kubernetes API's limit). Immutable once applied: a change is a new class.
         */
        public Builder parameters(Map<String, String> parameters) {
            this.parameters = parameters;
            return this;
        }

        /** Labels on the class. Default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public VolumeAttributesClassProps build() {
            return new VolumeAttributesClassProps(this);
        }
    }
}
