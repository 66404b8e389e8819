package dev.statefulai.constructs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.Manifests;
import java.util.List;
import java.util.Map;
import org.cdk8s.GroupVersionKind;
import org.cdk8s.plus28.k8s.ClientIpConfig;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.CustomResourceDefinitionNames;
import org.cdk8s.plus28.k8s.CustomResourceDefinitionSpec;
import org.cdk8s.plus28.k8s.CustomResourceDefinitionVersion;
import org.cdk8s.plus28.k8s.CustomResourceValidation;
import org.cdk8s.plus28.k8s.DownwardApiVolumeFile;
import org.cdk8s.plus28.k8s.DownwardApiVolumeSource;
import org.cdk8s.plus28.k8s.JsonSchemaProps;
import org.cdk8s.plus28.k8s.KubeConfigMap;
import org.cdk8s.plus28.k8s.KubeConfigMapProps;
import org.cdk8s.plus28.k8s.KubeCustomResourceDefinition;
import org.cdk8s.plus28.k8s.KubeCustomResourceDefinitionProps;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubePersistentVolumeProps;
import org.cdk8s.plus28.k8s.KubePod;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudget;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudgetProps;
import org.cdk8s.plus28.k8s.KubePodProps;
import org.cdk8s.plus28.k8s.KubeService;
import org.cdk8s.plus28.k8s.KubeServiceProps;
import org.cdk8s.plus28.k8s.KubeStatefulSet;
import org.cdk8s.plus28.k8s.KubeStatefulSetProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.ObjectFieldSelector;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PodSpec;
import org.cdk8s.plus28.k8s.ServiceSpec;
import org.cdk8s.plus28.k8s.SessionAffinityConfig;
import org.cdk8s.plus28.k8s.Volume;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

/** The Java side makes cdk8s's tree where the table of cdk8s-plus-28 matters: renamed fields, kinds. */
class ChartTreesTest {

    /** Objects with fields whose Kubernetes names are not their jsii names. */
    static final class Renamed extends RecordableConstruct {
        Renamed(Construct scope, String id) {
            super(scope, id);
            KubeObject.define(this, "service", KubeServiceProps.builder().metadata(ObjectMeta.builder().name("svc").build())
                    .spec(ServiceSpec.builder().clusterIp("None").clusterIPs(List.of("None")).sessionAffinityConfig(
                            SessionAffinityConfig.builder().clientIp(ClientIpConfig.builder().timeoutSeconds(30).build()).build())
                            .build()).build(), KubeService::new);
            KubeObject.define(this, "pod", KubePodProps.builder().metadata(ObjectMeta.builder().name("pod").build())
                    .spec(PodSpec.builder().hostIpc(true).setHostnameAsFqdn(true)
                            .containers(List.of(Container.builder().name("c").image("registry.example/c:1").build()))
                            .volumes(List.of(Volume.builder().name("labels").downwardApi(DownwardApiVolumeSource.builder()
                                    .items(List.of(DownwardApiVolumeFile.builder().path("labels")
                                            .fieldRef(ObjectFieldSelector.builder().fieldPath("metadata.labels").build()).build()))
                                    .build()).build()))
                            .build()).build(), KubePod::new);
            JsonSchemaProps mode = JsonSchemaProps.builder().type("string").enumValue(List.of("fast", "safe"))
                    .defaultValue("safe").build();
            KubeObject.define(this, "crd", KubeCustomResourceDefinitionProps.builder()
                    .metadata(ObjectMeta.builder().name("things.example.com").build())
                    .spec(CustomResourceDefinitionSpec.builder().group("example.com").scope("Namespaced")
                            .names(CustomResourceDefinitionNames.builder().kind("Thing").plural("things").build())
                            .versions(List.of(CustomResourceDefinitionVersion.builder().name("v1").served(true).storage(true)
                                    .schema(CustomResourceValidation.builder().openApiv3Schema(JsonSchemaProps.builder()
                                            .type("object").xKubernetesPreserveUnknownFields(true)
                                            .properties(Map.of("mode", mode)).build()).build())
                                    .build()))
                            .build()).build(), KubeCustomResourceDefinition::new);
        }
    }

    @Test
    void fieldsAreWrittenByTheirKubernetesNames() {
        assertNull(Recording.record(null, RuntimeException.class, c -> new Renamed(c, "renamed")).unsupported(), "rendered on the Java side");
        // Manifests.synth also checks that the Java side made the tree cdk8s made.
        Manifests manifests = Manifests.synth(c -> new Renamed(c, "renamed"));
        assertEquals("None", manifests.at("Service", "spec.clusterIP"));
        assertEquals(List.of("None"), manifests.at("Service", "spec.clusterIPs"));
        assertEquals(30, manifests.at("Service", "spec.sessionAffinityConfig.clientIP.timeoutSeconds"));
        assertEquals(true, manifests.at("Pod", "spec.hostIPC"));
        assertEquals(true, manifests.at("Pod", "spec.setHostnameAsFQDN"));
        assertEquals("labels", manifests.at("Pod", "spec.volumes[0].downwardAPI.items[0].path"));
        String schema = "spec.versions[0].schema.openAPIV3Schema";
        assertEquals(true, manifests.at("CustomResourceDefinition", schema + "['x-kubernetes-preserve-unknown-fields']"));
        assertEquals(List.of("fast", "safe"), manifests.at("CustomResourceDefinition", schema + ".properties.mode.enum"));
        assertEquals("safe", manifests.at("CustomResourceDefinition", schema + ".properties.mode.default"));
    }

    @Test
    void kindsAreTheL1ClassesGvks() {
        Map<Class<?>, GroupVersionKind> l1 = Map.of(
                KubeStorageClassProps.class, KubeStorageClass.GVK,
                KubePersistentVolumeProps.class, KubePersistentVolume.GVK,
                KubePersistentVolumeClaimProps.class, KubePersistentVolumeClaim.GVK,
                KubeServiceProps.class, KubeService.GVK,
                KubeStatefulSetProps.class, KubeStatefulSet.GVK,
                KubePodDisruptionBudgetProps.class, KubePodDisruptionBudget.GVK,
                KubeConfigMapProps.class, KubeConfigMap.GVK,
                KubePodProps.class, KubePod.GVK,
                KubeCustomResourceDefinitionProps.class, KubeCustomResourceDefinition.GVK);
        l1.forEach((props, gvk) -> assertEquals(new Cdk8sPlusTable.Kind(gvk.getApiVersion(), gvk.getKind()),
                Cdk8sPlusTable.kindOf(props), props.getSimpleName()));
        assertNull(Cdk8sPlusTable.kindOf(ServiceSpec.class));
    }
}
