package dev.statefulai.constructs.attributes;

import dev.statefulai.constructs.storage.StorageBackend;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link VolumeAttributesClass}, all required.
 *
 * @param name       the class name (cluster-wide), a DNS-1123 subdomain: what a claim's {@code volumeAttributesClassName} names
 * @param backend    the backend whose CSI driver applies the parameters (the class's {@code driverName}), e.g.
 *                   {@code AwsEbs.gp3()}: a CSI driver that implements ModifyVolume (the AWS EBS CSI driver does, from
 *                   v1.19, docs/modify-volume.md)
 * @param parameters the driver's parameters, e.g. {@code iops: "6000"} and {@code throughput: "250"} on AWS EBS (which
 *                   takes {@code type}, {@code iops}, {@code throughput} and {@code tagSpecification_<n>},
 *                   docs/modify-volume.md); 1 to 512 (the Kubernetes API's limit); immutable once applied: a change is a
 *                   new class
 */
public record VolumeAttributesClassProps(String name, StorageBackend backend, Map<String, String> parameters) {
    public VolumeAttributesClassProps {
        parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
    }
}
