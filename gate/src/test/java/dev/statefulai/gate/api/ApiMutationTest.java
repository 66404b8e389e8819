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

    private static void m(String rule, String file, String object, String pointer, String value) {
        CORPUS.add(new Mutation(rule, file, object, pointer, value));
    }

    private static void sc(String rule, String pointer, String value) {
        m(rule, "feature-pipeline.yaml", "StorageClass/feature-pipeline-gp3", pointer, value);
    }

    private static void localPv(String rule, String pointer, String value) {
        m(rule, "llm-inference.yaml", "PersistentVolume/llm-inference-pv-0", pointer, value);
    }

    private static void csiPv(String rule, String pointer, String value) {
        m(rule, "feature-pipeline.yaml", "PersistentVolume/features-raw-events", pointer, value);
    }

    private static void pvc(String rule, String pointer, String value) {
        m(rule, "feature-pipeline.yaml", "PersistentVolumeClaim/raw-events", pointer, value);
    }

    private static void sts(String rule, String pointer, String value) {
        m(rule, "llm-inference.yaml", "StatefulSet/llm-inference", pointer, value);
    }

    /** The llm-inference pod template: {@code pod("ValidateX", "/containers/0/name", "X")}. */
    private static void pod(String rule, String pointer, String value) {
        sts(rule, "/spec/template/spec" + pointer, value);
    }

    private static void svc(String rule, String pointer, String value) {
        m(rule, "vector-db.yaml", "Service/vector-db", pointer, value);
    }

    private static void pdb(String rule, String pointer, String value) {
        m(rule, "llm-inference.yaml", "PodDisruptionBudget/llm-inference", pointer, value);
    }

    static {
        // metadata of any object: ValidateObjectMetaAccessor, ValidateLabels, ValidateAnnotations (apimachinery)
        sc("NameIsDNSSubdomain", "/metadata/name", "Feature_GP3");
        sc("ValidateLabels key", "/metadata/labels", "{'bad key!': x}");
        localPv("ValidateLabels value", "/metadata/labels/app.kubernetes.io~1name", "llm inference");
        localPv("ValidateLabels value length", "/metadata/labels/app.kubernetes.io~1name", "a" + "b".repeat(63));
        pvc("ValidateAnnotations key", "/metadata/annotations", "{'example.com/a/b': x}");
        pvc("ValidateAnnotations 256 KiB", "/metadata/annotations", "{note: " + "x".repeat(262_145) + "}");
        pvc("ValidateNamespaceName", "/metadata/namespace", "Features");
        pvc("NameIsDNSSubdomain", "/metadata/name", "raw_events");
        svc("ValidateFinalizerName", "/metadata/finalizers", "['a/b/c']");
        // StorageClass: ValidateStorageClass
        sc("validateProvisioner required", "/provisioner", "''");
        sc("validateProvisioner qualified", "/provisioner", "ebs csi aws com");
        sc("validateProvisioner qualified", "/provisioner", "ebs.csi.aws.com/a/b");
        sc("validateReclaimPolicy", "/reclaimPolicy", "Recycle");
        sc("validateReclaimPolicy", "/reclaimPolicy", "retain");
        sc("validateVolumeBindingMode", "/volumeBindingMode", "Lazy");
        sc("validateParameters empty key", "/parameters/", "x");
        sc("validateAllowedTopologies values", "/allowedTopologies", "[{matchLabelExpressions: [{key: topology.ebs.csi.aws.com/zone, values: []}]}]");
        sc("validateAllowedTopologies duplicate value", "/allowedTopologies", "[{matchLabelExpressions: [{key: topology.ebs.csi.aws.com/zone, values: [a, a]}]}]");
        sc("validateAllowedTopologies key", "/allowedTopologies", "[{matchLabelExpressions: [{key: 'zone name', values: [a]}]}]");
        // PersistentVolume: ValidatePersistentVolumeSpec
        localPv("accessModes required", "/spec/accessModes", "[]");
        localPv("accessModes supported", "/spec/accessModes/0", "ReadWriteAlways");
        localPv("ReadWriteOncePod alone", "/spec/accessModes", "[ReadWriteOncePod, ReadWriteOnce]");
        localPv("capacity quantity", "/spec/capacity/storage", "800GB");
        localPv("capacity positive", "/spec/capacity/storage", "'0'");
        localPv("capacity positive", "/spec/capacity/storage", "-1Gi");
        localPv("capacity storage only", "/spec/capacity/cpu", "'1'");
        localPv("capacity required", "/spec/capacity", "{}");
        localPv("persistentVolumeReclaimPolicy", "/spec/persistentVolumeReclaimPolicy", "Keep");
        localPv("local requires nodeAffinity", "/spec/nodeAffinity", REMOVE);
        localPv("validateVolumeNodeAffinity required", "/spec/nodeAffinity", "{}");
        localPv("ValidateNodeSelector terms", "/spec/nodeAffinity/required/nodeSelectorTerms", "[]");
        localPv("ValidateNodeSelectorRequirement operator", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/operator", "Equals");
        localPv("ValidateNodeSelectorRequirement values", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/values", "[]");
        localPv("ValidateNodeSelectorRequirement key", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/key", "kubernetes.io/host name");
        localPv("validateLocalVolumeSource path", "/spec/local/path", "''");
        localPv("validateLocalVolumeSource backsteps", "/spec/local/path", "/mnt/../etc");
        localPv("more than 1 volume type", "/spec/hostPath", "{path: /mnt/nvme0}");
        localPv("a volume type", "/spec/local", REMOVE);
        localPv("storageClassName", "/spec/storageClassName", "LLM_local");
        localPv("volumeMode", "/spec/volumeMode", "Raw");
        localPv("NameIsDNSSubdomain", "/metadata/name", "llm-inference-pv-0.");
        csiPv("ValidateCSIDriverName required", "/spec/csi/driver", "''");
        csiPv("ValidateCSIDriverName subdomain", "/spec/csi/driver", "ebs_csi.aws.com");
        csiPv("ValidateCSIDriverName length", "/spec/csi/driver", "a".repeat(64));
        csiPv("volumeHandle required", "/spec/csi/volumeHandle", "''");
        csiPv("validatePVSecretReference namespace", "/spec/csi/nodePublishSecretRef", "{name: creds}");
        csiPv("validatePVSecretReference name", "/spec/csi/controllerExpandSecretRef", "{name: 'Creds', namespace: features}");
        csiPv("capacity quantity", "/spec/capacity/storage", "2TB");
        csiPv("ValidateNodeSelectorRequirement In values", "/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/operator", "Exists");
        csiPv("validateNFSVolumeSource absolute", "/spec/csi", REMOVE);
        // PersistentVolumeClaim: ValidatePersistentVolumeClaimSpec
        pvc("accessModes required", "/spec/accessModes", "[]");
        pvc("accessModes supported", "/spec/accessModes/0", "RWO");
        pvc("ReadWriteOncePod alone", "/spec/accessModes", "[ReadWriteOncePod, ReadOnlyMany]");
        pvc("storage quantity", "/spec/resources/requests/storage", "2TB");
        pvc("storage positive", "/spec/resources/requests/storage", "'0'");
        pvc("storage positive", "/spec/resources/requests/storage", "-5Gi");
        pvc("storage required", "/spec/resources/requests", "{}");
        pvc("limits quantity", "/spec/resources/limits", "{storage: 1XB}");
        pvc("storageClassName", "/spec/storageClassName", "Feature Pipeline");
        pvc("volumeMode", "/spec/volumeMode", "block");
        pvc("validateDataSource core kind", "/spec/dataSource", "{kind: Snapshot, name: s1}");
        pvc("validateDataSource name", "/spec/dataSource", "{apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: ''}");
        pvc("validateDataSourceRef kind", "/spec/dataSourceRef", "{name: other}");
        pvc("ValidateLabelSelectorRequirement operator", "/spec/selector", "{matchExpressions: [{key: tier, operator: Within, values: [a]}]}");
        pvc("ValidateLabelSelector value", "/spec/selector", "{matchLabels: {tier: 'hot data'}}");
        // StatefulSet: ValidateStatefulSetSpec
        sts("NameIsDNSLabel", "/metadata/name", "llm.inference");
        sts("replicas int32", "/spec/replicas", "2.5");
        sts("replicas non-negative", "/spec/replicas", "-1");
        sts("podManagementPolicy", "/spec/podManagementPolicy", "Serial");
        sts("updateStrategy type", "/spec/updateStrategy/type", "Rolling");
        sts("OnDelete without rollingUpdate", "/spec/updateStrategy", "{type: OnDelete, rollingUpdate: {partition: 0}}");
        sts("partition non-negative", "/spec/updateStrategy", "{type: RollingUpdate, rollingUpdate: {partition: -1}}");
        sts("ValidatePersistentVolumeClaimRetentionPolicyType", "/spec/persistentVolumeClaimRetentionPolicy/whenDeleted", "Keep");
        sts("minReadySeconds", "/spec/minReadySeconds", "-5");
        sts("ordinals.start", "/spec/ordinals", "{start: -1}");
        sts("selector matches template labels", "/spec/selector/matchLabels/app.kubernetes.io~1name", "other");
        sts("empty selector", "/spec/selector", "{}");
        sts("ValidateLabelSelector", "/spec/selector/matchLabels/app.kubernetes.io~1name", "llm inference");
        sts("template labels", "/spec/template/metadata/labels/app.kubernetes.io~1part-of", "ai platform");
        sts("template annotations", "/spec/template/metadata/annotations", "{'bad key': x}");
        sts("pod-deletion-cost", "/spec/template/metadata/annotations", "{controller.kubernetes.io/pod-deletion-cost: high}");
        pod("restartPolicy Always", "/restartPolicy", "Never");
        pod("activeDeadlineSeconds", "/activeDeadlineSeconds", "100");
        // the Pods the controller creates: ValidatePodCreate / ValidatePodSpec and helpers
        sts("hostname is a DNS label (newStatefulSetPod)", "/metadata/name", "l" + "x".repeat(62));
        sts("subdomain is a DNS label (newStatefulSetPod)", "/spec/serviceName", "llm.inference");
        sts("claim volume name (ValidateVolumes)", "/spec/volumeClaimTemplates/0/metadata/name", "Model_Cache");
        pod("containers required", "/containers", "[]");
        pod("container name", "/containers/0/name", "LLM");
        pod("container name unique", "/initContainers/0/name", "llm-inference");
        pod("image required", "/containers/0/image", "''");
        pod("image whitespace (validateContainerOnlyForPod)", "/containers/0/image", "' vllm/vllm-openai:v0.6.3'");
        pod("terminationMessagePolicy", "/containers/0/terminationMessagePolicy", "Always");
        pod("imagePullPolicy", "/containers/0/imagePullPolicy", "Sometimes");
        pod("containerPort required", "/containers/0/ports/0/containerPort", "0");
        pod("containerPort range", "/containers/0/ports/0/containerPort", "70000");
        pod("port name", "/containers/0/ports/0/name", "http-port-too-long");
        pod("port name letter", "/containers/0/ports/0/name", "'8000'");
        pod("port protocol", "/containers/0/ports/0/protocol", "HTTP");
        pod("port name unique", "/containers/0/ports/-", "{name: http, containerPort: 8001}");
        pod("hostPort range", "/containers/0/ports/0/hostPort", "70000");
        pod("env name", "/containers/0/env/0/name", "1HF_HOME");
        pod("env valueFrom one source", "/containers/0/env/1/valueFrom", "{}");
        pod("env value with valueFrom", "/containers/0/env/1/value", "x");
        pod("secretKeyRef key", "/containers/0/env/1/valueFrom/secretKeyRef/key", "token/x");
        pod("secretKeyRef name", "/containers/0/env/1/valueFrom/secretKeyRef/name", "HF Token");
        pod("fieldRef path", "/containers/0/env/-", "{name: NODE, valueFrom: {fieldRef: {fieldPath: spec.node}}}");
        pod("envFrom one source", "/containers/0/envFrom", "[{prefix: X_}]");
        pod("memory quantity", "/containers/0/resources/requests/memory", "128GB");
        pod("cpu non-negative", "/containers/0/resources/requests/cpu", "'-1'");
        pod("request at most limit", "/containers/0/resources/limits/memory", "64Gi");
        pod("extended resource integer", "/containers/0/resources/limits/nvidia.com~1gpu", "'1.5'");
        pod("extended resource request equals limit", "/containers/0/resources/requests/nvidia.com~1gpu", "'1'");
        pod("extended resource needs a limit", "/initContainers/0/resources/requests/nvidia.com~1gpu", "'1'");
        pod("standard resource name", "/containers/0/resources/limits/gpu", "'1'");
        pod("livenessProbe successThreshold", "/containers/0/livenessProbe/successThreshold", "2");
        pod("startupProbe successThreshold", "/containers/0/startupProbe/successThreshold", "3");
        pod("probe periodSeconds", "/containers/0/livenessProbe/periodSeconds", "-1");
        pod("probe failureThreshold int32", "/containers/0/startupProbe/failureThreshold", "71.5");
        pod("httpGet port", "/containers/0/livenessProbe/httpGet/port", "0");
        pod("httpGet port name", "/containers/0/livenessProbe/httpGet/port", "http_port");
        pod("httpGet scheme", "/containers/0/livenessProbe/httpGet/scheme", "TCP");
        pod("readiness terminationGracePeriodSeconds", "/containers/0/readinessProbe/terminationGracePeriodSeconds", "10");
        pod("one handler", "/containers/0/startupProbe/exec", "{command: [true]}");
        pod("a handler", "/containers/0/readinessProbe/httpGet", REMOVE);
        pod("exec command", "/containers/0/livenessProbe", "{exec: {command: []}}");
        pod("lifecycle handler", "/containers/0/lifecycle", "{preStop: {}}");
        pod("init container probes", "/initContainers/0/livenessProbe", "{tcpSocket: {port: 8000}}");
        pod("restartPolicy on a container", "/containers/0/restartPolicy", "Always");
        pod("volumeMount name", "/containers/0/volumeMounts/0/name", "cache");
        pod("volumeMount path unique", "/containers/0/volumeMounts/1/mountPath", "/models");
        pod("subPath", "/containers/0/volumeMounts/0/subPath", "../x");
        pod("subPath relative", "/initContainers/0/volumeMounts/0/subPath", "/abs");
        pod("mountPropagation", "/containers/0/volumeMounts/0/mountPropagation", "Bidirectional");
        pod("volumeDevices PVC only", "/containers/0/volumeDevices", "[{name: dshm, devicePath: /dev/xvda}]");
        pod("volume name", "/volumes/0/name", "DSHM");
        pod("emptyDir sizeLimit", "/volumes/0/emptyDir/sizeLimit", "16GB");
        pod("volume name unique", "/volumes/-", "{name: dshm, emptyDir: {}}");
        pod("one volume type", "/volumes/0/hostPath", "{path: /dev/shm}");
        pod("secret defaultMode", "/volumes/-", "{name: creds, secret: {secretName: s, defaultMode: 1000}}");
        pod("configMap item path", "/volumes/-", "{name: conf, configMap: {name: c, items: [{key: k, path: ../k}]}}");
        pod("hostPath type", "/volumes/-", "{name: host, hostPath: {path: /data, type: Folder}}");
        pod("nfs path absolute", "/volumes/-", "{name: share, nfs: {server: nfs.local, path: data}}");
        pod("persistentVolumeClaim claimName", "/volumes/-", "{name: shared, persistentVolumeClaim: {claimName: ''}}");
        pod("ephemeral claim template", "/volumes/-", "{name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [], resources: {requests: {storage: 1Gi}}}}}}");
        pod("runAsUser", "/securityContext/runAsUser", "-1");
        pod("fsGroup", "/securityContext/fsGroup", "-1");
        pod("fsGroup int64", "/securityContext/fsGroup", "1000.5");
        pod("fsGroupChangePolicy", "/securityContext/fsGroupChangePolicy", "Sometimes");
        pod("seccompProfile type", "/securityContext/seccompProfile/type", "Default");
        pod("seccompProfile localhostProfile", "/securityContext/seccompProfile/localhostProfile", "profiles/x.json");
        pod("sysctl name", "/securityContext/sysctls", "[{name: 'net/ipv4 bad', value: '1'}]");
        pod("container runAsGroup", "/containers/0/securityContext/runAsGroup", "-5");
        pod("allowPrivilegeEscalation with privileged", "/containers/0/securityContext/privileged", "true");
        pod("toleration operator", "/tolerations/0/operator", "Exist");
        pod("toleration Exists value", "/tolerations/0/value", "present");
        pod("tolerationSeconds NoExecute", "/tolerations/0/tolerationSeconds", "60");
        pod("toleration effect", "/tolerations/0/effect", "NoRun");
        pod("toleration key", "/tolerations/0/key", "nvidia gpu");
        pod("nodeSelector key", "/nodeSelector/gpu product", "x");
        pod("nodeSelector value", "/nodeSelector/nvidia.com~1gpu.product", "NVIDIA L40S");
        pod("maxSkew", "/topologySpreadConstraints/0/maxSkew", "0");
        pod("whenUnsatisfiable", "/topologySpreadConstraints/0/whenUnsatisfiable", "Never");
        pod("topologyKey", "/topologySpreadConstraints/0/topologyKey", "''");
        pod("spread constraint repeated", "/topologySpreadConstraints/-", "{maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}");
        pod("minDomains with ScheduleAnyway", "/topologySpreadConstraints/0/minDomains", "2");
        pod("spread labelSelector", "/topologySpreadConstraints/0/labelSelector/matchLabels/app.kubernetes.io~1name", "llm inference");
        pod("nodeAffinity terms", "/affinity", "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}");
        pod("preferred weight", "/affinity", "{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference: {matchExpressions: [{key: a, operator: Exists}]}}]}}");
        pod("podAntiAffinity topologyKey", "/affinity", "{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {a: b}}, topologyKey: ''}]}}");
        pod("dnsPolicy", "/dnsPolicy", "ClusterFirstly");
        pod("dnsConfig None", "/dnsPolicy", "None");
        pod("serviceAccountName", "/serviceAccountName", "Default SA");
        pod("priorityClassName", "/priorityClassName", "High_Priority");
        pod("preemptionPolicy", "/preemptionPolicy", "Always");
        pod("runtimeClassName", "/runtimeClassName", "NVIDIA");
        pod("os name", "/os", "{name: macos}");
        pod("hostAliases ip", "/hostAliases", "[{ip: 10.0.0.300, hostnames: [models.local]}]");
        pod("ephemeralContainers on create", "/ephemeralContainers", "[{name: debug, image: busybox}]");
        // the claims the controller creates: ValidatePersistentVolumeClaim on each claim template
        sts("claim accessModes", "/spec/volumeClaimTemplates/0/spec/accessModes", "[]");
        sts("claim ReadWriteOncePod alone", "/spec/volumeClaimTemplates/0/spec/accessModes", "[ReadWriteOncePod, ReadWriteOnce]");
        sts("claim storage quantity", "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", "800GB");
        sts("claim storage positive", "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", "'0'");
        sts("claim storageClassName", "/spec/volumeClaimTemplates/0/spec/storageClassName", "LLM NVMe");
        sts("claim volumeMode", "/spec/volumeClaimTemplates/0/spec/volumeMode", "Raw");
        sts("claim selector", "/spec/volumeClaimTemplates/0/spec/selector", "{matchExpressions: [{key: a, operator: In}]}");
        sts("claim labels", "/spec/volumeClaimTemplates/0/metadata/labels/app.kubernetes.io~1name", "llm inference");
        sts("claim name length", "/spec/volumeClaimTemplates/0/metadata/name", "c" + "x".repeat(240));
        // Service: ValidateService
        svc("NameIsDNS1035Label", "/metadata/name", "1vector-db");
        svc("port range", "/spec/ports/0/port", "0");
        svc("port range", "/spec/ports/0/port", "70000");
        svc("port int32", "/spec/ports/0/port", "6333.5");
        svc("port protocol", "/spec/ports/0/protocol", "HTTP");
        svc("port name", "/spec/ports/0/name", "HTTP");
        svc("port name required", "/spec/ports/0/name", REMOVE);
        svc("port name unique", "/spec/ports/1/name", "http");
        svc("port unique", "/spec/ports/1/port", "6333");
        svc("targetPort name", "/spec/ports/0/targetPort", "http_api");
        svc("targetPort range", "/spec/ports/0/targetPort", "70000");
        svc("appProtocol", "/spec/ports/0/appProtocol", "h2 c");
        svc("nodePort on ClusterIP", "/spec/ports/0/nodePort", "30000");
        svc("type", "/spec/type", "Headless");
        svc("headless NodePort", "/spec/type", "NodePort");
        svc("clusterIP", "/spec/clusterIP", "none");
        svc("clusterIP", "/spec/clusterIP", "10.0.0.300");
        svc("sessionAffinity", "/spec/sessionAffinity", "Sticky");
        svc("externalTrafficPolicy on ClusterIP", "/spec/externalTrafficPolicy", "Local");
        svc("internalTrafficPolicy", "/spec/internalTrafficPolicy", "Node");
        svc("ipFamilies", "/spec/ipFamilies", "[IPv5]");
        svc("ipFamilyPolicy", "/spec/ipFamilyPolicy", "Dual");
        svc("selector", "/spec/selector/app.kubernetes.io~1name", "vector db");
        svc("externalIPs", "/spec/externalIPs", "[not-an-ip]");
        svc("loadBalancerSourceRanges", "/spec/loadBalancerSourceRanges", "[10.0.0.0/8]");
        // PodDisruptionBudget: ValidatePodDisruptionBudgetSpec
        pdb("ValidatePositiveIntOrPercent", "/spec/maxUnavailable", "-1");
        pdb("IsNotMoreThan100Percent", "/spec/maxUnavailable", "150%");
        pdb("ValidatePositiveIntOrPercent", "/spec/maxUnavailable", "one");
        pdb("not both", "/spec/minAvailable", "1");
        pdb("unhealthyPodEvictionPolicy", "/spec/unhealthyPodEvictionPolicy", "Always");
        pdb("ValidateLabelSelectorRequirement", "/spec/selector", "{matchExpressions: [{key: app, operator: Exists, values: [x]}]}");
        pdb("ValidatePathSegmentName", "/metadata/name", "llm%inference");
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
