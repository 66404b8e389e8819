package dev.statefulai.app.values;

import dev.statefulai.constructs.attributes.VolumeAttributesClass;
import dev.statefulai.constructs.attributes.VolumeAttributesClassProps;
import dev.statefulai.constructs.storage.StorageBackend;
import java.util.Map;
import software.constructs.Construct;

/**
 * A VolumeAttributesClass in values files, for the driver of the app's storage class: parameters such as IOPS and
 * throughput that a volume's {@code persistence.volumeAttributesClass} names, and that the driver changes in place
 * when a claim names another class. Only in an environment whose cluster serves the API ({@code environments/<env>.yaml}:
 * Kubernetes 1.34, or 1.31 to 1.33 with the VolumeAttributesClass feature gate); refused elsewhere.
 *
 * @param name       the class name
 * @param parameters the driver's parameters, e.g. {@code iops: "6000"} and {@code throughput: "250"} on AWS EBS
 */
public record VolumeAttributesClassValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String name, Map<String, String> parameters) {

    /** The construct under {@code scope}, for {@code backend}'s driver. */
    public VolumeAttributesClass addTo(Construct scope, String id, StorageBackend backend) {
        PropSources.feeds("VolumeAttributesClass '" + (name != null ? name : id) + "'", "", this, null);
        return new VolumeAttributesClass(scope, id, new VolumeAttributesClassProps(name, backend, parameters));
    }
}
