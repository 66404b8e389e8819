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

    /** The rows of one kind: a valid base and its validator; pointers and paths below a prefix (the pod template's). */
    private record Kind(String name, JsonNode base, Function<JsonNode, List<Problem>> validator, String pointerPrefix, String pathPrefix) {
        Kind(String name, JsonNode base, Function<JsonNode, List<Problem>> validator) {
            this(name, base, validator, "", "");
        }

        /** A valid object: the base, or the base with {@code pointer} set to {@code value}. */
        void ok(String what, String pointer, String value) {
            CASES.add(new ApiRuleCase(name, what, pointer == null ? base : with(base, pointerPrefix + pointer, value), validator, null, null));
        }

        /** The base with one change, which {@code function} rejects at {@code path}. */
        void bad(String function, String path, String pointer, String value) {
            CASES.add(new ApiRuleCase(name, pointer + " = " + value, with(base, pointerPrefix + pointer, value), validator, function,
                    pathPrefix + path));
        }
    }

    private static final Kind STORAGE_CLASS = new Kind("StorageClass", SC, StorageClassRules::validate);
    private static final Kind VOLUME = new Kind("PersistentVolume", PV, PersistentVolumeRules::validate);
    private static final Kind CLAIM = new Kind("PersistentVolumeClaim", PVC, ClaimRules::validate);
    private static final Kind STATEFUL_SET = new Kind("StatefulSet", STS, STS_ALL);
    /** The StatefulSet's pod template, checked as the Pod it becomes. */
    private static final Kind POD = new Kind("Pod (from a StatefulSet)", STS, STS_ALL, "/spec/template/spec", "spec.template.spec.");
    private static final Kind SERVICE = new Kind("Service", SVC, ServiceRules::validate);
    private static final Kind BUDGET = new Kind("PodDisruptionBudget", PDB, DisruptionBudgetRules::validate);

    static {
        // ValidateStorageClass (pkg/apis/storage/validation/validation.go)
        STORAGE_CLASS.ok("the base", null, null);
        STORAGE_CLASS.ok("defaults: no reclaimPolicy (Delete), no volumeBindingMode (Immediate)", "/reclaimPolicy", null);
        STORAGE_CLASS.ok("a provisioner with capitals is lower-cased first (validateProvisioner)", "/provisioner", "Example.com/NFS");
        STORAGE_CLASS.ok("the no-provisioner of local volumes", "/provisioner", "kubernetes.io/no-provisioner");
        STORAGE_CLASS.ok("allowed topologies", "/allowedTopologies", "[{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a, b]}]}]");
        STORAGE_CLASS.bad("validateProvisioner", "provisioner", "/provisioner", "''");
        STORAGE_CLASS.bad("validateProvisioner", "provisioner", "/provisioner", "'ebs csi'");
        STORAGE_CLASS.bad("validateProvisioner", "provisioner", "/provisioner", "'a/b/c'");
        STORAGE_CLASS.bad("validateReclaimPolicy", "reclaimPolicy", "/reclaimPolicy", "Recycle");
        STORAGE_CLASS.bad("validateVolumeBindingMode", "volumeBindingMode", "/volumeBindingMode", "immediate");
        STORAGE_CLASS.bad("validateParameters", "parameters", "/parameters/", "x");
        STORAGE_CLASS.bad("ValidateTopologySelectorTerm", "allowedTopologies[0].matchLabelExpressions[0].values", "/allowedTopologies",
                "[{matchLabelExpressions: [{key: zone, values: []}]}]");
        STORAGE_CLASS.bad("ValidateTopologySelectorTerm", "allowedTopologies[0].matchLabelExpressions[1].key", "/allowedTopologies",
                "[{matchLabelExpressions: [{key: zone, values: [a]}, {key: zone, values: [b]}]}]");
        STORAGE_CLASS.bad("validateAllowedTopologies", "allowedTopologies[1].matchLabelExpressions", "/allowedTopologies",
                "[{matchLabelExpressions: [{key: zone, values: [a]}]}, {matchLabelExpressions: [{key: zone, values: [a]}]}]");
        STORAGE_CLASS.bad("ValidateObjectMetaAccessor", "metadata.name", "/metadata/name", "Fast");
        STORAGE_CLASS.bad("ValidateLabels", "metadata.labels", "/metadata/labels", "{'a b': c}");
        STORAGE_CLASS.bad("ValidateAnnotations", "metadata.annotations", "/metadata/annotations", "{'-bad': c}");

        // ValidatePersistentVolume / ValidatePersistentVolumeSpec (pkg/apis/core/validation/validation.go)
        VOLUME.ok("the base", null, null);
        VOLUME.ok("ReadWriteOncePod alone (gate beta, on in 1.28)", "/spec/accessModes", "[ReadWriteOncePod]");
        VOLUME.ok("all three classic modes", "/spec/accessModes", "[ReadWriteOnce, ReadOnlyMany, ReadWriteMany]");
        VOLUME.ok("no reclaim policy (defaulted to Retain)", "/spec/persistentVolumeReclaimPolicy", null);
        VOLUME.ok("decimal capacity", "/spec/capacity/storage", "100G");
        VOLUME.ok("capacity as a number", "/spec/capacity/storage", "1073741824");
        VOLUME.ok("Recycle", "/spec/persistentVolumeReclaimPolicy", "Recycle");
        VOLUME.ok("csi with secret references", "/spec/csi", "{driver: ebs.csi.aws.com, volumeHandle: v, nodePublishSecretRef: {name: s, namespace: ns}}");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.accessModes", "/spec/accessModes", "[]");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.accessModes[0]", "/spec/accessModes", "[ReadWriteSometimes]");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.accessModes", "/spec/accessModes", "[ReadWriteOncePod, ReadOnlyMany]");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.capacity", "/spec/capacity", "{}");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.capacity", "/spec/capacity/cpu", "'1'");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.capacity[storage]", "/spec/capacity/storage", "'0'");
        VOLUME.bad("resource.ParseQuantity", "spec.capacity.storage", "/spec/capacity/storage", "10GB");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.persistentVolumeReclaimPolicy", "/spec/persistentVolumeReclaimPolicy", "Keep");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec", "/spec/csi", null);
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.csi", "/spec/hostPath", "{path: /data}");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.storageClassName", "/spec/storageClassName", "Fast");
        VOLUME.bad("ValidatePersistentVolumeSpec", "spec.volumeMode", "/spec/volumeMode", "Raw");
        VOLUME.bad("ValidateCSIDriverName", "spec.csi.driver", "/spec/csi/driver", "'ebs csi'");
        VOLUME.bad("validateCSIPersistentVolumeSource", "spec.csi.volumeHandle", "/spec/csi/volumeHandle", "''");
        VOLUME.bad("validatePVSecretReference", "spec.csi.controllerPublishSecretRef.namespace", "/spec/csi/controllerPublishSecretRef", "{name: s}");
        VOLUME.bad("validateVolumeNodeAffinity", "spec.nodeAffinity.required", "/spec/nodeAffinity", "{}");
        VOLUME.bad("ValidateNodeSelector", "spec.nodeAffinity.required.nodeSelectorTerms", "/spec/nodeAffinity", "{required: {nodeSelectorTerms: []}}");
        VOLUME.bad("ValidateNodeSelectorRequirement", "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values",
                "/spec/nodeAffinity", "{required: {nodeSelectorTerms: [{matchExpressions: [{key: k, operator: Gt, values: [1, 2]}]}]}}");
        VOLUME.bad("ValidateNodeFieldSelectorRequirement", "spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].key",
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
        CLAIM.ok("the base", null, null);
        CLAIM.ok("no class at all (default class)", "/spec/storageClassName", null);
        CLAIM.ok("no class (\"\": pre-provisioned only)", "/spec/storageClassName", "''");
        CLAIM.ok("a snapshot data source", "/spec/dataSource", "{apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}");
        CLAIM.ok("a clone", "/spec/dataSource", "{kind: PersistentVolumeClaim, name: other}");
        CLAIM.ok("a selector", "/spec/selector", "{matchExpressions: [{key: tier, operator: In, values: [hot]}]}");
        CLAIM.ok("Block volume mode", "/spec/volumeMode", "Block");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.accessModes", "/spec/accessModes", "[]");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.accessModes[0]", "/spec/accessModes", "[ReadWriteOnly]");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.accessModes", "/spec/accessModes", "[ReadWriteOncePod, ReadWriteMany]");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.resources.requests[storage]", "/spec/resources/requests", "{}");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.resources.requests[storage]", "/spec/resources/requests/storage", "'0'");
        CLAIM.bad("resource.ParseQuantity", "spec.resources.requests.storage", "/spec/resources/requests/storage", "5GiB");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.storageClassName", "/spec/storageClassName", "fast_ssd");
        CLAIM.bad("ValidatePersistentVolumeClaimSpec", "spec.volumeMode", "/spec/volumeMode", "filesystem");
        CLAIM.bad("validateDataSource", "spec.dataSource", "/spec/dataSource", "{kind: Snapshot, name: s}");
        CLAIM.bad("validateDataSource", "spec.dataSource.name", "/spec/dataSource", "{kind: PersistentVolumeClaim}");
        CLAIM.bad("validateDataSourceRef", "spec.dataSourceRef.kind", "/spec/dataSourceRef", "{name: x}");
        CLAIM.bad("ValidateLabelSelectorRequirement", "spec.selector.matchExpressions[0].values", "/spec/selector",
                "{matchExpressions: [{key: tier, operator: In}]}");
        CLAIM.bad("ValidateLabelSelectorRequirement", "spec.selector.matchExpressions[0].operator", "/spec/selector",
                "{matchExpressions: [{key: tier, operator: Equals, values: [a]}]}");
        CLAIM.bad("ValidateObjectMetaAccessor", "metadata.namespace", "/metadata/namespace", "Data");

        // ValidateStatefulSet / ValidateStatefulSetSpec (pkg/apis/apps/validation/validation.go)
        STATEFUL_SET.ok("the base", null, null);
        STATEFUL_SET.ok("OnDelete", "/spec/updateStrategy", "{type: OnDelete}");
        STATEFUL_SET.ok("a partition", "/spec/updateStrategy", "{type: RollingUpdate, rollingUpdate: {partition: 2}}");
        STATEFUL_SET.ok("Parallel", "/spec/podManagementPolicy", "Parallel");
        STATEFUL_SET.ok("retention policy", "/spec/persistentVolumeClaimRetentionPolicy", "{whenDeleted: Delete, whenScaled: Retain}");
        STATEFUL_SET.ok("ordinals", "/spec/ordinals", "{start: 5}");
        STATEFUL_SET.ok("zero replicas", "/spec/replicas", "0");
        STATEFUL_SET.ok("a name of 52 characters", "/metadata/name", "d" + "b".repeat(51));
        STATEFUL_SET.ok("a selector with expressions", "/spec/selector", "{matchExpressions: [{key: app, operator: In, values: [db, cache]}]}");
        STATEFUL_SET.bad("ValidateObjectMetaAccessor", "metadata.name", "/metadata/name", "db.primary");
        STATEFUL_SET.bad("ValidateStatefulSetSpec", "spec.podManagementPolicy", "/spec/podManagementPolicy", "Sequential");
        STATEFUL_SET.bad("ValidateStatefulSetSpec", "spec.updateStrategy", "/spec/updateStrategy", "{type: Recreate}");
        STATEFUL_SET.bad("ValidateStatefulSetSpec", "spec.updateStrategy.rollingUpdate", "/spec/updateStrategy", "{type: OnDelete, rollingUpdate: {partition: 1}}");
        STATEFUL_SET.bad("ValidateNonnegativeField", "spec.updateStrategy.rollingUpdate.partition", "/spec/updateStrategy",
                "{type: RollingUpdate, rollingUpdate: {partition: -1}}");
        STATEFUL_SET.bad("ValidateNonnegativeField", "spec.replicas", "/spec/replicas", "-1");
        STATEFUL_SET.bad("json decoding into the Go type", "spec.replicas", "/spec/replicas", "1.5");
        STATEFUL_SET.bad("ValidateNonnegativeField", "spec.minReadySeconds", "/spec/minReadySeconds", "-1");
        STATEFUL_SET.bad("ValidateNonnegativeField", "spec.ordinals.start", "/spec/ordinals", "{start: -2}");
        STATEFUL_SET.bad("ValidatePersistentVolumeClaimRetentionPolicyType", "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
                "/spec/persistentVolumeClaimRetentionPolicy", "{whenScaled: Orphan}");
        STATEFUL_SET.bad("ValidateStatefulSetSpec", "spec.selector", "/spec/selector", "{}");
        STATEFUL_SET.bad("ValidatePodTemplateSpecForStatefulSet", "spec.template.metadata.labels", "/spec/selector/matchLabels/app", "cache");
        STATEFUL_SET.bad("ValidateLabels", "spec.template.labels", "/spec/template/metadata/labels/tier", "'-x'");
        STATEFUL_SET.bad("ValidateAnnotations", "spec.template.annotations", "/spec/template/metadata/annotations", "{'a/b/c': x}");
        STATEFUL_SET.bad("ValidateStatefulSetSpec", "spec.template.spec.restartPolicy", "/spec/template/spec/restartPolicy", "OnFailure");
        STATEFUL_SET.bad("ValidateStatefulSetSpec", "spec.template.spec.activeDeadlineSeconds", "/spec/template/spec/activeDeadlineSeconds", "30");
        STATEFUL_SET.bad("newStatefulSetPod", "metadata.name", "/metadata/name", "d" + "b".repeat(52));
        STATEFUL_SET.bad("newStatefulSetPod", "spec.serviceName", "/spec/serviceName", "db.svc");
        STATEFUL_SET.bad("ValidateVolumes", "spec.volumeClaimTemplates[0].metadata.name", "/spec/volumeClaimTemplates/0/metadata/name", "Data");
        STATEFUL_SET.bad("ValidatePersistentVolumeClaimSpec", "spec.volumeClaimTemplates[0].spec.accessModes",
                "/spec/volumeClaimTemplates/0/spec/accessModes", "[]");
        STATEFUL_SET.bad("ValidatePersistentVolumeClaimSpec", "spec.volumeClaimTemplates[0].spec.resources.requests[storage]",
                "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", "'-1Gi'");
        STATEFUL_SET.bad("ValidateLabels", "spec.volumeClaimTemplates[0].metadata.labels", "/spec/volumeClaimTemplates/0/metadata/labels", "{'app': 'a b'}");

        // ValidatePodCreate / ValidatePodSpec on the template, as the controller's Pod
        POD.ok("a readiness probe with defaults", "/containers/0/readinessProbe", "{httpGet: {port: http}}");
        POD.ok("limits only: requests default to limits (SetDefaults_Pod)", "/containers/0/resources", "{limits: {cpu: '1', memory: 1Gi, nvidia.com/gpu: '1'}}");
        POD.ok("a volume without a source is an emptyDir (SetDefaults_Volume)", "/volumes", "[{name: scratch}]");
        POD.ok("a template volume named like a claim template is replaced by the claim", "/volumes", "[{name: data, emptyDir: {}}]");
        POD.ok("hostPath type", "/volumes", "[{name: h, hostPath: {path: /var/log, type: Directory}}]");
        POD.ok("tolerate everything", "/tolerations", "[{operator: Exists}]");
        POD.ok("spread constraints", "/topologySpreadConstraints", "[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2,"
                + " labelSelector: {matchLabels: {app: db}}, matchLabelKeys: [pod-template-hash]}]");
        POD.ok("init container", "/initContainers", "[{name: init, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]");
        POD.bad("validateContainers", "containers", "/containers", "[]");
        POD.bad("validateContainerCommon", "containers[0].name", "/containers/0/name", "Main");
        POD.bad("validateContainerCommon", "containers[0].image", "/containers/0/image", "''");
        POD.bad("validateContainerOnlyForPod", "containers[0].image", "/containers/0/image", "'busybox '");
        POD.bad("validateContainerCommon", "containers[0].terminationMessagePolicy", "/containers/0/terminationMessagePolicy", "Never");
        POD.bad("validateContainerPorts", "containers[0].ports[0].containerPort", "/containers/0/ports/0/containerPort", "0");
        POD.bad("validateContainerPorts", "containers[0].ports[0].name", "/containers/0/ports/0/name", "HTTP");
        POD.bad("validateContainerPorts", "containers[0].ports[0].protocol", "/containers/0/ports/0/protocol", "tcp");
        POD.bad("ValidateEnv", "containers[0].env[0].name", "/containers/0/env", "[{name: '9LIVES', value: x}]");
        POD.bad("validateEnvVarValueFrom", "containers[0].env[0].valueFrom", "/containers/0/env", "[{name: A, valueFrom: {}}]");
        POD.bad("validateSecretKeySelector", "containers[0].env[0].valueFrom.secretKeyRef.key", "/containers/0/env",
                "[{name: A, valueFrom: {secretKeyRef: {name: s, key: 'a b'}}}]");
        POD.bad("ValidateVolumeMounts", "containers[0].volumeMounts[0].name", "/containers/0/volumeMounts/0/name", "logs");
        POD.bad("validatePathNoBacksteps", "containers[0].volumeMounts.subPath", "/containers/0/volumeMounts/0/subPath", "../up");
        POD.bad("ValidateResourceRequirements", "containers[0].resources.requests", "/containers/0/resources/limits/memory", "32Mi");
        POD.bad("resource.ParseQuantity", "containers[0].resources.requests.memory", "/containers/0/resources/requests/memory", "64MB");
        POD.bad("ValidateResourceQuantityValue", "containers[0].resources.requests[cpu]", "/containers/0/resources/requests/cpu", "'-1'");
        POD.bad("validateContainerResourceName", "containers[0].resources.limits[gpu]", "/containers/0/resources/limits/gpu", "'1'");
        POD.bad("validateLivenessProbe", "containers[0].livenessProbe.successThreshold", "/containers/0/livenessProbe",
                "{httpGet: {port: 8080}, successThreshold: 2}");
        POD.bad("validateHandler", "containers[0].readinessProbe", "/containers/0/readinessProbe", "{periodSeconds: 5}");
        POD.bad("validateHandler", "containers[0].readinessProbe.tcpSocket", "/containers/0/readinessProbe",
                "{httpGet: {port: 8080}, tcpSocket: {port: 8080}}");
        POD.bad("ValidatePortNumOrName", "containers[0].startupProbe.httpGet.port", "/containers/0/startupProbe", "{httpGet: {port: web_ui}}");
        POD.bad("validateInitContainers", "initContainers[0].livenessProbe", "/initContainers",
                "[{name: init, image: busybox, livenessProbe: {exec: {command: [true]}}}]");
        POD.bad("validateInitContainers", "initContainers[0].name", "/initContainers", "[{name: main, image: busybox}]");
        POD.bad("validateVolumeSource", "volumes[0].hostPath", "/volumes", "[{name: v, emptyDir: {}, hostPath: {path: /x}}]");
        POD.bad("ValidateVolumes", "volumes[1].name", "/volumes", "[{name: v, emptyDir: {}}, {name: v, emptyDir: {}}]");
        POD.bad("validateSecretVolumeSource", "volumes[0].secret.defaultMode", "/volumes", "[{name: v, secret: {secretName: s, defaultMode: 512}}]");
        POD.bad("validateKeyToPath", "volumes[0].configMap.items[0].path", "/volumes",
                "[{name: v, configMap: {name: c, items: [{key: k, path: /etc/k}]}}]");
        POD.bad("validatePodSpecSecurityContext", "securityContext.runAsUser", "/securityContext", "{runAsUser: -1}");
        POD.bad("validateFSGroupChangePolicy", "securityContext.fsGroupChangePolicy", "/securityContext", "{fsGroupChangePolicy: Never}");
        POD.bad("validateSeccompProfileField", "securityContext.seccompProfile.localhostProfile", "/securityContext",
                "{seccompProfile: {type: Localhost}}");
        POD.bad("ValidateSecurityContext", "containers[0].securityContext", "/containers/0/securityContext",
                "{privileged: true, allowPrivilegeEscalation: false}");
        POD.bad("ValidateTolerations", "tolerations[0].operator", "/tolerations", "[{key: a, operator: Exists, value: b}]");
        POD.bad("ValidateTolerations", "tolerations[0].effect", "/tolerations", "[{key: a, operator: Exists, tolerationSeconds: 5}]");
        POD.bad("validateTaintEffect", "tolerations[0].effect", "/tolerations", "[{key: a, operator: Exists, effect: NoSchedules}]");
        POD.bad("ValidateLabels", "nodeSelector", "/nodeSelector", "{disk: 'fast ssd'}");
        POD.bad("ValidateMaxSkew", "topologySpreadConstraints[0].maxSkew", "/topologySpreadConstraints",
                "[{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]");
        POD.bad("validateMinDomains", "topologySpreadConstraints[0].minDomains", "/topologySpreadConstraints",
                "[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 3}]");
        POD.bad("validateMatchLabelKeys", "topologySpreadConstraints[0].matchLabelKeys[0]", "/topologySpreadConstraints",
                "[{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: db}}, matchLabelKeys: [app]}]");
        POD.bad("validatePodAffinityTerm", "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey", "/affinity",
                "{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: db}}}]}}");
        POD.bad("ValidatePreferredSchedulingTerms", "affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight", "/affinity",
                "{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101, preference: {}}]}}");
        POD.bad("validateDNSPolicy", "dnsPolicy", "/dnsPolicy", "Cluster");
        POD.bad("validatePodDNSConfig", "dnsConfig.nameservers[0]", "/dnsConfig", "{nameservers: [dns.local]}");
        POD.bad("ValidatePodSpec", "serviceAccountName", "/serviceAccountName", "Builder");
        POD.bad("ValidatePodCreate", "ephemeralContainers", "/ephemeralContainers", "[{name: dbg, image: busybox}]");

        // ValidateService (pkg/apis/core/validation/validation.go)
        SERVICE.ok("the base (headless)", null, null);
        SERVICE.ok("headless without ports", "/spec/ports", "[]");
        SERVICE.ok("one unnamed port", "/spec/ports", "[{port: 80}]");
        SERVICE.ok("ClusterIP with an address", "/spec/clusterIP", "10.0.0.10");
        SERVICE.ok("NodePort", "/spec", "{type: NodePort, selector: {app: db}, ports: [{port: 80, nodePort: 30080}], externalTrafficPolicy: Local}");
        SERVICE.ok("LoadBalancer", "/spec", "{type: LoadBalancer, ports: [{port: 443}], loadBalancerSourceRanges: [10.0.0.0/8], allocateLoadBalancerNodePorts: false}");
        SERVICE.ok("ExternalName", "/spec", "{type: ExternalName, externalName: db.example.com.}");
        SERVICE.ok("ClientIP affinity", "/spec/sessionAffinity", "ClientIP");
        SERVICE.bad("ValidateObjectMetaAccessor", "metadata.name", "/metadata/name", "9db");
        SERVICE.bad("ValidateService", "spec.ports", "/spec", "{selector: {app: db}, ports: []}");
        SERVICE.bad("validateServicePort", "spec.ports[0].name", "/spec/ports", "[{port: 80}, {name: b, port: 81}]");
        SERVICE.bad("validateServicePort", "spec.ports[0].port", "/spec/ports/0/port", "0");
        SERVICE.bad("validateServicePort", "spec.ports[0].protocol", "/spec/ports/0/protocol", "ICMP");
        SERVICE.bad("ValidatePortNumOrName", "spec.ports[0].targetPort", "/spec/ports/0/targetPort", "'-http'");
        SERVICE.bad("ValidateService", "spec.ports[1]", "/spec/ports", "[{name: a, port: 80}, {name: b, port: 80}]");
        SERVICE.bad("ValidateService", "spec.ports[0].nodePort", "/spec/ports/0/nodePort", "30000");
        SERVICE.bad("ValidateService", "spec.clusterIPs[0]", "/spec/type", "LoadBalancer");
        SERVICE.bad("ValidateService", "spec.externalName", "/spec", "{type: ExternalName, externalName: 'db_example'}");
        SERVICE.bad("ValidateService", "spec.type", "/spec/type", "Internal");
        SERVICE.bad("ValidateService", "spec.sessionAffinity", "/spec/sessionAffinity", "Cookie");
        SERVICE.bad("ValidateServiceClusterIPsRelatedFields", "spec.clusterIPs[0]", "/spec/clusterIP", "10.0.0.256");
        SERVICE.bad("ValidateServiceClusterIPsRelatedFields", "spec.clusterIPs", "/spec/clusterIPs", "[10.0.0.1]");
        SERVICE.bad("validateServiceExternalTrafficPolicy", "spec.externalTrafficPolicy", "/spec/externalTrafficPolicy", "Cluster");
        SERVICE.bad("validateServiceInternalTrafficFieldsValue", "spec.internalTrafficPolicy", "/spec/internalTrafficPolicy", "Everywhere");

        // ValidatePodDisruptionBudget (pkg/apis/policy/validation/validation.go)
        BUDGET.ok("the base", null, null);
        BUDGET.ok("a percentage", "/spec/maxUnavailable", "25%");
        BUDGET.ok("minAvailable alone", "/spec", "{minAvailable: 2, selector: {matchLabels: {app: db}}}");
        BUDGET.ok("100%", "/spec/maxUnavailable", "100%");
        BUDGET.ok("AlwaysAllow", "/spec/unhealthyPodEvictionPolicy", "AlwaysAllow");
        BUDGET.bad("ValidatePodDisruptionBudgetSpec", "spec", "/spec/minAvailable", "1");
        BUDGET.bad("ValidatePositiveIntOrPercent", "spec.maxUnavailable", "/spec/maxUnavailable", "-1");
        BUDGET.bad("ValidatePositiveIntOrPercent", "spec.maxUnavailable", "/spec/maxUnavailable", "half");
        BUDGET.bad("IsNotMoreThan100Percent", "spec.maxUnavailable", "/spec/maxUnavailable", "101%");
        BUDGET.bad("ValidatePodDisruptionBudgetSpec", "spec.unhealthyPodEvictionPolicy", "/spec/unhealthyPodEvictionPolicy", "Never");
        BUDGET.bad("ValidateLabelSelectorRequirement", "spec.selector.matchExpressions[0].values", "/spec/selector",
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
