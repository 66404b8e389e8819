package dev.statefulai.gate.api;

import static dev.statefulai.gate.api.ApiRuleCase.with;
import static dev.statefulai.gate.api.ApiRuleCase.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.apps.DisruptionBudgetRules;
import dev.statefulai.gate.api.apps.ServiceRules;
import dev.statefulai.gate.api.apps.StatefulSetRules;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.storage.ClaimRules;
import dev.statefulai.gate.api.storage.PersistentVolumeRules;
import dev.statefulai.gate.api.storage.StorageClassRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule table: per kind, valid objects that a Kubernetes 1.28 API server accepts and invalid ones it
 * rejects, each naming the validation function (release-1.28: pkg/apis/core/validation/validation.go,
 * pkg/apis/storage/validation, pkg/apis/apps/validation, pkg/apis/policy/validation, apimachinery) and the
 * field path of the error. Each invalid row is a valid base with one change.
 */
class ApiRulesTableTest {
    private static final JsonNode SC = yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast},"
            + " provisioner: ebs.csi.aws.com, parameters: {type: gp3}, reclaimPolicy: Retain, volumeBindingMode: WaitForFirstConsumer}");
    private static final JsonNode PV = yaml("{apiVersion: v1, kind: PersistentVolume, metadata: {name: pv1}, spec: {accessModes:"
            + " [ReadWriteOnce], capacity: {storage: 10Gi}, csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1},"
            + " persistentVolumeReclaimPolicy: Retain, storageClassName: fast}}");
    private static final JsonNode PVC = yaml("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: claim, namespace: data},"
            + " spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}, storageClassName: fast}}");
    private static final JsonNode STS = yaml("{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: db, namespace: data},"
            + " spec: {replicas: 3, serviceName: db, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}},"
            + " spec: {containers: [{name: main, image: 'busybox:1.36', ports: [{name: http, containerPort: 8080}],"
            + " resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}},"
            + " volumeMounts: [{name: data, mountPath: /data}]}]}},"
            + " volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]}}");
    private static final JsonNode SVC = yaml("{apiVersion: v1, kind: Service, metadata: {name: db, namespace: data}, spec: {clusterIP: None,"
            + " selector: {app: db}, ports: [{name: http, port: 80, targetPort: http}]}}");
    private static final JsonNode PDB = yaml("{apiVersion: policy/v1, kind: PodDisruptionBudget, metadata: {name: db, namespace: data},"
            + " spec: {maxUnavailable: 1, selector: {matchLabels: {app: db}}}}");

    private static final Function<JsonNode, List<Problem>> STS_ALL = sts -> {
        StatefulSetRules.Result r = StatefulSetRules.validate(sts);
        List<Problem> all = new ArrayList<>(r.set());
        all.addAll(r.pods());
        all.addAll(r.claims());
        return all;
    };

    private static final List<ApiRuleCase> CASES = new ArrayList<>();

    private static void ok(String kind, JsonNode base, Function<JsonNode, List<Problem>> v, String name, String pointer, String value) {
        CASES.add(new ApiRuleCase(kind, name, pointer == null ? base : with(base, pointer, value), v, null, null));
    }

    private static void bad(String kind, JsonNode base, Function<JsonNode, List<Problem>> v, String function, String path,
                            String pointer, String value) {
        CASES.add(new ApiRuleCase(kind, pointer + " = " + value, with(base, pointer, value), v, function, path));
    }

    private static void scOk(String name, String pointer, String value) {
        ok("StorageClass", SC, StorageClassRules::validate, name, pointer, value);
    }

    private static void sc(String function, String path, String pointer, String value) {
        bad("StorageClass", SC, StorageClassRules::validate, function, path, pointer, value);
    }

    private static void pvOk(String name, String pointer, String value) {
        ok("PersistentVolume", PV, PersistentVolumeRules::validate, name, pointer, value);
    }

    private static void pv(String function, String path, String pointer, String value) {
        bad("PersistentVolume", PV, PersistentVolumeRules::validate, function, path, pointer, value);
    }

    private static void pvcOk(String name, String pointer, String value) {
        ok("PersistentVolumeClaim", PVC, ClaimRules::validate, name, pointer, value);
    }

    private static void pvc(String function, String path, String pointer, String value) {
        bad("PersistentVolumeClaim", PVC, ClaimRules::validate, function, path, pointer, value);
    }

    private static void stsOk(String name, String pointer, String value) {
        ok("StatefulSet", STS, STS_ALL, name, pointer, value);
    }

    private static void sts(String function, String path, String pointer, String value) {
        bad("StatefulSet", STS, STS_ALL, function, path, pointer, value);
    }

    /** The StatefulSet's pod template, checked as the Pod it becomes. */
    private static void pod(String function, String path, String pointer, String value) {
        bad("Pod (from a StatefulSet)", STS, STS_ALL, function, "spec.template.spec." + path, "/spec/template/spec" + pointer, value);
    }

    private static void podOk(String name, String pointer, String value) {
        ok("Pod (from a StatefulSet)", STS, STS_ALL, name, "/spec/template/spec" + pointer, value);
    }

    private static void svcOk(String name, String pointer, String value) {
        ok("Service", SVC, ServiceRules::validate, name, pointer, value);
    }

    private static void svc(String function, String path, String pointer, String value) {
        bad("Service", SVC, ServiceRules::validate, function, path, pointer, value);
    }

    private static void pdbOk(String name, String pointer, String value) {
        ok("PodDisruptionBudget", PDB, DisruptionBudgetRules::validate, name, pointer, value);
    }

    private static void pdb(String function, String path, String pointer, String value) {
        bad("PodDisruptionBudget", PDB, DisruptionBudgetRules::validate, function, path, pointer, value);
    }

    static {
        // ValidateStorageClass (pkg/apis/storage/validation/validation.go)
        scOk("the base", null, null);
        scOk("defaults: no reclaimPolicy (Delete), no volumeBindingMode (Immediate)", "/reclaimPolicy", null);
        scOk("a provisioner with capitals is lower-cased first (validateProvisioner)", "/provisioner", "Example.com/NFS");
        scOk("the no-provisioner of local volumes", "/provisioner", "kubernetes.io/no-provisioner");
        scOk("allowed topologies", "/allowedTopologies", "[{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a, b]}]}]");
        sc("validateProvisioner", "provisioner", "/provisioner", "''");
        sc("validateProvisioner", "provisioner", "/provisioner", "'ebs csi'");
        sc("validateProvisioner", "provisioner", "/provisioner", "'a/b/c'");
        sc("validateReclaimPolicy", "reclaimPolicy", "/reclaimPolicy", "Recycle");
        sc("validateVolumeBindingMode", "volumeBindingMode", "/volumeBindingMode", "immediate");
        sc("validateParameters", "parameters", "/parameters/", "x");
        sc("ValidateTopologySelectorTerm", "allowedTopologies[0].matchLabelExpressions[0].values", "/allowedTopologies",
                "[{matchLabelExpressions: [{key: zone, values: []}]}]");
        sc("ValidateTopologySelectorTerm", "allowedTopologies[0].matchLabelExpressions[1].key", "/allowedTopologies",
                "[{matchLabelExpressions: [{key: zone, values: [a]}, {key: zone, values: [b]}]}]");
        sc("validateAllowedTopologies", "allowedTopologies[1].matchLabelExpressions", "/allowedTopologies",
                "[{matchLabelExpressions: [{key: zone, values: [a]}]}, {matchLabelExpressions: [{key: zone, values: [a]}]}]");
        sc("ValidateObjectMetaAccessor", "metadata.name", "/metadata/name", "Fast");
        sc("ValidateLabels", "metadata.labels", "/metadata/labels", "{'a b': c}");
        sc("ValidateAnnotations", "metadata.annotations", "/metadata/annotations", "{'-bad': c}");

        // ValidatePersistentVolume / ValidatePersistentVolumeSpec (pkg/apis/core/validation/validation.go)
        pvOk("the base", null, null);
        pvOk("ReadWriteOncePod alone (gate beta, on in 1.28)", "/spec/accessModes", "[ReadWriteOncePod]");
        pvOk("all three classic modes", "/spec/accessModes", "[ReadWriteOnce, ReadOnlyMany, ReadWriteMany]");
        pvOk("no reclaim policy (defaulted to Retain)", "/spec/persistentVolumeReclaimPolicy", null);
        pvOk("decimal capacity", "/spec/capacity/storage", "100G");
        pvOk("capacity as a number", "/spec/capacity/storage", "1073741824");
        pvOk("Recycle", "/spec/persistentVolumeReclaimPolicy", "Recycle");
        pvOk("csi with secret references", "/spec/csi", "{driver: ebs.csi.aws.com, volumeHandle: v, nodePublishSecretRef: {name: s, namespace: ns}}");
        pv("ValidatePersistentVolumeSpec", "spec.accessModes", "/spec/accessModes", "[]");
        pv("ValidatePersistentVolumeSpec", "spec.accessModes[0]", "/spec/accessModes", "[ReadWriteSometimes]");
        pv("ValidatePersistentVolumeSpec", "spec.accessModes", "/spec/accessModes", "[ReadWriteOncePod, ReadOnlyMany]");
        pv("ValidatePersistentVolumeSpec", "spec.capacity", "/spec/capacity", "{}");
        pv("ValidatePersistentVolumeSpec", "spec.capacity", "/spec/capacity/cpu", "'1'");
        pv("ValidatePersistentVolumeSpec", "spec.capacity[storage]", "/spec/capacity/storage", "'0'");
        pv("resource.ParseQuantity", "spec.capacity.storage", "/spec/capacity/storage", "10GB");
        pv("ValidatePersistentVolumeSpec", "spec.persistentVolumeReclaimPolicy", "/spec/persistentVolumeReclaimPolicy", "Keep");
        pv("ValidatePersistentVolumeSpec", "spec", "/spec/csi", null);
        pv("ValidatePersistentVolumeSpec", "spec.csi", "/spec/hostPath", "{path: /data}");
        pv("ValidatePersistentVolumeSpec", "spec.storageClassName", "/spec/storageClassName", "Fast");
        pv("ValidatePersistentVolumeSpec", "spec.volumeMode", "/spec/volumeMode", "Raw");
        pv("ValidateCSIDriverName", "spec.csi.driver", "/spec/csi/driver", "'ebs csi'");
        pv("validateCSIPersistentVolumeSource", "spec.csi.volumeHandle", "/spec/csi/volumeHandle", "''");
        pv("validatePVSecretReference", "spec.csi.controllerPublishSecretRef.namespace", "/spec/csi/controllerPublishSecretRef", "{name: s}");
        pv("validateVolumeNodeAffinity", "spec.nodeAffinity.required", "/spec/nodeAffinity", "{}");
        pv("ValidateNodeSelector", "spec.nodeAffinity.required.nodeSelectorTerms", "/spec/nodeAffinity", "{required: {nodeSelectorTerms: []}}");
        pv("ValidateNodeSelectorRequirement", "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values",
                "/spec/nodeAffinity", "{required: {nodeSelectorTerms: [{matchExpressions: [{key: k, operator: Gt, values: [1, 2]}]}]}}");
        pv("ValidateNodeFieldSelectorRequirement", "spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].key",
                "/spec/nodeAffinity", "{required: {nodeSelectorTerms: [{matchFields: [{key: metadata.uid, operator: In, values: [a]}]}]}}");
        CASES.add(new ApiRuleCase("PersistentVolume", "local without node affinity", yaml("{metadata: {name: l}, spec: {accessModes: [ReadWriteOnce],"
                + " capacity: {storage: 1Gi}, local: {path: /mnt/disk}}}"), PersistentVolumeRules::validate, "ValidatePersistentVolumeSpec", "spec.nodeAffinity"));
        CASES.add(new ApiRuleCase("PersistentVolume", "nfs with a relative path", yaml("{metadata: {name: n}, spec: {accessModes: [ReadWriteMany],"
                + " capacity: {storage: 1Gi}, nfs: {server: s, path: data}}}"), PersistentVolumeRules::validate, "validateNFSVolumeSource", "spec.nfs.path"));
        CASES.add(new ApiRuleCase("PersistentVolume", "hostPath '/' with Recycle", yaml("{metadata: {name: h}, spec: {accessModes: [ReadWriteOnce],"
                + " capacity: {storage: 1Gi}, hostPath: {path: /}, persistentVolumeReclaimPolicy: Recycle}}"), PersistentVolumeRules::validate,
                "ValidatePersistentVolumeSpec", "spec.persistentVolumeReclaimPolicy"));
        CASES.add(new ApiRuleCase("PersistentVolume", "awsElasticBlockStore without a volume id", yaml("{metadata: {name: e}, spec: {accessModes:"
                + " [ReadWriteOnce], capacity: {storage: 1Gi}, awsElasticBlockStore: {fsType: ext4}}}"), PersistentVolumeRules::validate,
                "validateAwsElasticBlockStoreVolumeSource", "spec.awsElasticBlockStore.volumeID"));

        // ValidatePersistentVolumeClaim / ValidatePersistentVolumeClaimSpec
        pvcOk("the base", null, null);
        pvcOk("no class at all (default class)", "/spec/storageClassName", null);
        pvcOk("no class (\"\": pre-provisioned only)", "/spec/storageClassName", "''");
        pvcOk("a snapshot data source", "/spec/dataSource", "{apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}");
        pvcOk("a clone", "/spec/dataSource", "{kind: PersistentVolumeClaim, name: other}");
        pvcOk("a selector", "/spec/selector", "{matchExpressions: [{key: tier, operator: In, values: [hot]}]}");
        pvcOk("Block volume mode", "/spec/volumeMode", "Block");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.accessModes", "/spec/accessModes", "[]");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.accessModes[0]", "/spec/accessModes", "[ReadWriteOnly]");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.accessModes", "/spec/accessModes", "[ReadWriteOncePod, ReadWriteMany]");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.resources.requests[storage]", "/spec/resources/requests", "{}");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.resources.requests[storage]", "/spec/resources/requests/storage", "'0'");
        pvc("resource.ParseQuantity", "spec.resources.requests.storage", "/spec/resources/requests/storage", "5GiB");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.storageClassName", "/spec/storageClassName", "fast_ssd");
        pvc("ValidatePersistentVolumeClaimSpec", "spec.volumeMode", "/spec/volumeMode", "filesystem");
        pvc("validateDataSource", "spec.dataSource", "/spec/dataSource", "{kind: Snapshot, name: s}");
        pvc("validateDataSource", "spec.dataSource.name", "/spec/dataSource", "{kind: PersistentVolumeClaim}");
        pvc("validateDataSourceRef", "spec.dataSourceRef.kind", "/spec/dataSourceRef", "{name: x}");
        pvc("ValidateLabelSelectorRequirement", "spec.selector.matchExpressions[0].values", "/spec/selector",
                "{matchExpressions: [{key: tier, operator: In}]}");
        pvc("ValidateLabelSelectorRequirement", "spec.selector.matchExpressions[0].operator", "/spec/selector",
                "{matchExpressions: [{key: tier, operator: Equals, values: [a]}]}");
        pvc("ValidateObjectMetaAccessor", "metadata.namespace", "/metadata/namespace", "Data");

        // ValidateStatefulSet / ValidateStatefulSetSpec (pkg/apis/apps/validation/validation.go)
        stsOk("the base", null, null);
        stsOk("OnDelete", "/spec/updateStrategy", "{type: OnDelete}");
        stsOk("a partition", "/spec/updateStrategy", "{type: RollingUpdate, rollingUpdate: {partition: 2}}");
        stsOk("Parallel", "/spec/podManagementPolicy", "Parallel");
        stsOk("retention policy", "/spec/persistentVolumeClaimRetentionPolicy", "{whenDeleted: Delete, whenScaled: Retain}");
        stsOk("ordinals", "/spec/ordinals", "{start: 5}");
        stsOk("zero replicas", "/spec/replicas", "0");
        stsOk("a name of 52 characters", "/metadata/name", "d" + "b".repeat(51));
        stsOk("a selector with expressions", "/spec/selector", "{matchExpressions: [{key: app, operator: In, values: [db, cache]}]}");
        sts("ValidateObjectMetaAccessor", "metadata.name", "/metadata/name", "db.primary");
        sts("ValidateStatefulSetSpec", "spec.podManagementPolicy", "/spec/podManagementPolicy", "Sequential");
        sts("ValidateStatefulSetSpec", "spec.updateStrategy", "/spec/updateStrategy", "{type: Recreate}");
        sts("ValidateStatefulSetSpec", "spec.updateStrategy.rollingUpdate", "/spec/updateStrategy", "{type: OnDelete, rollingUpdate: {partition: 1}}");
        sts("ValidateNonnegativeField", "spec.updateStrategy.rollingUpdate.partition", "/spec/updateStrategy",
                "{type: RollingUpdate, rollingUpdate: {partition: -1}}");
        sts("ValidateNonnegativeField", "spec.replicas", "/spec/replicas", "-1");
        sts("json decoding into the Go type", "spec.replicas", "/spec/replicas", "1.5");
        sts("ValidateNonnegativeField", "spec.minReadySeconds", "/spec/minReadySeconds", "-1");
        sts("ValidateNonnegativeField", "spec.ordinals.start", "/spec/ordinals", "{start: -2}");
        sts("ValidatePersistentVolumeClaimRetentionPolicyType", "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
                "/spec/persistentVolumeClaimRetentionPolicy", "{whenScaled: Orphan}");
        sts("ValidateStatefulSetSpec", "spec.selector", "/spec/selector", "{}");
        sts("ValidatePodTemplateSpecForStatefulSet", "spec.template.metadata.labels", "/spec/selector/matchLabels/app", "cache");
        sts("ValidateLabels", "spec.template.labels", "/spec/template/metadata/labels/tier", "'-x'");
        sts("ValidateAnnotations", "spec.template.annotations", "/spec/template/metadata/annotations", "{'a/b/c': x}");
        sts("ValidateStatefulSetSpec", "spec.template.spec.restartPolicy", "/spec/template/spec/restartPolicy", "OnFailure");
        sts("ValidateStatefulSetSpec", "spec.template.spec.activeDeadlineSeconds", "/spec/template/spec/activeDeadlineSeconds", "30");
        sts("newStatefulSetPod", "metadata.name", "/metadata/name", "d" + "b".repeat(52));
        sts("newStatefulSetPod", "spec.serviceName", "/spec/serviceName", "db.svc");
        sts("ValidateVolumes", "spec.volumeClaimTemplates[0].metadata.name", "/spec/volumeClaimTemplates/0/metadata/name", "Data");
        sts("ValidatePersistentVolumeClaimSpec", "spec.volumeClaimTemplates[0].spec.accessModes",
                "/spec/volumeClaimTemplates/0/spec/accessModes", "[]");
        sts("ValidatePersistentVolumeClaimSpec", "spec.volumeClaimTemplates[0].spec.resources.requests[storage]",
                "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", "'-1Gi'");
        sts("ValidateLabels", "spec.volumeClaimTemplates[0].metadata.labels", "/spec/volumeClaimTemplates/0/metadata/labels", "{'app': 'a b'}");

        // ValidatePodCreate / ValidatePodSpec on the template, as the controller's Pod
        podOk("a readiness probe with defaults", "/containers/0/readinessProbe", "{httpGet: {port: http}}");
        podOk("limits only: requests default to limits (SetDefaults_Pod)", "/containers/0/resources", "{limits: {cpu: '1', memory: 1Gi, nvidia.com/gpu: '1'}}");
        podOk("a volume without a source is an emptyDir (SetDefaults_Volume)", "/volumes", "[{name: scratch}]");
        podOk("a template volume named like a claim template is replaced by the claim", "/volumes", "[{name: data, emptyDir: {}}]");
        podOk("hostPath type", "/volumes", "[{name: h, hostPath: {path: /var/log, type: Directory}}]");
        podOk("tolerate everything", "/tolerations", "[{operator: Exists}]");
        podOk("spread constraints", "/topologySpreadConstraints", "[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2,"
                + " labelSelector: {matchLabels: {app: db}}, matchLabelKeys: [pod-template-hash]}]");
        podOk("init container", "/initContainers", "[{name: init, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]");
        pod("validateContainers", "containers", "/containers", "[]");
        pod("validateContainerCommon", "containers[0].name", "/containers/0/name", "Main");
        pod("validateContainerCommon", "containers[0].image", "/containers/0/image", "''");
        pod("validateContainerOnlyForPod", "containers[0].image", "/containers/0/image", "'busybox '");
        pod("validateContainerCommon", "containers[0].terminationMessagePolicy", "/containers/0/terminationMessagePolicy", "Never");
        pod("validateContainerPorts", "containers[0].ports[0].containerPort", "/containers/0/ports/0/containerPort", "0");
        pod("validateContainerPorts", "containers[0].ports[0].name", "/containers/0/ports/0/name", "HTTP");
        pod("validateContainerPorts", "containers[0].ports[0].protocol", "/containers/0/ports/0/protocol", "tcp");
        pod("ValidateEnv", "containers[0].env[0].name", "/containers/0/env", "[{name: '9LIVES', value: x}]");
        pod("validateEnvVarValueFrom", "containers[0].env[0].valueFrom", "/containers/0/env", "[{name: A, valueFrom: {}}]");
        pod("validateSecretKeySelector", "containers[0].env[0].valueFrom.secretKeyRef.key", "/containers/0/env",
                "[{name: A, valueFrom: {secretKeyRef: {name: s, key: 'a b'}}}]");
        pod("ValidateVolumeMounts", "containers[0].volumeMounts[0].name", "/containers/0/volumeMounts/0/name", "logs");
        pod("validatePathNoBacksteps", "containers[0].volumeMounts.subPath", "/containers/0/volumeMounts/0/subPath", "../up");
        pod("ValidateResourceRequirements", "containers[0].resources.requests", "/containers/0/resources/limits/memory", "32Mi");
        pod("resource.ParseQuantity", "containers[0].resources.requests.memory", "/containers/0/resources/requests/memory", "64MB");
        pod("ValidateResourceQuantityValue", "containers[0].resources.requests[cpu]", "/containers/0/resources/requests/cpu", "'-1'");
        pod("validateContainerResourceName", "containers[0].resources.limits[gpu]", "/containers/0/resources/limits/gpu", "'1'");
        pod("validateLivenessProbe", "containers[0].livenessProbe.successThreshold", "/containers/0/livenessProbe",
                "{httpGet: {port: 8080}, successThreshold: 2}");
        pod("validateHandler", "containers[0].readinessProbe", "/containers/0/readinessProbe", "{periodSeconds: 5}");
        pod("validateHandler", "containers[0].readinessProbe.tcpSocket", "/containers/0/readinessProbe",
                "{httpGet: {port: 8080}, tcpSocket: {port: 8080}}");
        pod("ValidatePortNumOrName", "containers[0].startupProbe.httpGet.port", "/containers/0/startupProbe", "{httpGet: {port: web_ui}}");
        pod("validateInitContainers", "initContainers[0].livenessProbe", "/initContainers",
                "[{name: init, image: busybox, livenessProbe: {exec: {command: [true]}}}]");
        pod("validateInitContainers", "initContainers[0].name", "/initContainers", "[{name: main, image: busybox}]");
        pod("validateVolumeSource", "volumes[0].hostPath", "/volumes", "[{name: v, emptyDir: {}, hostPath: {path: /x}}]");
        pod("ValidateVolumes", "volumes[1].name", "/volumes", "[{name: v, emptyDir: {}}, {name: v, emptyDir: {}}]");
        pod("validateSecretVolumeSource", "volumes[0].secret.defaultMode", "/volumes", "[{name: v, secret: {secretName: s, defaultMode: 512}}]");
        pod("validateKeyToPath", "volumes[0].configMap.items[0].path", "/volumes",
                "[{name: v, configMap: {name: c, items: [{key: k, path: /etc/k}]}}]");
        pod("validatePodSpecSecurityContext", "securityContext.runAsUser", "/securityContext", "{runAsUser: -1}");
        pod("validateFSGroupChangePolicy", "securityContext.fsGroupChangePolicy", "/securityContext", "{fsGroupChangePolicy: Never}");
        pod("validateSeccompProfileField", "securityContext.seccompProfile.localhostProfile", "/securityContext",
                "{seccompProfile: {type: Localhost}}");
        pod("ValidateSecurityContext", "containers[0].securityContext", "/containers/0/securityContext",
                "{privileged: true, allowPrivilegeEscalation: false}");
        pod("ValidateTolerations", "tolerations[0].operator", "/tolerations", "[{key: a, operator: Exists, value: b}]");
        pod("ValidateTolerations", "tolerations[0].effect", "/tolerations", "[{key: a, operator: Exists, tolerationSeconds: 5}]");
        pod("validateTaintEffect", "tolerations[0].effect", "/tolerations", "[{key: a, operator: Exists, effect: NoSchedules}]");
        pod("ValidateLabels", "nodeSelector", "/nodeSelector", "{disk: 'fast ssd'}");
        pod("ValidateMaxSkew", "topologySpreadConstraints[0].maxSkew", "/topologySpreadConstraints",
                "[{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]");
        pod("validateMinDomains", "topologySpreadConstraints[0].minDomains", "/topologySpreadConstraints",
                "[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 3}]");
        pod("validateMatchLabelKeys", "topologySpreadConstraints[0].matchLabelKeys[0]", "/topologySpreadConstraints",
                "[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: db}}, matchLabelKeys: [app]}]");
        pod("validatePodAffinityTerm", "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey", "/affinity",
                "{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: db}}}]}}");
        pod("ValidatePreferredSchedulingTerms", "affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight", "/affinity",
                "{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101, preference: {}}]}}");
        pod("validateDNSPolicy", "dnsPolicy", "/dnsPolicy", "Cluster");
        pod("validatePodDNSConfig", "dnsConfig.nameservers[0]", "/dnsConfig", "{nameservers: [dns.local]}");
        pod("ValidatePodSpec", "serviceAccountName", "/serviceAccountName", "Builder");
        pod("ValidatePodCreate", "ephemeralContainers", "/ephemeralContainers", "[{name: dbg, image: busybox}]");

        // ValidateService (pkg/apis/core/validation/validation.go)
        svcOk("the base (headless)", null, null);
        svcOk("headless without ports", "/spec/ports", "[]");
        svcOk("one unnamed port", "/spec/ports", "[{port: 80}]");
        svcOk("ClusterIP with an address", "/spec/clusterIP", "10.0.0.10");
        svcOk("NodePort", "/spec", "{type: NodePort, selector: {app: db}, ports: [{port: 80, nodePort: 30080}], externalTrafficPolicy: Local}");
        svcOk("LoadBalancer", "/spec", "{type: LoadBalancer, ports: [{port: 443}], loadBalancerSourceRanges: [10.0.0.0/8], allocateLoadBalancerNodePorts: false}");
        svcOk("ExternalName", "/spec", "{type: ExternalName, externalName: db.example.com.}");
        svcOk("ClientIP affinity", "/spec/sessionAffinity", "ClientIP");
        svc("ValidateObjectMetaAccessor", "metadata.name", "/metadata/name", "9db");
        svc("ValidateService", "spec.ports", "/spec", "{selector: {app: db}, ports: []}");
        svc("validateServicePort", "spec.ports[0].name", "/spec/ports", "[{port: 80}, {name: b, port: 81}]");
        svc("validateServicePort", "spec.ports[0].port", "/spec/ports/0/port", "0");
        svc("validateServicePort", "spec.ports[0].protocol", "/spec/ports/0/protocol", "ICMP");
        svc("ValidatePortNumOrName", "spec.ports[0].targetPort", "/spec/ports/0/targetPort", "'-http'");
        svc("ValidateService", "spec.ports[1]", "/spec/ports", "[{name: a, port: 80}, {name: b, port: 80}]");
        svc("ValidateService", "spec.ports[0].nodePort", "/spec/ports/0/nodePort", "30000");
        svc("ValidateService", "spec.clusterIPs[0]", "/spec/type", "LoadBalancer");
        svc("ValidateService", "spec.externalName", "/spec", "{type: ExternalName, externalName: 'db_example'}");
        svc("ValidateService", "spec.type", "/spec/type", "Internal");
        svc("ValidateService", "spec.sessionAffinity", "/spec/sessionAffinity", "Cookie");
        svc("ValidateServiceClusterIPsRelatedFields", "spec.clusterIPs[0]", "/spec/clusterIP", "10.0.0.256");
        svc("ValidateServiceClusterIPsRelatedFields", "spec.clusterIPs", "/spec/clusterIPs", "[10.0.0.1]");
        svc("validateServiceExternalTrafficPolicy", "spec.externalTrafficPolicy", "/spec/externalTrafficPolicy", "Cluster");
        svc("validateServiceInternalTrafficFieldsValue", "spec.internalTrafficPolicy", "/spec/internalTrafficPolicy", "Everywhere");

        // ValidatePodDisruptionBudget (pkg/apis/policy/validation/validation.go)
        pdbOk("the base", null, null);
        pdbOk("a percentage", "/spec/maxUnavailable", "25%");
        pdbOk("minAvailable alone", "/spec", "{minAvailable: 2, selector: {matchLabels: {app: db}}}");
        pdbOk("100%", "/spec/maxUnavailable", "100%");
        pdbOk("AlwaysAllow", "/spec/unhealthyPodEvictionPolicy", "AlwaysAllow");
        pdb("ValidatePodDisruptionBudgetSpec", "spec", "/spec/minAvailable", "1");
        pdb("ValidatePositiveIntOrPercent", "spec.maxUnavailable", "/spec/maxUnavailable", "-1");
        pdb("ValidatePositiveIntOrPercent", "spec.maxUnavailable", "/spec/maxUnavailable", "half");
        pdb("IsNotMoreThan100Percent", "spec.maxUnavailable", "/spec/maxUnavailable", "101%");
        pdb("ValidatePodDisruptionBudgetSpec", "spec.unhealthyPodEvictionPolicy", "/spec/unhealthyPodEvictionPolicy", "Never");
        pdb("ValidateLabelSelectorRequirement", "spec.selector.matchExpressions[0].values", "/spec/selector",
                "{matchExpressions: [{key: app, operator: DoesNotExist, values: [db]}]}");
    }

    static Stream<ApiRuleCase> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theApiServerRule(ApiRuleCase c) {
        List<Problem> problems = c.validator().apply(c.object());
        if (c.valid()) {
            assertEquals(List.of(), problems.stream().map(Problem::toString).toList());
        } else {
            assertTrue(problems.stream().anyMatch(p -> p.function().equals(c.function()) && p.path().equals(c.path())),
                    "expected " + c.function() + " at " + c.path() + ", got " + problems);
        }
    }
}
