package dev.statefulai.gate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.gate.Report;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.api.DistMutations.Mutation;
import static dev.statefulai.gate.api.DistMutations.REMOVE;
import dev.statefulai.gate.model.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation test on the committed dist/prod: single-field changes that a Kubernetes 1.28 API server
 * rejects (on create, or in the Pods and claims a StatefulSet's controller creates), each naming the
 * function in pkg/apis/.../validation (release-1.28) or apimachinery that rejects it. The gate must
 * report an error for at least 95% of them; the unchanged dist/prod must have none.
 */
class ApiMutationTest {
    private static final Path PROD = ApiStageDistTest.DIST.resolve("prod");
    private static final List<Mutation> CORPUS = new ArrayList<>();

    /** An object of dist/prod that the corpus changes; pointers below {@code prefix}. */
    private record Target(String file, String object, String prefix) {
        void set(String rule, String pointer, String value) {
            CORPUS.add(new Mutation(rule, file, object, prefix + pointer, value));
        }
    }

    private static final Target CLASS = new Target("feature-pipeline.yaml", "StorageClass/feature-pipeline-gp3", "");
    private static final Target LOCAL_PV = new Target("llm-inference.yaml", "PersistentVolume/llm-inference-pv-0", "");
    private static final Target CSI_PV = new Target("feature-pipeline.yaml", "PersistentVolume/features-raw-events", "");
    private static final Target CLAIM = new Target("feature-pipeline.yaml", "PersistentVolumeClaim/raw-events", "");
    private static final Target SET = new Target("llm-inference.yaml", "StatefulSet/llm-inference", "");
    /** The llm-inference pod template. */
    private static final Target POD = new Target("llm-inference.yaml", "StatefulSet/llm-inference", "/spec/template/spec");
    private static final Target SERVICE = new Target("vector-db.yaml", "Service/vector-db", "");
    private static final Target BUDGET = new Target("llm-inference.yaml", "PodDisruptionBudget/llm-inference", "");

    static {
        // metadata of any object: ValidateObjectMetaAccessor, ValidateLabels, ValidateAnnotations (apimachinery)
        CLASS.set("NameIsDNSSubdomain", "/metadata/name", "Feature_GP3");
        CLASS.set("ValidateLabels key", "/metadata/labels", "{'bad key!': x}");
        LOCAL_PV.set("ValidateLabels value", "/metadata/labels/app.kubernetes.io~1name", "llm inference");
        LOCAL_PV.set("ValidateLabels value length", "/metadata/labels/app.kubernetes.io~1name", "a" + "b".repeat(63));
        CLAIM.set("ValidateAnnotations key", "/metadata/annotations", "{'example.com/a/b': x}");
        CLAIM.set("ValidateAnnotations 256 KiB", "/metadata/annotations", "{note: " + "x".repeat(262_145) + "}");
        CLAIM.set("ValidateNamespaceName", "/metadata/namespace", "Features");
        CLAIM.set("NameIsDNSSubdomain", "/metadata/name", "raw_events");
        SERVICE.set("ValidateFinalizerName", "/metadata/finalizers", "['a/b/c']");
        // StorageClass: ValidateStorageClass
        CLASS.set("validateProvisioner required", "/provisioner", "''");
        CLASS.set("validateProvisioner qualified", "/provisioner", "ebs csi aws com");
        CLASS.set("validateProvisioner qualified", "/provisioner", "ebs.csi.aws.com/a/b");
        CLASS.set("validateReclaimPolicy", "/reclaimPolicy", "Recycle");
        CLASS.set("validateReclaimPolicy", "/reclaimPolicy", "retain");
        CLASS.set("validateVolumeBindingMode", "/volumeBindingMode", "Lazy");
        CLASS.set("validateParameters empty key", "/parameters/", "x");
        CLASS.set("validateAllowedTopologies values", "/allowedTopologies", "[{matchLabelExpressions: [{key: topology.ebs.csi.aws.com/zone, values: []}]}]");
        CLASS.set("validateAllowedTopologies duplicate value", "/allowedTopologies", "[{matchLabelExpressions: [{key: topology.ebs.csi.aws.com/zone, values: [a, a]}]}]");
        CLASS.set("validateAllowedTopologies key", "/allowedTopologies", "[{matchLabelExpressions: [{key: 'zone name', values: [a]}]}]");
        // PersistentVolume: ValidatePersistentVolumeSpec
        LOCAL_PV.set("accessModes required", "/spec/accessModes", "[]");
        LOCAL_PV.set("accessModes supported", "/spec/accessModes/0", "ReadWriteAlways");
        LOCAL_PV.set("ReadWriteOncePod alone", "/spec/accessModes", "[ReadWriteOncePod, ReadWriteOnce]");
        LOCAL_PV.set("capacity quantity", "/spec/capacity/storage", "800GB");
        LOCAL_PV.set("capacity positive", "/spec/capacity/storage", "'0'");
        LOCAL_PV.set("capacity positive", "/spec/capacity/storage", "-1Gi");
        LOCAL_PV.set("capacity storage only", "/spec/capacity/cpu", "'1'");
        LOCAL_PV.set("capacity required", "/spec/capacity", "{}");
        LOCAL_PV.set("persistentVolumeReclaimPolicy", "/spec/persistentVolumeReclaimPolicy", "Keep");
        LOCAL_PV.set("local requires nodeAffinity", "/spec/nodeAffinity", REMOVE);
        LOCAL_PV.set("validateVolumeNodeAffinity required", "/spec/nodeAffinity", "{}");
        LOCAL_PV.set("ValidateNodeSelector terms", "/spec/nodeAffinity/required/nodeSelectorTerms", "[]");
        LOCAL_PV.set("ValidateNodeSelectorRequirement operator", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/operator", "Equals");
        LOCAL_PV.set("ValidateNodeSelectorRequirement values", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/values", "[]");
        LOCAL_PV.set("ValidateNodeSelectorRequirement key", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/key", "kubernetes.io/host name");
        LOCAL_PV.set("validateLocalVolumeSource path", "/spec/local/path", "''");
        LOCAL_PV.set("validateLocalVolumeSource backsteps", "/spec/local/path", "/mnt/../etc");
        LOCAL_PV.set("more than 1 volume type", "/spec/hostPath", "{path: /mnt/nvme0}");
        LOCAL_PV.set("a volume type", "/spec/local", REMOVE);
        LOCAL_PV.set("storageClassName", "/spec/storageClassName", "LLM_local");
        LOCAL_PV.set("volumeMode", "/spec/volumeMode", "Raw");
        LOCAL_PV.set("NameIsDNSSubdomain", "/metadata/name", "llm-inference-pv-0.");
        CSI_PV.set("ValidateCSIDriverName required", "/spec/csi/driver", "''");
        CSI_PV.set("ValidateCSIDriverName subdomain", "/spec/csi/driver", "ebs_csi.aws.com");
        CSI_PV.set("ValidateCSIDriverName length", "/spec/csi/driver", "a".repeat(64));
        CSI_PV.set("volumeHandle required", "/spec/csi/volumeHandle", "''");
        CSI_PV.set("validatePVSecretReference namespace", "/spec/csi/nodePublishSecretRef", "{name: creds}");
        CSI_PV.set("validatePVSecretReference name", "/spec/csi/controllerExpandSecretRef", "{name: 'Creds', namespace: features}");
        CSI_PV.set("capacity quantity", "/spec/capacity/storage", "2TB");
        CSI_PV.set("ValidateNodeSelectorRequirement In values", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/operator", "Exists");
        CSI_PV.set("validateNFSVolumeSource absolute", "/spec/csi", REMOVE);
        // PersistentVolumeClaim: ValidatePersistentVolumeClaimSpec
        CLAIM.set("accessModes required", "/spec/accessModes", "[]");
        CLAIM.set("accessModes supported", "/spec/accessModes/0", "RWO");
        CLAIM.set("ReadWriteOncePod alone", "/spec/accessModes", "[ReadWriteOncePod, ReadOnlyMany]");
        CLAIM.set("storage quantity", "/spec/resources/requests/storage", "2TB");
        CLAIM.set("storage positive", "/spec/resources/requests/storage", "'0'");
        CLAIM.set("storage positive", "/spec/resources/requests/storage", "-5Gi");
        CLAIM.set("storage required", "/spec/resources/requests", "{}");
        CLAIM.set("limits quantity", "/spec/resources/limits", "{storage: 1XB}");
        CLAIM.set("storageClassName", "/spec/storageClassName", "Feature Pipeline");
        CLAIM.set("volumeMode", "/spec/volumeMode", "block");
        CLAIM.set("validateDataSource core kind", "/spec/dataSource", "{kind: Snapshot, name: s1}");
        CLAIM.set("validateDataSource name", "/spec/dataSource", "{apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: ''}");
        CLAIM.set("validateDataSourceRef kind", "/spec/dataSourceRef", "{name: other}");
        CLAIM.set("ValidateLabelSelectorRequirement operator", "/spec/selector", "{matchExpressions: [{key: tier, operator: Within, values: [a]}]}");
        CLAIM.set("ValidateLabelSelector value", "/spec/selector", "{matchLabels: {tier: 'hot data'}}");
        // StatefulSet: ValidateStatefulSetSpec
        SET.set("NameIsDNSLabel", "/metadata/name", "llm.inference");
        SET.set("replicas int32", "/spec/replicas", "2.5");
        SET.set("replicas non-negative", "/spec/replicas", "-1");
        SET.set("podManagementPolicy", "/spec/podManagementPolicy", "Serial");
        SET.set("updateStrategy type", "/spec/updateStrategy/type", "Rolling");
        SET.set("OnDelete without rollingUpdate", "/spec/updateStrategy", "{type: OnDelete, rollingUpdate: {partition: 0}}");
        SET.set("partition non-negative", "/spec/updateStrategy", "{type: RollingUpdate, rollingUpdate: {partition: -1}}");
        SET.set("ValidatePersistentVolumeClaimRetentionPolicyType", "/spec/persistentVolumeClaimRetentionPolicy/whenDeleted", "Keep");
        SET.set("minReadySeconds", "/spec/minReadySeconds", "-5");
        SET.set("ordinals.start", "/spec/ordinals", "{start: -1}");
        SET.set("selector matches template labels", "/spec/selector/matchLabels/app.kubernetes.io~1name", "other");
        SET.set("empty selector", "/spec/selector", "{}");
        SET.set("ValidateLabelSelector", "/spec/selector/matchLabels/app.kubernetes.io~1name", "llm inference");
        SET.set("template labels", "/spec/template/metadata/labels/app.kubernetes.io~1part-of", "ai platform");
        SET.set("template annotations", "/spec/template/metadata/annotations", "{'bad key': x}");
        SET.set("pod-deletion-cost", "/spec/template/metadata/annotations", "{controller.kubernetes.io/pod-deletion-cost: high}");
        POD.set("restartPolicy Always", "/restartPolicy", "Never");
        POD.set("activeDeadlineSeconds", "/activeDeadlineSeconds", "100");
        // the Pods the controller creates: ValidatePodCreate / ValidatePodSpec and helpers
        SET.set("hostname is a DNS label (newStatefulSetPod)", "/metadata/name", "l" + "x".repeat(62));
        SET.set("subdomain is a DNS label (newStatefulSetPod)", "/spec/serviceName", "llm.inference");
        SET.set("claim volume name (ValidateVolumes)", "/spec/volumeClaimTemplates/0/metadata/name", "Model_Cache");
        POD.set("containers required", "/containers", "[]");
        POD.set("container name", "/containers/0/name", "LLM");
        POD.set("container name unique", "/initContainers/0/name", "llm-inference");
        POD.set("image required", "/containers/0/image", "''");
        POD.set("image whitespace (validateContainerOnlyForPod)", "/containers/0/image", "' vllm/vllm-openai:v0.6.3'");
        POD.set("terminationMessagePolicy", "/containers/0/terminationMessagePolicy", "Always");
        POD.set("imagePullPolicy", "/containers/0/imagePullPolicy", "Sometimes");
        POD.set("containerPort required", "/containers/0/ports/0/containerPort", "0");
        POD.set("containerPort range", "/containers/0/ports/0/containerPort", "70000");
        POD.set("port name", "/containers/0/ports/0/name", "http-port-too-long");
        POD.set("port name letter", "/containers/0/ports/0/name", "'8000'");
        POD.set("port protocol", "/containers/0/ports/0/protocol", "HTTP");
        POD.set("port name unique", "/containers/0/ports/-", "{name: http, containerPort: 8001}");
        POD.set("hostPort range", "/containers/0/ports/0/hostPort", "70000");
        POD.set("env name", "/containers/0/env/0/name", "1HF_HOME");
        POD.set("env valueFrom one source", "/containers/0/env/2/valueFrom", "{}");
        POD.set("env value with valueFrom", "/containers/0/env/2/value", "x");
        POD.set("secretKeyRef key", "/containers/0/env/2/valueFrom/secretKeyRef/key", "token/x");
        POD.set("secretKeyRef name", "/containers/0/env/2/valueFrom/secretKeyRef/name", "HF Token");
        POD.set("fieldRef path", "/containers/0/env/-", "{name: NODE, valueFrom: {fieldRef: {fieldPath: spec.node}}}");
        POD.set("envFrom one source", "/containers/0/envFrom", "[{prefix: X_}]");
        POD.set("memory quantity", "/containers/0/resources/requests/memory", "128GB");
        POD.set("cpu non-negative", "/containers/0/resources/requests/cpu", "'-1'");
        POD.set("request at most limit", "/containers/0/resources/limits/memory", "64Gi");
        POD.set("extended resource integer", "/containers/0/resources/limits/nvidia.com~1gpu", "'1.5'");
        POD.set("extended resource request equals limit", "/containers/0/resources/requests/nvidia.com~1gpu", "'1'");
        POD.set("extended resource needs a limit", "/initContainers/0/resources/requests/nvidia.com~1gpu", "'1'");
        POD.set("standard resource name", "/containers/0/resources/limits/gpu", "'1'");
        POD.set("livenessProbe successThreshold", "/containers/0/livenessProbe/successThreshold", "2");
        POD.set("startupProbe successThreshold", "/containers/0/startupProbe/successThreshold", "3");
        POD.set("probe periodSeconds", "/containers/0/livenessProbe/periodSeconds", "-1");
        POD.set("probe failureThreshold int32", "/containers/0/startupProbe/failureThreshold", "71.5");
        POD.set("httpGet port", "/containers/0/livenessProbe/httpGet/port", "0");
        POD.set("httpGet port name", "/containers/0/livenessProbe/httpGet/port", "http_port");
        POD.set("httpGet scheme", "/containers/0/livenessProbe/httpGet/scheme", "TCP");
        POD.set("readiness terminationGracePeriodSeconds", "/containers/0/readinessProbe/terminationGracePeriodSeconds", "10");
        POD.set("one handler", "/containers/0/startupProbe/exec", "{command: [true]}");
        POD.set("a handler", "/containers/0/readinessProbe/httpGet", REMOVE);
        POD.set("exec command", "/containers/0/livenessProbe", "{exec: {command: []}}");
        POD.set("lifecycle handler", "/containers/0/lifecycle", "{preStop: {}}");
        POD.set("init container probes", "/initContainers/0/livenessProbe", "{tcpSocket: {port: 8000}}");
        POD.set("restartPolicy on a container", "/containers/0/restartPolicy", "Always");
        POD.set("volumeMount name", "/containers/0/volumeMounts/0/name", "cache");
        POD.set("volumeMount path unique", "/containers/0/volumeMounts/1/mountPath", "/models");
        POD.set("subPath", "/containers/0/volumeMounts/0/subPath", "../x");
        POD.set("subPath relative", "/initContainers/0/volumeMounts/0/subPath", "/abs");
        POD.set("mountPropagation", "/containers/0/volumeMounts/0/mountPropagation", "Bidirectional");
        POD.set("volumeDevices PVC only", "/containers/0/volumeDevices", "[{name: dshm, devicePath: /dev/xvda}]");
        POD.set("volume name", "/volumes/0/name", "DSHM");
        POD.set("emptyDir sizeLimit", "/volumes/0/emptyDir/sizeLimit", "16GB");
        POD.set("volume name unique", "/volumes/-", "{name: dshm, emptyDir: {}}");
        POD.set("one volume type", "/volumes/0/hostPath", "{path: /dev/shm}");
        POD.set("secret defaultMode", "/volumes/-", "{name: creds, secret: {secretName: s, defaultMode: 1000}}");
        POD.set("configMap item path", "/volumes/-", "{name: conf, configMap: {name: c, items: [{key: k, path: ../k}]}}");
        POD.set("hostPath type", "/volumes/-", "{name: host, hostPath: {path: /data, type: Folder}}");
        POD.set("nfs path absolute", "/volumes/-", "{name: share, nfs: {server: nfs.local, path: data}}");
        POD.set("persistentVolumeClaim claimName", "/volumes/-", "{name: shared, persistentVolumeClaim: {claimName: ''}}");
        POD.set("ephemeral claim template", "/volumes/-", "{name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [], resources: {requests: {storage: 1Gi}}}}}}");
        POD.set("runAsUser", "/securityContext/runAsUser", "-1");
        POD.set("fsGroup", "/securityContext/fsGroup", "-1");
        POD.set("fsGroup int64", "/securityContext/fsGroup", "1000.5");
        POD.set("fsGroupChangePolicy", "/securityContext/fsGroupChangePolicy", "Sometimes");
        POD.set("seccompProfile type", "/securityContext/seccompProfile/type", "Default");
        POD.set("seccompProfile localhostProfile", "/securityContext/seccompProfile/localhostProfile", "profiles/x.json");
        POD.set("sysctl name", "/securityContext/sysctls", "[{name: 'net/ipv4 bad', value: '1'}]");
        POD.set("container runAsGroup", "/containers/0/securityContext/runAsGroup", "-5");
        POD.set("allowPrivilegeEscalation with privileged", "/containers/0/securityContext/privileged", "true");
        POD.set("toleration operator", "/tolerations/0/operator", "Exist");
        POD.set("toleration Exists value", "/tolerations/0/value", "present");
        POD.set("tolerationSeconds NoExecute", "/tolerations/0/tolerationSeconds", "60");
        POD.set("toleration effect", "/tolerations/0/effect", "NoRun");
        POD.set("toleration key", "/tolerations/0/key", "nvidia gpu");
        POD.set("nodeSelector key", "/nodeSelector/gpu product", "x");
        POD.set("nodeSelector value", "/nodeSelector/nvidia.com~1gpu.product", "NVIDIA L40S");
        POD.set("maxSkew", "/topologySpreadConstraints/0/maxSkew", "0");
        POD.set("whenUnsatisfiable", "/topologySpreadConstraints/0/whenUnsatisfiable", "Never");
        POD.set("topologyKey", "/topologySpreadConstraints/0/topologyKey", "''");
        POD.set("spread constraint repeated", "/topologySpreadConstraints/-", "{maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}");
        POD.set("minDomains with ScheduleAnyway", "/topologySpreadConstraints/0/minDomains", "2");
        POD.set("spread labelSelector", "/topologySpreadConstraints/0/labelSelector/matchLabels/app.kubernetes.io~1name", "llm inference");
        POD.set("nodeAffinity terms", "/affinity", "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}");
        POD.set("preferred weight", "/affinity", "{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference: {matchExpressions: [{key: a, operator: Exists}]}}]}}");
        POD.set("podAntiAffinity topologyKey", "/affinity", "{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {a: b}}, topologyKey: ''}]}}");
        POD.set("dnsPolicy", "/dnsPolicy", "ClusterFirstly");
        POD.set("dnsConfig None", "/dnsPolicy", "None");
        POD.set("serviceAccountName", "/serviceAccountName", "Default SA");
        POD.set("priorityClassName", "/priorityClassName", "High_Priority");
        POD.set("preemptionPolicy", "/preemptionPolicy", "Always");
        POD.set("runtimeClassName", "/runtimeClassName", "NVIDIA");
        POD.set("os name", "/os", "{name: macos}");
        POD.set("hostAliases ip", "/hostAliases", "[{ip: 10.0.0.300, hostnames: [models.local]}]");
        POD.set("ephemeralContainers on create", "/ephemeralContainers", "[{name: debug, image: busybox}]");
        // the claims the controller creates: ValidatePersistentVolumeClaim on each claim template
        SET.set("claim accessModes", "/spec/volumeClaimTemplates/0/spec/accessModes", "[]");
        SET.set("claim ReadWriteOncePod alone", "/spec/volumeClaimTemplates/0/spec/accessModes", "[ReadWriteOncePod, ReadWriteOnce]");
        SET.set("claim storage quantity", "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", "800GB");
        SET.set("claim storage positive", "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", "'0'");
        SET.set("claim storageClassName", "/spec/volumeClaimTemplates/0/spec/storageClassName", "LLM NVMe");
        SET.set("claim volumeMode", "/spec/volumeClaimTemplates/0/spec/volumeMode", "Raw");
        SET.set("claim selector", "/spec/volumeClaimTemplates/0/spec/selector", "{matchExpressions: [{key: a, operator: In}]}");
        SET.set("claim labels", "/spec/volumeClaimTemplates/0/metadata/labels/app.kubernetes.io~1name", "llm inference");
        SET.set("claim name length", "/spec/volumeClaimTemplates/0/metadata/name", "c" + "x".repeat(240));
        // Service: ValidateService
        SERVICE.set("NameIsDNS1035Label", "/metadata/name", "1vector-db");
        SERVICE.set("port range", "/spec/ports/0/port", "0");
        SERVICE.set("port range", "/spec/ports/0/port", "70000");
        SERVICE.set("port int32", "/spec/ports/0/port", "6333.5");
        SERVICE.set("port protocol", "/spec/ports/0/protocol", "HTTP");
        SERVICE.set("port name", "/spec/ports/0/name", "HTTP");
        SERVICE.set("port name required", "/spec/ports/0/name", REMOVE);
        SERVICE.set("port name unique", "/spec/ports/1/name", "http");
        SERVICE.set("port unique", "/spec/ports/1/port", "6333");
        SERVICE.set("targetPort name", "/spec/ports/0/targetPort", "http_api");
        SERVICE.set("targetPort range", "/spec/ports/0/targetPort", "70000");
        SERVICE.set("appProtocol", "/spec/ports/0/appProtocol", "h2 c");
        SERVICE.set("nodePort on ClusterIP", "/spec/ports/0/nodePort", "30000");
        SERVICE.set("type", "/spec/type", "Headless");
        SERVICE.set("headless NodePort", "/spec/type", "NodePort");
        SERVICE.set("clusterIP", "/spec/clusterIP", "none");
        SERVICE.set("clusterIP", "/spec/clusterIP", "10.0.0.300");
        SERVICE.set("sessionAffinity", "/spec/sessionAffinity", "Sticky");
        SERVICE.set("externalTrafficPolicy on ClusterIP", "/spec/externalTrafficPolicy", "Local");
        SERVICE.set("internalTrafficPolicy", "/spec/internalTrafficPolicy", "Node");
        SERVICE.set("ipFamilies", "/spec/ipFamilies", "[IPv5]");
        SERVICE.set("ipFamilyPolicy", "/spec/ipFamilyPolicy", "Dual");
        SERVICE.set("selector", "/spec/selector/app.kubernetes.io~1name", "vector db");
        SERVICE.set("externalIPs", "/spec/externalIPs", "[not-an-ip]");
        SERVICE.set("loadBalancerSourceRanges", "/spec/loadBalancerSourceRanges", "[10.0.0.0/8]");
        // PodDisruptionBudget: ValidatePodDisruptionBudgetSpec
        BUDGET.set("ValidatePositiveIntOrPercent", "/spec/maxUnavailable", "-1");
        BUDGET.set("IsNotMoreThan100Percent", "/spec/maxUnavailable", "150%");
        BUDGET.set("ValidatePositiveIntOrPercent", "/spec/maxUnavailable", "one");
        BUDGET.set("not both", "/spec/minAvailable", "1");
        BUDGET.set("unhealthyPodEvictionPolicy", "/spec/unhealthyPodEvictionPolicy", "Always");
        BUDGET.set("ValidateLabelSelectorRequirement", "/spec/selector", "{matchExpressions: [{key: app, operator: Exists, values: [x]}]}");
        BUDGET.set("ValidatePathSegmentName", "/metadata/name", "llm%inference");
    }

    @Test
    void theUnchangedProdPassesAndTheGateCatchesAtLeast95PercentOfTheCorpus(@TempDir Path tmp) throws Exception {
        DistMutations prod = new DistMutations(PROD);
        Report clean = SafetyGate.run(SafetyGate.Options.of(prod.write(tmp.resolve("clean"), null)));
        assertEquals(List.of(), clean.findings().stream().filter(Finding::isBlocking).map(Object::toString).toList());
        List<String> missed = new ArrayList<>();
        int byApi = 0;
        for (int i = 0; i < CORPUS.size(); i++) {
            Mutation mutation = CORPUS.get(i);
            Report report = SafetyGate.run(SafetyGate.Options.of(prod.write(tmp.resolve("m" + i), mutation)));
            List<Finding> errors = report.findings().stream().filter(Finding::isBlocking).toList();
            if (errors.isEmpty()) {
                missed.add(mutation.toString());
            }
            if (errors.stream().anyMatch(f -> f.rule().family().equals("api"))) {
                byApi++;
            }
        }
        double caught = 1.0 - (double) missed.size() / CORPUS.size();
        System.out.printf("api mutation corpus: %d cases, %d caught (%.1f%%), %d by an API rule; missed: %s%n",
                CORPUS.size(), CORPUS.size() - missed.size(), 100 * caught, byApi, missed);
        assertTrue(caught >= 0.95, "caught " + caught + "; missed: " + String.join("\n", missed));
        assertEquals(List.of(), missed, "every case of this corpus is one the gate knows");
    }
}
