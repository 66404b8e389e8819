package dev.statefulai.constructs.workload;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.ConstructUnderTest;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.AvailabilityProps;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.PodManagementPolicy;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.PortSpec;
import dev.statefulai.constructs.pod.ProbeSpec;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.pod.UpdateStrategy;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatefulAIAppTest {
    private static final String POD = "spec.template.spec";
    private static final String CONTAINER = "spec.template.spec.containers[0]";
    private static final String ERR = "StatefulAIApp 'vector-db': ";
    private static final String EBS_VOLUME = "vol-0123456789abcdef0";
    /** The pod's default scratch /tmp (the root file system is read-only) and its mount. */
    private static final Map<String, Object> TMP = Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi"));
    private static final Map<String, Object> TMP_MOUNT = Map.of("name", "tmp", "mountPath", "/tmp");

    /** The one-line app: a name, an image and one 10Gi volume at /data. */
    private static StatefulAIAppProps.Builder minimal() {
        return StatefulAIAppProps.builder().name("vector-db").image("qdrant/qdrant:v1.12.1").claimTemplates(claim("data").build());
    }

    private static ClaimTemplate.Builder claim(String name) {
        return ClaimTemplate.builder().name(name).mountPath("/" + name).size("10Gi");
    }

    private static StorageClassSpec localClass() {
        return StorageClassSpec.builder().name("local-nvme").backend(LocalDisks.noProvisioner()).build();
    }

    private static StorageClassSpec ebsClass(AwsEbs ebs) {
        return StorageClassSpec.builder().name("fast-ebs").backend(ebs).build();
    }

    private static List<PreProvisionedVolume> localVolumes(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (PreProvisionedVolume) LocalVolume.on("gpu-node-" + i, "/mnt/nvme0")).toList();
    }

    private static final ConstructUnderTest<StatefulAIAppProps.Builder, StatefulAIApp> APP =
            new ConstructUnderTest<>((chart, props) -> new StatefulAIApp(chart, "app", props.build()));

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // one synth for all the read-only checks
    class Defaults {
        private final Manifests m = APP.synth(minimal());
        private final Map<String, Object> sts = m.one("StatefulSet");

        @Test
        void makesOnlyAHeadlessServiceAndAStatefulSet() {
            assertEquals(List.of("Service", "StatefulSet"), m.kinds());
        }

        @Test
        void theStatefulSetsServiceIsTheHeadlessService() {
            Map<String, Object> svc = m.one("Service");
            assertEquals("vector-db", Manifests.at(svc, "metadata.name"));
            assertEquals(Manifests.at(svc, "metadata.name"), Manifests.at(sts, "spec.serviceName"));
            assertEquals("None", Manifests.at(svc, "spec.clusterIP"));
            assertEquals(true, Manifests.at(svc, "spec.publishNotReadyAddresses"));
            assertEquals(Map.of("app.kubernetes.io/name", "vector-db"), Manifests.at(svc, "spec.selector"));
            assertNull(Manifests.at(svc, "spec.ports"));
        }

        @Test
        void runsOneReplicaInOrder() {
            assertEquals(1, Manifests.at(sts, "spec.replicas"));
            assertEquals("OrderedReady", Manifests.at(sts, "spec.podManagementPolicy"));
            assertEquals(Map.of("type", "RollingUpdate"), Manifests.at(sts, "spec.updateStrategy"));
        }

        @Test
        void selectsByNameOnlyAndLabelsWithNameAndManager() {
            Map<String, String> labels = Map.of("app.kubernetes.io/name", "vector-db", "app.kubernetes.io/managed-by", "cdk8s");
            assertEquals(Map.of("app.kubernetes.io/name", "vector-db"), Manifests.at(sts, "spec.selector.matchLabels"));
            assertEquals(labels, Manifests.at(sts, "metadata.labels"));
            assertEquals(labels, Manifests.at(sts, "spec.template.metadata.labels"));
            assertEquals(labels, Manifests.at(m.one("Service"), "metadata.labels"));
        }

        @Test
        void writesNoNamespaceWhenTheChartHasNone() {
            assertNull(Manifests.at(sts, "metadata.namespace"));
            assertNull(Manifests.at(m.one("Service"), "metadata.namespace"));
        }

        @Test
        void runsAsNonRootWithFsGroupAndTheRuntimeDefaultSeccompProfile() {
            assertEquals(Map.of(
                    "runAsNonRoot", true,
                    "runAsUser", 1000,
                    "runAsGroup", 1000,
                    "fsGroup", 1000,
                    "fsGroupChangePolicy", "OnRootMismatch",
                    "seccompProfile", Map.of("type", "RuntimeDefault")), Manifests.at(sts, POD + ".securityContext"));
        }

        @Test
        void theContainerCannotEscalateHasNoCapabilitiesAndAReadOnlyRootFileSystem() {
            assertEquals(Map.of(
                    "allowPrivilegeEscalation", false,
                    "runAsNonRoot", true,
                    "readOnlyRootFilesystem", true,
                    "capabilities", Map.of("drop", List.of("ALL"))), Manifests.at(sts, CONTAINER + ".securityContext"));
        }

        @Test
        void pullsATaggedImageAlways() {
            assertEquals("Always", Manifests.at(sts, CONTAINER + ".imagePullPolicy"));
        }

        @Test
        void mountsNoApiTokenAndNoServiceLinks() {
            assertEquals(false, Manifests.at(sts, POD + ".automountServiceAccountToken"));
            assertNull(Manifests.at(sts, POD + ".serviceAccountName"));
            assertEquals(false, Manifests.at(sts, POD + ".enableServiceLinks"));
        }

        @Test
        void retainsClaimsWhenDeletedAndWhenScaled() {
            assertEquals(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"),
                    Manifests.at(sts, "spec.persistentVolumeClaimRetentionPolicy"));
        }

        @Test
        void requestsHalfACpuAndOneGibibyteWithTheMemoryLimitEqualToTheRequest() {
            assertEquals(Map.of(
                    "requests", Map.of("cpu", "500m", "memory", "1Gi", "ephemeral-storage", "1Gi"),
                    "limits", Map.of("memory", "1Gi")), Manifests.at(sts, CONTAINER + ".resources"));
        }

        @Test
        void theContainerIsNamedAfterTheAppAndRunsTheImage() {
            Map<String, Object> container = Manifests.map(sts, CONTAINER);
            assertEquals("vector-db", container.get("name"));
            assertEquals("qdrant/qdrant:v1.12.1", container.get("image"));
            for (String absent : List.of("command", "args", "env", "ports", "volumeDevices",
                    "startupProbe", "readinessProbe", "livenessProbe")) {
                assertFalse(container.containsKey(absent), absent + " in " + container);
            }
        }

        @Test
        void theClaimTemplateAsksTheClusterDefaultClassForOneReadWriteOnceVolume() {
            assertEquals(List.of(Map.of(
                    "metadata", Map.of("name", "data", "labels", Map.of("app.kubernetes.io/name", "vector-db")),
                    "spec", Map.of(
                            "accessModes", List.of("ReadWriteOnce"),
                            "volumeMode", "Filesystem",
                            "resources", Map.of("requests", Map.of("storage", "10Gi"))))),
                    Manifests.at(sts, "spec.volumeClaimTemplates"));
            assertEquals(List.of(Map.of("name", "data", "mountPath", "/data"), TMP_MOUNT), Manifests.at(sts, CONTAINER + ".volumeMounts"));
        }

        @Test
        void hasOnlyASizedTmpAndNoTolerationsOrScheduling() {
            Map<String, Object> pod = Manifests.map(sts, POD);
            assertEquals(List.of(TMP), pod.get("volumes"));
            for (String absent : List.of("tolerations", "nodeSelector", "runtimeClassName",
                    "priorityClassName", "terminationGracePeriodSeconds", "affinity")) {
                assertFalse(pod.containsKey(absent), absent + " in " + pod);
            }
        }

        @Test
        void hasNoPodDisruptionBudgetWithOneReplica() {
            StatefulAIApp app = APP.build(minimal());
            assertNull(app.getPodDisruptionBudget());
            assertNull(app.getStorageClass());
            assertEquals(List.of(), app.getPersistentVolumes());
            assertNotNull(app.getStatefulSet());
            assertNotNull(app.getService());
            assertEquals("vector-db", app.getName());
        }
    }

    @Nested
    class PodDisruptionBudget {
        @Test
        void allowsOnePodDownWithMoreThanOneReplica() {
            Manifests m = APP.synth(minimal().replicas(3));
            assertEquals(List.of("Service", "StatefulSet", "PodDisruptionBudget"), m.kinds());
            Map<String, Object> pdb = m.one("PodDisruptionBudget");
            assertEquals("vector-db", Manifests.at(pdb, "metadata.name"));
            assertEquals(Map.of(
                    "maxUnavailable", 1,
                    "selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "vector-db")),
                    "unhealthyPodEvictionPolicy", "AlwaysAllow"), pdb.get("spec"));
        }

        @Test
        void takesAnotherMaxUnavailable() {
            assertEquals(2, APP.synth(minimal().replicas(3)
                    .availability(AvailabilityProps.builder().podDisruptionBudgetMaxUnavailable(2).build())).at("PodDisruptionBudget", "spec.maxUnavailable"));
        }

        @Test
        void maxUnavailableIsIgnoredWithOneReplicaWhichGetsNoBudget() {
            StatefulAIApp app = APP.build(minimal()
                    .availability(AvailabilityProps.builder().podDisruptionBudgetMaxUnavailable(5).build()));
            assertNull(app.getPodDisruptionBudget());
            assertEquals(List.of("Service", "StatefulSet"), APP.synth(minimal()
                    .availability(AvailabilityProps.builder().podDisruptionBudgetMaxUnavailable(0).build())).kinds());
        }

        @Test
        void canBeTurnedOff() {
            StatefulAIApp app = APP.build(minimal().replicas(3)
                    .availability(AvailabilityProps.builder().podDisruptionBudget(false).build()));
            assertNull(app.getPodDisruptionBudget());
            assertFalse(app.outputs().containsKey("podDisruptionBudget"));
        }

        @ParameterizedTest
        @ValueSource(ints = {3, 4})
        void rejectsAMaxUnavailableOfAllReplicasOrMore(int maxUnavailable) {
            assertInvalid(ERR + "prop 'podDisruptionBudgetMaxUnavailable' is " + maxUnavailable
                            + "; allowed: from 1 to replicas - 1 (2): 0 blocks every node drain, replicas allows losing all",
                    () -> APP.build(minimal().replicas(3)
                            .availability(AvailabilityProps.builder().podDisruptionBudgetMaxUnavailable(maxUnavailable).build())));
        }

        @Test
        void rejectsAMaxUnavailableOfZero() {
            assertInvalid(ERR + "prop 'podDisruptionBudgetMaxUnavailable' is 0"
                            + "; allowed: from 1 to replicas - 1 (1): 0 blocks every node drain, replicas allows losing all",
                    () -> APP.build(minimal().replicas(2)
                            .availability(AvailabilityProps.builder().podDisruptionBudgetMaxUnavailable(0).build())));
        }
    }

    @Nested
    class Options {
        @Test
        void gpusGoInTheLimitsAndTheGpuTaintIsTolerated() {
            Map<String, Object> sts = APP.synth(minimal()
                    .container(ContainerProps.builder().resources(Resources.builder().gpus(2).build()).build())).one("StatefulSet");
            assertEquals(Map.of("memory", "1Gi", "nvidia.com/gpu", "2"), Manifests.at(sts, CONTAINER + ".resources.limits"));
            assertEquals(List.of(Map.of("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule")),
                    Manifests.at(sts, POD + ".tolerations"));
        }

        @Test
        void anotherGpuResourceIsLimitedAndToleratedByItsOwnName() {
            Map<String, Object> sts = APP.synth(minimal()
                    .container(ContainerProps.builder().resources(Resources.builder().gpus(1).gpuResource("amd.com/gpu").build()).build()))
                    .one("StatefulSet");
            assertEquals("1", Manifests.at(sts, CONTAINER + ".resources.limits['amd.com/gpu']"));
            assertEquals("amd.com/gpu", Manifests.at(sts, POD + ".tolerations[0].key"));
        }

        @Test
        void sharedMemoryIsAMemoryBackedEmptyDirAtDevShm() {
            Map<String, Object> sts = APP.synth(minimal()
                    .container(ContainerProps.builder().sharedMemory("16Gi").resources(Resources.builder().memory("32Gi").build()).build()))
                    .one("StatefulSet");
            assertEquals(List.of(Map.of("name", "dshm", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "16Gi")), TMP),
                    Manifests.at(sts, POD + ".volumes"));
            assertEquals(List.of(Map.of("name", "data", "mountPath", "/data"), Map.of("name", "dshm", "mountPath", "/dev/shm"), TMP_MOUNT),
                    Manifests.at(sts, CONTAINER + ".volumeMounts"));
        }

        @Test
        void aBlockVolumeIsADeviceNotAMount() {
            ClaimTemplate raw = claim("raw").volumeMode(VolumeMode.BLOCK).mountPath("/dev/xvdf").build();
            Map<String, Object> sts = APP.synth(minimal().claimTemplates(claim("data").build(), raw)).one("StatefulSet");
            assertEquals(List.of(Map.of("name", "raw", "devicePath", "/dev/xvdf")), Manifests.at(sts, CONTAINER + ".volumeDevices"));
            assertEquals(List.of(Map.of("name", "data", "mountPath", "/data"), TMP_MOUNT), Manifests.at(sts, CONTAINER + ".volumeMounts"));
            assertEquals("Block", Manifests.at(sts, "spec.volumeClaimTemplates[1].spec.volumeMode"));
        }

        @Test
        void onlyBlockVolumesMeansOnlyTheScratchIsMounted() {
            ClaimTemplate raw = claim("raw").volumeMode(VolumeMode.BLOCK).mountPath("/dev/xvdf").build();
            Map<String, Object> container = Manifests.map(APP.synth(minimal().claimTemplates(raw)).one("StatefulSet"), CONTAINER);
            assertEquals(List.of(TMP_MOUNT), container.get("volumeMounts"));
        }

        @Test
        void aReadOnlySubPathMount() {
            ClaimTemplate models = claim("models").readOnly(true).subPath("llama").accessModes(AccessMode.READ_ONLY_MANY)
                    .storageClassName("efs").build();
            Map<String, Object> sts = APP.synth(minimal().claimTemplates(models)).one("StatefulSet");
            assertEquals(List.of(Map.of("name", "models", "mountPath", "/models", "readOnly", true, "subPath", "llama"), TMP_MOUNT),
                    Manifests.at(sts, CONTAINER + ".volumeMounts"));
            assertEquals(List.of("ReadOnlyMany"), Manifests.at(sts, "spec.volumeClaimTemplates[0].spec.accessModes"));
            assertEquals("efs", Manifests.at(sts, "spec.volumeClaimTemplates[0].spec.storageClassName"));
        }

        @Test
        void probesAreWrittenOnTheContainer() {
            Map<String, Object> container = Manifests.map(APP.synth(minimal()
                    .container(ContainerProps.builder().startupProbe(ProbeSpec.http("/health", 8000).allowStartupWithin(900)).readinessProbe(ProbeSpec.tcp(6333)).livenessProbe(ProbeSpec.exec("true")).build())).one("StatefulSet"), CONTAINER);
            assertEquals(Map.of("path", "/health", "port", 8000), Manifests.at(container, "startupProbe.httpGet"));
            assertEquals(90, Manifests.at(container, "startupProbe.failureThreshold"));
            assertEquals(Map.of("port", 6333), Manifests.at(container, "readinessProbe.tcpSocket"));
            assertEquals(List.of("true"), Manifests.at(container, "livenessProbe.exec.command"));
        }

        @Test
        void portsArePublishedByTheServiceByName() {
            Manifests m = APP.synth(minimal()
                    .container(ContainerProps.builder().ports(List.of(PortSpec.of("http", 6333), PortSpec.of("grpc", 6334))).build()));
            assertEquals(List.of(
                    Map.of("name", "http", "containerPort", 6333, "protocol", "TCP"),
                    Map.of("name", "grpc", "containerPort", 6334, "protocol", "TCP")), m.at("StatefulSet", CONTAINER + ".ports"));
            assertEquals(List.of(
                    Map.of("name", "http", "port", 6333, "targetPort", "http", "protocol", "TCP"),
                    Map.of("name", "grpc", "port", 6334, "targetPort", "grpc", "protocol", "TCP")), m.at("Service", "spec.ports"));
        }

        @Test
        void plainEnvIsSortedAndSecretsAreReferencedNeverCopied() {
            Map<String, Object> sts = APP.synth(minimal()
                    .container(ContainerProps.builder().env(Map.of("ZETA", "1", "ALPHA", "2")).secretEnv(List.of(new SecretEnv("HF_TOKEN", "hugging-face", "token"))).build())).one("StatefulSet");
            assertEquals(List.of(
                    Map.of("name", "ALPHA", "value", "2"),
                    Map.of("name", "ZETA", "value", "1"),
                    Map.of("name", "HF_TOKEN", "valueFrom", Map.of("secretKeyRef", Map.of("name", "hugging-face", "key", "token")))),
                    Manifests.at(sts, CONTAINER + ".env"));
        }

        @Test
        void commandAndArgs() {
            Map<String, Object> sts = APP.synth(minimal()
                    .container(ContainerProps.builder().command(List.of("python", "-m", "vllm")).args(List.of("--port", "8000")).build()))
                    .one("StatefulSet");
            assertEquals(List.of("python", "-m", "vllm"), Manifests.at(sts, CONTAINER + ".command"));
            assertEquals(List.of("--port", "8000"), Manifests.at(sts, CONTAINER + ".args"));
        }

        @Test
        void schedulingOptions() {
            Map<String, Object> pod = Manifests.map(APP.synth(minimal()
                    .scheduling(SchedulingProps.builder().nodeSelector(Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB")).runtimeClassName("nvidia").priorityClassName("inference-critical").build())
                    .availability(AvailabilityProps.builder().terminationGracePeriodSeconds(120).build())).one("StatefulSet"), POD);
            assertEquals(Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB"), pod.get("nodeSelector"));
            assertEquals("nvidia", pod.get("runtimeClassName"));
            assertEquals("inference-critical", pod.get("priorityClassName"));
            assertEquals(120, pod.get("terminationGracePeriodSeconds"));
        }

        @Test
        void aServiceAccountGetsItsToken() {
            Map<String, Object> pod = Manifests.map(APP.synth(minimal().serviceAccountName("vector-db-backup")).one("StatefulSet"), POD);
            assertEquals("vector-db-backup", pod.get("serviceAccountName"));
            assertFalse(pod.containsKey("automountServiceAccountToken"), "automountServiceAccountToken in " + pod);
        }

        @Test
        void anotherUserAndGroup() {
            Map<String, Object> sts = APP.synth(minimal().security(PodSecurity.of(2000, 3000))).one("StatefulSet");
            assertEquals(2000, Manifests.at(sts, POD + ".securityContext.runAsUser"));
            assertEquals(3000, Manifests.at(sts, POD + ".securityContext.runAsGroup"));
            assertEquals(3000, Manifests.at(sts, POD + ".securityContext.fsGroup"));
        }

        @Test
        void lifecycleOptions() {
            Map<String, Object> sts = APP.synth(minimal()
                    .storage(StorageProps.builder().claimRetention(ReclaimPolicy.DELETE, ReclaimPolicy.RETAIN).build())
                    .availability(AvailabilityProps.builder().podManagementPolicy(PodManagementPolicy.PARALLEL).updateStrategy(UpdateStrategy.rollingUpdate(1)).build())).one("StatefulSet");
            assertEquals("Parallel", Manifests.at(sts, "spec.podManagementPolicy"));
            assertEquals(Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("partition", 1)), Manifests.at(sts, "spec.updateStrategy"));
            assertEquals(Map.of("whenDeleted", "Delete", "whenScaled", "Retain"),
                    Manifests.at(sts, "spec.persistentVolumeClaimRetentionPolicy"));
        }

        @Test
        void onDeleteUpdates() {
            assertEquals(Map.of("type", "OnDelete"),
                    APP.synth(minimal()
                            .availability(AvailabilityProps.builder().updateStrategy(UpdateStrategy.onDelete()).build())).at("StatefulSet", "spec.updateStrategy"));
        }

        @Test
        void componentAndPartOfLabelEveryObjectButNotTheSelector() {
            Manifests m = APP.synth(minimal().replicas(2).component("vector-store").partOf("rag"));
            Map<String, String> labels = Map.of("app.kubernetes.io/name", "vector-db", "app.kubernetes.io/managed-by", "cdk8s",
                    "app.kubernetes.io/component", "vector-store", "app.kubernetes.io/part-of", "rag");
            for (String kind : List.of("Service", "StatefulSet", "PodDisruptionBudget")) {
                assertEquals(labels, m.at(kind, "metadata.labels"), kind);
            }
            assertEquals(labels, m.at("StatefulSet", "spec.template.metadata.labels"));
            assertEquals(Map.of("app.kubernetes.io/name", "vector-db"), m.at("StatefulSet", "spec.selector.matchLabels"));
            assertEquals(Map.of("app.kubernetes.io/name", "vector-db"), m.at("Service", "spec.selector"));
        }

        @Test
        void theNamespacePropGoesOnEveryNamespacedObject() {
            Manifests m = APP.synth(minimal().replicas(2).namespace("search"));
            for (String kind : List.of("Service", "StatefulSet", "PodDisruptionBudget")) {
                assertEquals("search", m.at(kind, "metadata.namespace"), kind);
            }
        }

        @Test
        void theChartsNamespaceIsTheDefault() {
            assertEquals("ml", APP.synth("ml", minimal()).at("StatefulSet", "metadata.namespace"));
            assertEquals("ml", APP.build("ml", minimal()).outputs().get("namespace"));
            assertEquals("search", APP.build("ml", minimal().namespace("search")).outputs().get("namespace"));
        }
    }

    @Nested
    class OwnStorage {
        @Test
        void templatesWithoutAClassUseTheAppsStorageClass() {
            ClaimTemplate onEfs = claim("shared").storageClassName("efs").build();
            Manifests m = APP.synth(minimal().claimTemplates(claim("data").build(), onEfs)
                    .storage(StorageProps.builder().storageClass(ebsClass(AwsEbs.gp3())).build()));
            assertEquals(List.of("StorageClass", "Service", "StatefulSet"), m.kinds());
            Map<String, Object> sc = m.one("StorageClass");
            assertEquals("fast-ebs", Manifests.at(sc, "metadata.name"));
            assertEquals("ebs.csi.aws.com", sc.get("provisioner"));
            assertEquals("Retain", sc.get("reclaimPolicy"));
            assertEquals("WaitForFirstConsumer", sc.get("volumeBindingMode"));
            assertEquals("fast-ebs", m.at("StatefulSet", "spec.volumeClaimTemplates[0].spec.storageClassName"));
            assertEquals("efs", m.at("StatefulSet", "spec.volumeClaimTemplates[1].spec.storageClassName"));
        }

        @Test
        void theStorageClassIsReportedByGetterAndOutputs() {
            StatefulAIApp app = APP.build(minimal().storage(StorageProps.builder().storageClass(ebsClass(AwsEbs.gp3())).build()));
            assertNotNull(app.getStorageClass());
            assertEquals("fast-ebs", app.outputs().get("storageClass"));
        }

        @Test
        void localVolumesArePinnedToTheirNodesByHostname() {
            Manifests m = APP.synth(minimal().replicas(2)
                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(2)).build())
                    .availability(AvailabilityProps.builder().podDisruptionBudget(false).build()));
            assertEquals(List.of("StorageClass", "PersistentVolume", "PersistentVolume", "Service", "StatefulSet"), m.kinds());
            List<Map<String, Object>> pvs = m.all("PersistentVolume");
            for (int i = 0; i < 2; i++) {
                Map<String, Object> pv = pvs.get(i);
                assertEquals("vector-db-pv-" + i, Manifests.at(pv, "metadata.name"));
                assertEquals(Map.of(
                        "capacity", Map.of("storage", "10Gi"),
                        "accessModes", List.of("ReadWriteOnce"),
                        "volumeMode", "Filesystem",
                        "persistentVolumeReclaimPolicy", "Retain",
                        "storageClassName", "local-nvme",
                        "local", Map.of("path", "/mnt/nvme0"),
                        "nodeAffinity", Map.of("required", Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(
                                Map.of("key", "kubernetes.io/hostname", "operator", "In", "values", List.of("gpu-node-" + i)))))))),
                        pv.get("spec"));
            }
            assertEquals("local-nvme", m.at("StatefulSet", "spec.volumeClaimTemplates[0].spec.storageClassName"));
        }

        @Test
        void persistentVolumesAreReportedInOrder() {
            StatefulAIApp app = APP.build(minimal().replicas(2)
                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(3)).build()));
            assertEquals(3, app.getPersistentVolumes().size());
            assertEquals(List.of("vector-db-pv-0", "vector-db-pv-1", "vector-db-pv-2"), app.outputs().get("persistentVolumes"));
        }

        @Test
        void theCapacityCanExceedTheClaim() {
            Manifests m = APP.synth(minimal()
                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).persistentVolumeCapacity("3.5Ti").build()));
            assertEquals("3.5Ti", m.at("PersistentVolume", "spec.capacity.storage"));
        }

        @Test
        void theDefaultCapacityFitsTheLargestClaimOnTheClass() {
            Manifests m = APP.synth(minimal()
                    .claimTemplates(claim("wal").size("10Gi").build(), claim("data").size("20Gi").build())
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(2)).build()));
            for (Map<String, Object> pv : m.all("PersistentVolume")) {
                assertEquals("20Gi", Manifests.at(pv, "spec.capacity.storage"));
            }
        }

        @Test
        void aLegacyInTreeEbsClassUsesTheInTreeProvisionerAndVolumeSource() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            Manifests m = APP.synth(minimal()
                    .storage(StorageProps.builder().storageClass(ebsClass(inTree)).persistentVolumes(List.of(inTree.existingVolume(EBS_VOLUME, "us-east-1a"))).build()));
            assertEquals("kubernetes.io/aws-ebs", m.at("StorageClass", "provisioner"));
            assertEquals(Map.of("type", "gp3", "encrypted", "true", "fsType", "ext4"), m.at("StorageClass", "parameters"));
            Map<String, Object> pv = m.one("PersistentVolume");
            assertEquals(Map.of("volumeID", EBS_VOLUME, "fsType", "ext4"), Manifests.at(pv, "spec.awsElasticBlockStore"));
            assertNull(Manifests.at(pv, "spec.csi"));
            assertEquals(List.of("us-east-1a"),
                    Manifests.at(pv, "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values"));
        }

        @Test
        void anExistingCsiEbsVolume() {
            AwsEbs ebs = AwsEbs.gp3();
            Map<String, Object> pv = APP.synth(minimal()
                    .storage(StorageProps.builder().storageClass(ebsClass(ebs)).persistentVolumes(List.of(ebs.existingVolume(EBS_VOLUME, "us-east-1a"))).build())).one("PersistentVolume");
            assertEquals(Map.of("driver", "ebs.csi.aws.com", "volumeHandle", EBS_VOLUME, "fsType", "ext4"), Manifests.at(pv, "spec.csi"));
            assertEquals("topology.kubernetes.io/zone",
                    Manifests.at(pv, "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key"));
        }
    }

    @Nested
    class Outputs {
        @Test
        void claimNamesAreTemplateNameOrdinal() {
            StatefulAIApp app = APP.build(minimal().replicas(2).claimTemplates(claim("wal").build(), claim("data").build()));
            assertEquals(Map.of(
                    "data", List.of("data-vector-db-0", "data-vector-db-1"),
                    "wal", List.of("wal-vector-db-0", "wal-vector-db-1")), app.getClaimNames());
            assertEquals(List.of("data", "wal"), List.copyOf(app.getClaimNames().keySet()));
        }

        @Test
        void outputsOfAMinimalApp() {
            StatefulAIApp app = APP.build(minimal());
            assertEquals("vector-db", app.outputName());
            assertEquals(Map.of(
                    "kind", "StatefulAIApp",
                    "namespace", "(namespace of kubectl or the GitOps engine)",
                    "statefulSet", "vector-db",
                    "service", "vector-db",
                    "replicas", 1,
                    "claims", Map.of("data", List.of("data-vector-db-0"))), app.outputs());
            assertEquals(List.of("kind", "namespace", "statefulSet", "service", "replicas", "claims"),
                    List.copyOf(app.outputs().keySet()));
        }

        @Test
        void outputsNameTheBudgetWhenThereIsOne() {
            StatefulAIApp app = APP.build(minimal().replicas(3));
            assertNotNull(app.getPodDisruptionBudget());
            assertEquals("vector-db", app.outputs().get("podDisruptionBudget"));
            assertEquals(3, app.outputs().get("replicas"));
        }
    }

    @Nested
    class InvalidProps {
        @Test
        void replicasZero() {
            assertInvalid(ERR + "prop 'replicas' is 0; allowed: an integer of 1 or more", () -> APP.build(minimal().replicas(0)));
        }

        /** A missing name is reported under the construct id. */
        @Test
        void aNameThatIsNotADnsLabelOrMissing() {
            Messages.assertNameRefused("StatefulAIApp", "app", "Vector_DB", Messages.DNS_LABEL, name -> APP.build(minimal().name(name)));
        }

        @Test
        void aNameOf52CharactersIsTheLongest() {
            String longest = "v".repeat(52);
            assertEquals(longest, APP.build(minimal().name(longest)).getName());
            String tooLong = longest + "v";
            assertInvalid("StatefulAIApp '" + tooLong + "': prop 'name' is '" + tooLong + "'; allowed: at most 52 characters: "
                    + "Kubernetes adds an 11-character revision hash to the pods' labels", () -> APP.build(minimal().name(tooLong)));
        }

        @Test
        void aNamespaceThatIsNotADnsLabel() {
            assertInvalid(ERR + "prop 'namespace' is 'ML'; allowed: " + Messages.DNS_LABEL, () -> APP.build(minimal().namespace("ML")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void aMissingImage(String image) {
            assertInvalid(ERR + "prop 'image' is missing; allowed: a container image reference, e.g. vllm/vllm-openai:v0.6.3",
                    () -> APP.build(minimal().image(image)));
        }

        @Test
        void noClaimTemplate() {
            assertInvalid(ERR + "prop 'claimTemplates' is missing; allowed: one or more ClaimTemplate: "
                    + "a StatefulAIApp exists to give each replica its own volumes", () -> APP.build(minimal().claimTemplates(List.of())));
        }

        @Test
        void twoClaimTemplatesOfOneName() {
            assertInvalid(ERR + "prop 'claimTemplates[1].name' is 'data'; allowed: a name used by no other claim template and not "
                            + "'dshm' (taken by /dev/shm)",
                    () -> APP.build(minimal().claimTemplates(claim("data").build(), claim("data").mountPath("/other").build())));
        }

        @Test
        void aClaimTemplateNamedDshm() {
            assertInvalid(ERR + "prop 'claimTemplates[0].name' is 'dshm'; allowed: a name used by no other claim template and not "
                    + "'dshm' (taken by /dev/shm)", () -> APP.build(minimal().claimTemplates(claim("dshm").build())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"64MB", "-1Gi", "0Gi"})
        void aSharedMemorySizeThatIsNotAPositiveQuantity(String size) {
            assertInvalid(ERR + "prop 'sharedMemory' is '" + size + "'; allowed: " + Messages.SIZE,
                    () -> APP.build(minimal().container(ContainerProps.builder().sharedMemory(size).build())));
        }

        @Test
        void aServiceAccountNameThatIsNotADnsSubdomain() {
            assertInvalid(ERR + "prop 'serviceAccountName' is 'Backup_SA'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> APP.build(minimal().serviceAccountName("Backup_SA")));
        }

        @Test
        void readWriteManyOnAnEbsClass() {
            assertInvalid(ERR + "prop 'claimTemplates[1].accessModes' is 'ReadWriteMany'; allowed: what AWS EBS gp3 (ebs.csi.aws.com) "
                            + "can give: [ReadWriteOnce, ReadWriteOncePod]",
                    () -> APP.build(minimal()
                            .claimTemplates(claim("data").build(), claim("shared").accessModes(AccessMode.READ_WRITE_MANY).build())
                                    .storage(StorageProps.builder().storageClass(ebsClass(AwsEbs.gp3())).build())));
        }

        @Test
        void readWriteManyIsNotCheckedOnATemplateOfAnotherClass() {
            ClaimTemplate onEfs = claim("shared").accessModes(AccessMode.READ_WRITE_MANY).storageClassName("efs").build();
            StatefulAIApp app = APP.build(minimal().claimTemplates(onEfs)
                    .storage(StorageProps.builder().storageClass(ebsClass(AwsEbs.gp3())).build()));
            assertEquals(List.of("shared-vector-db-0"), app.getClaimNames().get("shared"));
        }

        @Test
        void aNodeLocalClassWithoutVolumes() {
            assertInvalid(ERR + "prop 'persistentVolumes' is 'empty'; allowed: one pre-provisioned volume per replica (2 or more) for "
                            + "local disks (kubernetes.io/no-provisioner), which creates no volumes itself",
                    () -> APP.build(minimal().replicas(2).storage(StorageProps.builder().storageClass(localClass()).build())));
        }

        @Test
        void tooFewLocalVolumesForEveryReplicaAndTemplate() {
            assertInvalid(ERR + "prop 'persistentVolumes' is '5 volumes'; allowed: at least replicas x claim templates on the class = 6: "
                            + "local disks (kubernetes.io/no-provisioner) creates no volumes, so a replica without one stays Pending",
                    () -> APP.build(minimal().replicas(3)
                            .claimTemplates(claim("data").build(), claim("wal").build())
                                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(5)).build())));
        }

        @Test
        void volumesWithoutAStorageClass() {
            assertInvalid(ERR + "prop 'storageClass' is missing; allowed: a StorageClass for the pre-provisioned persistentVolumes to belong to",
                    () -> APP.build(minimal().storage(StorageProps.builder().persistentVolumes(localVolumes(1)).build())));
        }

        @Test
        void aVolumeOfAnotherBackend() {
            assertInvalid(ERR + "prop 'persistentVolumes[0]' is '" + EBS_VOLUME + "'; allowed: a volume of the app's StorageClass "
                            + "backend local disks (kubernetes.io/no-provisioner)",
                    () -> APP.build(minimal()
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(List.of(AwsEbs.gp3().existingVolume(EBS_VOLUME, "us-east-1a"))).build())));
        }

        @Test
        void anInTreeVolumeOnACsiClass() {
            AwsEbs inTree = AwsEbs.builder().legacyInTreeProvisioner(true).build();
            assertInvalid(ERR + "prop 'persistentVolumes[0]' is '" + EBS_VOLUME + "'; allowed: a volume of the app's StorageClass "
                            + "backend AWS EBS gp3 (ebs.csi.aws.com)",
                    () -> APP.build(minimal()
                            .storage(StorageProps.builder().storageClass(ebsClass(AwsEbs.gp3())).persistentVolumes(List.of(inTree.existingVolume(EBS_VOLUME, "us-east-1a"))).build())));
        }

        @Test
        void volumesNoTemplateCanClaim() {
            assertInvalid(ERR + "prop 'persistentVolumes' is '1 volumes'; allowed: none, unless a claim template uses the app's "
                            + "StorageClass 'local-nvme'",
                    () -> APP.build(minimal()
                            .claimTemplates(claim("data").storageClassName("gp3").build())
                                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).build())));
        }

        @Test
        void aCapacitySmallerThanTheClaim() {
            assertInvalid(ERR + "prop 'persistentVolumeCapacity' is '5Gi'; allowed: at least the largest claim on the class (10Gi), "
                            + "or no claim could bind",
                    () -> APP.build(minimal()
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).persistentVolumeCapacity("5Gi").build())));
        }

        @Test
        void aCapacitySmallerThanTheLargestOfSeveralClaims() {
            assertInvalid(ERR + "prop 'persistentVolumeCapacity' is '15Gi'; allowed: at least the largest claim on the class (20Gi), "
                            + "or no claim could bind",
                    () -> APP.build(minimal()
                            .claimTemplates(claim("wal").size("10Gi").build(), claim("data").size("20Gi").build())
                                    .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(2)).persistentVolumeCapacity("15Gi").build())));
        }

        @Test
        void aCapacityThatIsNotAQuantity() {
            assertInvalid(ERR + "prop 'persistentVolumeCapacity' is '100GB'; allowed: " + Messages.SIZE,
                    () -> APP.build(minimal()
                            .storage(StorageProps.builder().storageClass(localClass()).persistentVolumes(localVolumes(1)).persistentVolumeCapacity("100GB").build())));
        }
    }
}
