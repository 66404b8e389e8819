package dev.statefulai.gate.versions;

import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import dev.statefulai.gate.Report;
import dev.statefulai.gate.ReportFormat;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.testing.GateFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VER001-VER004 and the schema of the environment's release: each environment is checked against its own cluster. */
class VersionStageTest {
    private static final String GUIDE = "(https://kubernetes.io/docs/reference/using-api/deprecation-guide/)";

    private static final String PDB_V1BETA1 = "{apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: db, namespace: ai},"
            + " spec: {maxUnavailable: 1, selector: {matchLabels: {app: db}}}}";
    private static final String FAST_CLASS = "{apiVersion: storage.k8s.io/v1beta1, kind: VolumeAttributesClass, metadata: {name: fast},"
            + " driverName: ebs.csi.aws.com, parameters: {iops: '6000', throughput: '250'}}";
    private static final String FAST_CLAIM = "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: ai},"
            + " spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}, storageClassName: gp3,"
            + " volumeAttributesClassName: fast}}";
    private static final String GP3 = "{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: gp3}, provisioner: ebs.csi.aws.com,"
            + " parameters: {type: gp3, encrypted: 'true'}, reclaimPolicy: Retain, volumeBindingMode: WaitForFirstConsumer, allowVolumeExpansion: true}";

    @TempDir
    Path tmp;

    private GateFixture fixture;

    private GateFixture dist() {
        fixture = fixture != null ? fixture : new GateFixture(tmp);
        return fixture;
    }

    /** The lines of the gate's findings when every environment of {@code targets} holds {@code docs}. */
    private List<String> checked(Map<String, ClusterTarget> targets, String... docs) throws IOException {
        for (Map.Entry<String, ClusterTarget> e : targets.entrySet()) {
            dist().file(e.getKey(), "app.yaml", docs);
            target(e.getKey(), e.getValue());
        }
        return lines(fixture.run());
    }

    private static ClusterTarget release(int minor, FeatureGate... gates) {
        return new ClusterTarget(KubernetesVersion.of(minor), Set.of(gates));
    }

