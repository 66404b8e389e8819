package dev.statefulai.constructs.attributes;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.cluster.TargetCluster;
import dev.statefulai.constructs.render.CustomObjectConstruct;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A {@code VolumeAttributesClass} (cluster-scoped): mutable parameters of a CSI driver's volumes, such as IOPS and
 * throughput, that a claim names by {@code volumeAttributesClassName} (see the claim builders); naming another
 * class later makes the driver modify the volume in place (KEP-3751; Kubernetes documentation, "Volume Attributes
 * Classes"). Written at the API version the environment's cluster serves ({@link TargetCluster}):
 * {@code storage.k8s.io/v1} from Kubernetes 1.34, {@code v1beta1} on 1.31 to 1.33 and {@code v1alpha1} on 1.29 and
 * 1.30 when the cluster turns the VolumeAttributesClass feature gate on (and the API version in its
 * {@code --runtime-config}); refused on a cluster without it.
 */
public class VolumeAttributesClass extends CustomObjectConstruct {
    /** The Kubernetes API's limit on a class's parameters (the documentation's "at most 512 parameters"). */
    static final int MAX_PARAMETERS = 512;

    private final String driverName;
    private final String apiVersion;

    public VolumeAttributesClass(Construct scope, String id, VolumeAttributesClassProps props) {
        super(scope, id, Validate.dnsSubdomain(construct(props, id), "name", props.name()));
        String construct = construct(props, id);
        StorageBackend backend = Validate.required(construct, "backend", props.backend(),
                "a backend whose CSI driver modifies volumes, such as AwsEbs.gp3()");
        this.driverName = backend.driver().csiDriver();
        if (driverName == null) {
            Refusals.refuse(new InvalidPropsException(construct, "backend", backend.displayName(),
                    "a backend with a CSI driver: a VolumeAttributesClass is applied by the driver's ModifyVolume call"));
        }
        if (props.parameters().isEmpty() || props.parameters().size() > MAX_PARAMETERS) {
            Refusals.refuse(new InvalidPropsException(construct, "parameters", props.parameters().size() + " parameters",
                    "1 to " + MAX_PARAMETERS + " driver parameters, e.g. iops: \"6000\" on AWS EBS"));
        }
        props.parameters().forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                Refusals.refuse(new InvalidPropsException(construct, "parameters", String.valueOf(k), "driver parameters with a key and a value"));
            }
        });
        ClusterTarget target = TargetCluster.current();
        TargetCluster.requires(FeatureGate.VOLUME_ATTRIBUTES_CLASS, construct, "target", target.describe());
        this.apiVersion = apiVersionFor(target.version());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("driverName", driverName);
        fields.put("parameters", props.parameters());
        define(apiVersion, "VolumeAttributesClass", ApiObjectMetadata.builder().name(getName()).build(), fields, true);
    }

    private static String construct(VolumeAttributesClassProps props, String id) {
        return "VolumeAttributesClass '" + (props.name() == null ? id : props.name()) + "'";
    }

    /**
     * The API version of VolumeAttributesClass that Kubernetes {@code version} serves: {@code v1} from 1.34
     * (storage/v1/types.go), {@code v1beta1} from 1.31 (storage/v1beta1/types.go), else {@code v1alpha1} (1.29).
     */
    static String apiVersionFor(KubernetesVersion version) {
        return version.atLeast(KubernetesVersion.of(34)) ? "storage.k8s.io/v1"
                : version.atLeast(KubernetesVersion.of(31)) ? "storage.k8s.io/v1beta1" : "storage.k8s.io/v1alpha1";
    }

    /** Its kind, the API version it is written at and its driver. */
    @Override
    public Map<String, Object> outputs() {
        return Map.of("kind", "VolumeAttributesClass", "apiVersion", apiVersion, "driverName", driverName);
    }
}
