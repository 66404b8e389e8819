package dev.statefulai.constructs.workload;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.LocalVolume;
import dev.statefulai.constructs.storage.PreProvisionedVolume;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Shared claims, the full claim spec, growing claims and pre-provisioned volumes of several templates. */
class StatefulAIAppClaimsTest {
    private static final String POD = "spec.template.spec";
    private static final String CONTAINER = POD + ".containers[0]";
    private static final String ERR = "StatefulAIApp 'llm': ";
    private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "llm");

    private static StatefulAIAppProps.Builder app(ClaimTemplate... templates) {
        return StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3").claimTemplates(templates);
    }

    private static ClaimTemplate.Builder claim(String name) {
        return ClaimTemplate.builder().name(name).mountPath("/" + name).size("100Gi");
    }

    private static Manifests synth(String namespace, StatefulAIAppProps.Builder props) {
        return Manifests.synth(namespace, chart -> new StatefulAIApp(chart, "app", props.build()));
    }

    private static Manifests synth(StatefulAIAppProps.Builder props) {
        return synth(null, props);
    }

    private static StatefulAIApp build(StatefulAIAppProps.Builder props) {
        return new StatefulAIApp(Manifests.chart(null), "app", props.build());
    }

    private static StorageClassSpec localClass() {
        return StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).build();
    }

    private static List<PreProvisionedVolume> localVolumes(int count) {
        return IntStream.range(0, count).mapToObj(i -> (PreProvisionedVolume) LocalVolume.on("gpu-node-" + i, "/mnt/nvme0")).toList();
    }

    @Nested
    class SharedClaims {
        @Test
        void anExistingReadWriteManyClaimIsMountedReadOnlyByEveryReplica() {
            ClaimTemplate models = claim("models").size(null).existingClaim("models-rwx").accessModes(AccessMode.READ_WRITE_MANY).build();
            Manifests m = synth(app(models).replicas(3));
            assertEquals(List.of("Service", "StatefulSet", "PodDisruptionBudget"), m.kinds());
            Map<String, Object> sts = m.one("StatefulSet");
            assertNull(Manifests.at(sts, "spec.volumeClaimTemplates"));
            assertEquals(List.of(Map.of("name", "models", "persistentVolumeClaim", Map.of("claimName", "models-rwx", "readOnly", true)),
                    Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi"))), Manifests.at(sts, POD + ".volumes"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models", "readOnly", true), Map.of("name", "tmp", "mountPath", "/tmp")),
                    Manifests.at(sts, CONTAINER + ".volumeMounts"));
        }

        @Test
        void aSharedClaimTheAppCreatesIsOneClaimNamedAfterTemplateAndApp() {
            ClaimTemplate models = claim("models").shared(true).accessModes(AccessMode.READ_ONLY_MANY).storageClassName("efs")
                    .cloneFromClaim("models-golden").labels(Map.of("team", "ml")).build();
            Manifests m = synth("ml", app(claim("scratch").build(), models).replicas(2));
            Map<String, Object> pvc = m.one("PersistentVolumeClaim");
            assertEquals(Map.of("name", "models-llm", "namespace", "ml", "labels", Map.of(
                    "app.kubernetes.io/name", "llm", "app.kubernetes.io/managed-by", "cdk8s", "team", "ml")), pvc.get("metadata"));
            assertEquals(Map.of(
                    "accessModes", List.of("ReadOnlyMany"),
                    "volumeMode", "Filesystem",
                    "storageClassName", "efs",
                    "resources", Map.of("requests", Map.of("storage", "100Gi")),
                    "dataSource", Map.of("kind", "PersistentVolumeClaim", "name", "models-golden")), pvc.get("spec"));
            Map<String, Object> sts = m.one("StatefulSet");
            assertEquals(List.of("scratch"), ((List<?>) Manifests.at(sts, "spec.volumeClaimTemplates")).stream()
                    .map(t -> Manifests.at(t, "metadata.name")).toList());
            assertEquals(Map.of("claimName", "models-llm", "readOnly", true), Manifests.at(sts, POD + ".volumes[0].persistentVolumeClaim"));
            StatefulAIApp built = build(app(claim("scratch").build(), models).replicas(2));
            assertEquals(Map.of("models", List.of("models-llm"), "scratch", List.of("scratch-llm-0", "scratch-llm-1")), built.getClaimNames());
            assertEquals(1, built.getClaims().size());
        }

        @Test
        void aReadWriteOnceSharedClaimIsFineWithOneReplica() {
            ClaimTemplate models = claim("models").size(null).existingClaim("models").build();
            assertEquals(Map.of("models", List.of("models")), build(app(models)).getClaimNames());
        }

        @Test
        void rejectsASharedReadWriteOnceClaimForSeveralReplicas() {
            ClaimTemplate models = claim("models").size(null).existingClaim("models").build();
            assertInvalid(ERR + "prop 'claimTemplates[0].accessModes' is '[ReadWriteOnce]'; allowed: ReadWriteMany or ReadOnlyMany for a "
                            + "claim that 3 replicas share: a ReadWriteOnce volume attaches to one node, and replicas on other nodes fail "
                            + "with a Multi-Attach error; or give each replica its own claim (neither shared nor existingClaim)",
                    () -> build(app(models).replicas(3)));
            ClaimTemplate created = claim("models").shared(true).accessModes(AccessMode.READ_WRITE_ONCE_POD).build();
            assertInvalid(ERR + "prop 'claimTemplates[0].accessModes' is '[ReadWriteOncePod]'; allowed: ReadWriteMany or ReadOnlyMany for a "
                            + "claim that 2 replicas share: a ReadWriteOnce volume attaches to one node, and replicas on other nodes fail "
                            + "with a Multi-Attach error; or give each replica its own claim (neither shared nor existingClaim)",
                    () -> build(app(created).replicas(2)));
        }

        @Test
        void rejectsASharedReadWriteManyClaimOnAClassThatCannotGiveIt() {
            StorageClassSpec ebs = StorageClassSpec.builder().name("fast-ebs").backend(AwsEbs.gp3()).build();
            ClaimTemplate models = claim("models").shared(true).accessModes(AccessMode.READ_WRITE_MANY).build();
            assertInvalid(ERR + "prop 'claimTemplates[0].accessModes' is 'ReadWriteMany'; allowed: what AWS EBS gp3 (ebs.csi.aws.com) "
                    + "can give: [ReadWriteOnce, ReadWriteOncePod]", () -> build(app(models).replicas(2)
                            .storage(StorageProps.builder().storageClass(ebs).build())));
        }
    }

    @Nested
    class ClaimSpec {
        @Test
        void everyOptionOfATemplateIsWritten() {
            ClaimTemplate models = claim("models").storageClassName("").volumeName("pv-models").selector(Map.of("dataset", "llama"))
                    .labels(Map.of("team", "ml")).annotations(Map.of("backup.example.com/schedule", "daily"))
                    .restoreFromSnapshot("models-snap").subPath("weights").readOnly(true).build();
            Map<String, Object> sts = synth(app(models)).one("StatefulSet");
            assertEquals(Map.of(
                    "metadata", Map.of("name", "models", "labels", Map.of("app.kubernetes.io/name", "llm", "team", "ml"),
                            "annotations", Map.of("backup.example.com/schedule", "daily")),
                    "spec", Map.of(
                            "accessModes", List.of("ReadWriteOnce"),
                            "volumeMode", "Filesystem",
                            "storageClassName", "",
                            "volumeName", "pv-models",
                            "selector", Map.of("matchLabels", Map.of("dataset", "llama")),
                            "dataSource", Map.of("apiGroup", "snapshot.storage.k8s.io", "kind", "VolumeSnapshot", "name", "models-snap"),
                            "resources", Map.of("requests", Map.of("storage", "100Gi")))),
                    Manifests.at(sts, "spec.volumeClaimTemplates[0]"));
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models", "readOnly", true, "subPath", "weights"),
                            Map.of("name", "tmp", "mountPath", "/tmp")), Manifests.at(sts, CONTAINER + ".volumeMounts"));
        }

        @Test
        void rejectsAVolumeNameOnAPerReplicaTemplateOfSeveralReplicas() {
            assertInvalid(ERR + "prop 'claimTemplates[0].volumeName' is 'pv-models'; allowed: none on a per-replica template of 2 replicas: "
                            + "one PersistentVolume binds one claim, so the other replicas stay Pending; use selector, or a shared claim",
                    () -> build(app(claim("models").volumeName("pv-models").build()).replicas(2)));
        }
    }

    @Nested
    class Growth {
        private final StorageClassSpec ebs = StorageClassSpec.builder().name("fast-ebs").backend(AwsEbs.gp3()).build();

        @Test
        void writesEveryReplicasClaimWithTheLargerRequestAndKeepsTheTemplate() {
            ClaimTemplate models = claim("models").labels(Map.of("team", "ml")).build();
            Manifests m = synth("ml", app(models, claim("scratch").build()).replicas(3)
                    .storage(StorageProps.builder().storageClass(ebs).growClaimsTo("models", "200Gi").build()));
            assertEquals(List.of("StorageClass", "Service", "StatefulSet", "PodDisruptionBudget",
                    "PersistentVolumeClaim", "PersistentVolumeClaim", "PersistentVolumeClaim"), m.kinds());
            assertEquals("100Gi", m.at("StatefulSet", "spec.volumeClaimTemplates[0].spec.resources.requests.storage"));
            List<Map<String, Object>> pvcs = m.all("PersistentVolumeClaim");
            for (int i = 0; i < 3; i++) {
                assertEquals(Map.of("name", "models-llm-" + i, "namespace", "ml",
                        "labels", Map.of("app.kubernetes.io/name", "llm", "team", "ml")), pvcs.get(i).get("metadata"));
                assertEquals(Map.of(
                        "accessModes", List.of("ReadWriteOnce"),
                        "volumeMode", "Filesystem",
                        "storageClassName", "fast-ebs",
                        "resources", Map.of("requests", Map.of("storage", "200Gi"))), pvcs.get(i).get("spec"));
            }
            StatefulAIApp built = build(app(models).replicas(3)
                    .storage(StorageProps.builder().storageClass(ebs).growClaimsTo("models", "200Gi").build()));
            assertEquals(Map.of("models", "200Gi"), built.outputs().get("grownClaims"));
            assertEquals(3, built.getClaims().size());
        }

        @Test
        void aClassTheAppDoesNotCreateIsTheClustersToJudge() {
            Manifests m = synth(app(claim("models").storageClassName("gp3").build())
                    .storage(StorageProps.builder().growClaimsTo("models", "1Ti").build()));
            assertEquals("gp3", m.at("PersistentVolumeClaim", "spec.storageClassName"));
            assertEquals("1Ti", m.at("PersistentVolumeClaim", "spec.resources.requests.storage"));
            assertEquals("models-llm-0", m.at("PersistentVolumeClaim", "metadata.name"));
        }

        @Test
        void withoutGrowthThereAreNoClaimObjects() {
            StatefulAIApp built = build(app(claim("models").build()));
            assertEquals(List.of(), built.getClaims());
            assertFalse(built.outputs().containsKey("grownClaims"));
        }

        @Test
        void rejectsAnUnknownTemplate() {
            assertInvalid(ERR + "prop 'growClaimsTo['model']' is '200Gi'; allowed: the name of a per-replica claim template: [models]",
                    () -> build(app(claim("models").build())
                            .storage(StorageProps.builder().growClaimsTo("model", "200Gi").build())));
        }

        @Test
        void rejectsASharedTemplate() {
            ClaimTemplate models = claim("models").shared(true).accessModes(AccessMode.READ_WRITE_MANY).build();
            assertInvalid(ERR + "prop 'growClaimsTo['models']' is '200Gi'; allowed: a per-replica claim template; 'models' is one shared "
                    + "claim: raise its size (or the existing claim's) instead", () -> build(app(models)
                            .storage(StorageProps.builder().growClaimsTo("models", "200Gi").build())));
        }

        @Test
        void rejectsASizeThatDoesNotGrow() {
            for (String size : List.of("100Gi", "50Gi", "100G")) {
                assertInvalid(ERR + "prop 'growClaimsTo['models']' is '" + size + "'; allowed: more than the template's 100Gi: claims never "
                        + "shrink, and the same size changes nothing", () -> build(app(claim("models").build())
                                .storage(StorageProps.builder().growClaimsTo("models", size).build())));
            }
            assertInvalid(ERR + "prop 'growClaimsTo['models']' is '200GB'; allowed: " + Messages.SIZE,
                    () -> build(app(claim("models").build())
                            .storage(StorageProps.builder().growClaimsTo("models", "200GB").build())));
        }

        @Test
        void rejectsNoClass() {
            assertInvalid(ERR + "prop 'growClaimsTo['models']' is '200Gi'; allowed: a claim template with a StorageClass that allows volume "
                            + "expansion; 'models' has no class (\"\"), and pre-provisioned volumes without a class never grow",
                    () -> build(app(claim("models").storageClassName("").build())
                            .storage(StorageProps.builder().growClaimsTo("models", "200Gi").build())));
        }

        @Test
        void rejectsTheAppsClassWhenItsBackendCannotGrow() {
            assertInvalid(ERR + "prop 'growClaimsTo['models']' is '200Gi'; allowed: a claim template on a StorageClass that allows volume "
                            + "expansion; the app's StorageClass 'local-nvme' (local disks (kubernetes.io/no-provisioner)) does not",
                    () -> build(app(claim("models").build())
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).growClaimsTo("models", "200Gi").build())));
        }

        @Test
        void rejectsTheAppsClassWhenExpansionIsTurnedOff() {
            StorageClassSpec fixed = StorageClassSpec.builder().name("fixed-ebs").backend(AwsEbs.gp3()).allowVolumeExpansion(false).build();
            assertInvalid(ERR + "prop 'growClaimsTo['models']' is '200Gi'; allowed: a claim template on a StorageClass that allows volume "
                            + "expansion; the app's StorageClass 'fixed-ebs' (AWS EBS gp3 (ebs.csi.aws.com)) does not",
                    () -> build(app(claim("models").build())
                            .storage(StorageProps.builder().storageClass(fixed).growClaimsTo("models", "200Gi").build())));
        }
    }

    @Nested
    class PreProvisionedVolumes {
        @Test
        void templatesOnTheClassWithTheSameModesShareTheVolumes() {
            Manifests m = synth(app(claim("models").build(), claim("scratch").build())
                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(2)).build()));
            assertEquals(2, m.all("PersistentVolume").size());
        }

        @Test
        void rejectsTemplatesOfOtherModesOnTheClass() {
            assertInvalid(ERR + "prop 'claimTemplates[1]' is 'scratch'; allowed: the access modes and volume mode of 'models' "
                            + "([ReadWriteOnce], Filesystem), like every claim template on the app's StorageClass 'local-nvme': its "
                            + "pre-provisioned volumes are made alike, and a claim binds only a volume with its modes; put templates with "
                            + "other modes on another class",
                    () -> build(app(claim("models").build(), claim("scratch").accessModes(AccessMode.READ_WRITE_ONCE_POD).build())
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(2)).build())));
            assertInvalid(ERR + "prop 'claimTemplates[1]' is 'raw'; allowed: the access modes and volume mode of 'models' "
                            + "([ReadWriteOnce], Filesystem), like every claim template on the app's StorageClass 'local-nvme': its "
                            + "pre-provisioned volumes are made alike, and a claim binds only a volume with its modes; put templates with "
                            + "other modes on another class",
                    () -> build(app(claim("models").build(), claim("raw").volumeMode(VolumeMode.BLOCK).mountPath("/dev/xvdf").build())
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(2)).build())));
        }

        @Test
        void aSharedClaimOnANodeLocalClassNeedsOneVolume() {
            ClaimTemplate shared = claim("models").shared(true).build();
            assertEquals(1, build(app(shared)
                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).build())).getPersistentVolumes().size());
            assertInvalid(ERR + "prop 'persistentVolumes' is '1 volumes'; allowed: at least replicas x per-replica claim templates on the "
                            + "class + shared claims on it = 2: local disks (kubernetes.io/no-provisioner) creates no volumes, so a replica "
                            + "without one stays Pending",
                    () -> build(app(shared, claim("scratch").build())
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).build())));
        }
    }
}