    /** The kustomization synth writes for {@code env}, whose header names {@code target}. */
    private void target(String env, ClusterTarget target) throws IOException {
        Path file = tmp.resolve("dist").resolve(env).resolve("Kustomization");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Generated: every manifest of environment '" + env + "'.\n" + target.headerLine("environments/" + env + ".yaml")
                + "\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n");
    }

    // deprecation-guide.md, v1.25: "The policy/v1beta1 API version of PodDisruptionBudget is no longer served as of v1.25"
    @Test
    void anApiVersionTheTargetRemovedIsAnErrorNamingTheReplacement() throws IOException {
        assertEquals(List.of("VER001 error prod PodDisruptionBudget/ai/db: policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.30:"
                + " removed in 1.25; use policy/v1 (served since 1.21) " + GUIDE), checked(Map.of("prod", release(30)), PDB_V1BETA1));
    }

    @Test
    void twoEnvironmentsOnDifferentReleasesGetDifferentVerdicts() throws IOException {
        List<String> lines = checked(Map.of("staging", release(31, FeatureGate.VOLUME_ATTRIBUTES_CLASS), "prod", release(30)),
                GP3, FAST_CLASS, FAST_CLAIM);
        Report report = fixture.run();
        assertEquals(List.of(
                "VER003 error prod VolumeAttributesClass/fast: storage.k8s.io/v1beta1 VolumeAttributesClass is not served by Kubernetes 1.30:"
                        + " it is first in Kubernetes 1.31, behind the feature gate VolumeAttributesClass",
                "VER004 error prod PersistentVolumeClaim/ai/data: spec.volumeAttributesClassName: the API server drops it without the feature gate"
                        + " VolumeAttributesClass, and VolumeAttributesClass is off by default in Kubernetes 1.30 (alpha from 1.29 (off by default),"
                        + " beta from 1.31 (off by default), ga from 1.34): list it under featureGates in the environment's file once the cluster enables it"),
                lines);
        assertTrue(report.notes().contains("targets: prod Kubernetes 1.30; staging Kubernetes 1.31 with feature gates VolumeAttributesClass"),
                report.notes().toString());
        assertTrue(ReportFormat.json.render(report).contains("\"staging\" : {\n      \"kubernetesVersion\" : \"1.31\",\n"
                + "      \"featureGates\" : [ \"VolumeAttributesClass\" ]"), ReportFormat.json.render(report));
    }

    @Test
    void aBetaKindStaysRefusedWhileTheClusterLeavesItsGateOff() throws IOException {
        assertEquals(List.of("VER003 error staging VolumeAttributesClass/fast: storage.k8s.io/v1beta1 VolumeAttributesClass is served only with"
                + " the feature gate VolumeAttributesClass on, and VolumeAttributesClass is off by default in Kubernetes 1.33 (alpha from 1.29"
                + " (off by default), beta from 1.31 (off by default), ga from 1.34): list it under featureGates in the environment's file once"
                + " the cluster enables it"), checked(Map.of("staging", release(33)), FAST_CLASS));
    }

    // storage/v1beta1/types.go: VolumeAttributesClass introduced 1.31, deprecated 1.34; storage/v1/types.go: introduced 1.34
    @Test
    void theGaVersionIsServedFrom134AndTheBetaOneIsDeprecatedThere() throws IOException {
        String v1 = FAST_CLASS.replace("storage.k8s.io/v1beta1", "storage.k8s.io/v1");
        assertEquals(List.of(
                "VER003 error a VolumeAttributesClass/fast: storage.k8s.io/v1 VolumeAttributesClass is not served by Kubernetes 1.33:"
                        + " it is first in Kubernetes 1.34",
                "VER002 warning b VolumeAttributesClass/faster: storage.k8s.io/v1beta1 VolumeAttributesClass is deprecated in Kubernetes 1.34"
                        + " (since 1.34) and no longer served from 1.37: use storage.k8s.io/v1 (served since 1.34) " + GUIDE),
                checked(Map.of("a", release(33, FeatureGate.VOLUME_ATTRIBUTES_CLASS), "b", release(34)), v1, FAST_CLASS.replace("fast", "faster")));
    }

    // deprecation-guide.md, v1.32: flowcontrol.apiserver.k8s.io/v1beta3 no longer served; v1 available since v1.29
    @Test
    void flowControlBeta3IsDeprecatedIn131AndGoneIn132() throws IOException {
        String flow = "{apiVersion: flowcontrol.apiserver.k8s.io/v1beta3, kind: FlowSchema, metadata: {name: ai},"
                + " spec: {priorityLevelConfiguration: {name: workload-high}, matchingPrecedence: 500}}";
        assertEquals(List.of(
                "VER001 error b FlowSchema/ai: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is not served by Kubernetes 1.32: removed in 1.32;"
                        + " use flowcontrol.apiserver.k8s.io/v1 (served since 1.29) " + GUIDE,
                "VER002 warning a FlowSchema/ai: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated in Kubernetes 1.31 (since 1.29)"
                        + " and no longer served from 1.32: use flowcontrol.apiserver.k8s.io/v1 (served since 1.29) " + GUIDE),
                checked(Map.of("a", release(31), "b", release(32)), flow));
    }

    // feature-gates/ImageVolume.md: alpha 1.31, beta 1.33 off by default
    @Test
    void imageVolumesNeedTheEnvironmentToListTheirGate() throws IOException {
        String pod = "{apiVersion: v1, kind: Pod, metadata: {name: model, namespace: ai}, spec: {containers: [{name: vllm, image: 'vllm/vllm-openai:v0.6.3',"
                + " resources: {requests: {cpu: '1', memory: 1Gi}}, volumeMounts: [{name: weights, mountPath: /models}]}],"
                + " volumes: [{name: weights, image: {reference: 'registry.example.com/models/llama:3.1', pullPolicy: IfNotPresent}}]}}";
        assertEquals(List.of(
                "VER004 error off Pod/ai/model: spec.volumes[0].image: the API server drops it without the feature gate ImageVolume, and"
                        + " ImageVolume is off by default in Kubernetes 1.33 (alpha from 1.31 (off by default), beta from 1.33 (off by default),"
                        + " beta from 1.35 (on by default), ga from 1.36): list it under featureGates in the environment's file once the cluster enables it",
                "VER004 error old Pod/ai/model: spec.volumes[0].image: the API server drops it without the feature gate ImageVolume, and"
                        + " Kubernetes 1.30 has no ImageVolume (alpha from 1.31 (off by default), beta from 1.33 (off by default),"
                        + " beta from 1.35 (on by default), ga from 1.36)"),
                checked(Map.of("off", release(33), "on", release(33, FeatureGate.IMAGE_VOLUME), "old", release(30)), pod).stream()
                        .filter(l -> l.startsWith("VER")).toList());
    }

    // PodSecurityContext.appArmorProfile is in the 1.30 definitions, not in those of 1.28
    @Test
    void aFieldNewerThanTheTargetIsAnUnknownFieldOfItsSchema() throws IOException {
        String pod = "{apiVersion: v1, kind: Pod, metadata: {name: p, namespace: ai}, spec: {securityContext: {appArmorProfile: {type: RuntimeDefault}},"
                + " containers: [{name: c, image: 'busybox:1.36.1', resources: {requests: {cpu: '1', memory: 1Gi}}}]}}";
        assertEquals(List.of("SCHEMA001 error old Pod/ai/p: $.spec.securityContext.appArmorProfile: unknown field \"appArmorProfile\""),
                checked(Map.of("old", ClusterTarget.DEFAULT, "new", release(30)), pod));
    }

    @Test
    void aTargetGivenToTheGateOverridesTheKustomizations() throws IOException {
        assertEquals(List.of(), checked(Map.of("prod", release(34)), FAST_CLAIM, GP3));
        Report old = fixture.run(SafetyGate.Options.of(tmp.resolve("dist")).withTarget(ClusterTarget.DEFAULT));
        assertEquals(List.of("VER004 error prod PersistentVolumeClaim/ai/data: spec.volumeAttributesClassName: the API server drops it without"
                + " the feature gate VolumeAttributesClass, and Kubernetes 1.28 has no VolumeAttributesClass (alpha from 1.29 (off by default),"
                + " beta from 1.31 (off by default), ga from 1.34)"), lines(old));
    }
}
