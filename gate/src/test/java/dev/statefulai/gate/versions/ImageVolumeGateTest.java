package dev.statefulai.gate.versions;

import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.FeatureGate;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import dev.statefulai.gate.testing.GateFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image volumes (core/v1 {@code Volume.image}, an ImageVolumeSource; KEP-4639) on a target that serves them and
 * on one that does not: the API rules count {@code image} as the volume's one source and check it as
 * {@code validateImageVolumeSource} does (pkg/apis/core/validation/validation.go, release-1.31 onwards: a
 * reference, a known pull policy), and the version stage refuses the field where the ImageVolume gate is off.
 */
class ImageVolumeGateTest {
    private static final String VOLUME = "{name: weights, image: {reference: 'registry.example.com/models/llama:3.1', pullPolicy: IfNotPresent}}";

    @TempDir
    Path tmp;

    private static final String SERVICE = "{apiVersion: v1, kind: Service, metadata: {name: llm, namespace: ai, labels: {app: llm}},"
            + " spec: {clusterIP: None, selector: {app: llm}, ports: [{name: http, port: 8000}]}}";

    /** A model server of one replica reading its weights from {@code volume}, mounted read-only at /models. */
    private static String statefulSet(String volume) {
        return "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: llm, namespace: ai, labels: {app: llm}},"
                + " spec: {serviceName: llm, replicas: 1, selector: {matchLabels: {app: llm}}, template: {metadata: {labels: {app: llm}},"
                + " spec: {automountServiceAccountToken: false, securityContext: {runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000,"
                + " seccompProfile: {type: RuntimeDefault}}, containers: [{name: vllm, image: 'vllm/vllm-openai:v0.6.3@sha256:" + "a".repeat(64) + "', imagePullPolicy: IfNotPresent,"
                + " args: [--model, /models, --served-model-name, llama], resources: {requests: {cpu: '1', memory: 1Gi}, limits: {memory: 1Gi}},"
                + " securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}},"
                + " volumeMounts: [{name: weights, mountPath: /models, readOnly: true}]}],"
                + " volumes: [" + volume + "]}}}}";
    }

    private List<String> checked(ClusterTarget target, String volume) throws IOException {
        GateFixture fixture = new GateFixture(tmp).file("env", "app.yaml", SERVICE, statefulSet(volume));
        Path file = fixture.dist.resolve("env").resolve("Kustomization");
        Files.writeString(file, "# Generated: every manifest of environment 'env'.\n" + target.headerLine("environments/env.yaml")
                + "\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n");
        return lines(fixture.run());
    }

    private static ClusterTarget release(int minor, FeatureGate... gates) {
        return new ClusterTarget(KubernetesVersion.of(minor), Set.of(gates));
    }

    // tasks/configure-pod-container/image-volumes.md: volumes[*].image with a reference, consumed by a container's volumeMounts
    @Test
    void anImageVolumeOnATargetThatEnablesTheGatePasses() throws IOException {
        assertEquals(List.of(), checked(release(33, FeatureGate.IMAGE_VOLUME), VOLUME));
    }

    // feature-gates/ImageVolume.md: beta from 1.33, off by default
    @Test
    void theSameVolumeIsRefusedWhereTheGateIsOff() throws IOException {
        assertEquals(List.of("VER004 error env StatefulSet/ai/llm: spec.template.spec.volumes[0].image: the API server drops it without the"
                + " feature gate ImageVolume, and ImageVolume is off by default in Kubernetes 1.33 (alpha from 1.31 (off by default), beta from"
                + " 1.33 (off by default), beta from 1.35 (on by default), ga from 1.36): list it under featureGates in the environment's file"
                + " once the cluster enables it"), checked(release(33), VOLUME));
    }

    // validateImageVolumeSource: field.Required(reference) for a Pod; validatePullPolicy: Always, IfNotPresent, Never
    @Test
    void aReferenceAndAKnownPullPolicyAreRequiredOfThePods() throws IOException {
        assertEquals(List.of(
                "API006 error env StatefulSet/ai/llm: the API server accepts the StatefulSet but rejects every Pod its controller creates:"
                        + " spec.template.spec.volumes[0].image.reference: Required value (validateImageVolumeSource)",
                "API006 error env StatefulSet/ai/llm: the API server accepts the StatefulSet but rejects every Pod its controller creates:"
                        + " spec.template.spec.volumes[0].image.pullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\","
                        + " \"IfNotPresent\", \"Never\" (validatePullPolicy)",
                "API006 error env StatefulSet/ai/llm: the API server accepts the StatefulSet but rejects every Pod its controller creates:"
                        + " spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"weights\": no volume of the Pod has this name"
                        + " (volumes: ) (ValidateVolumeMounts)"),
                checked(release(33, FeatureGate.IMAGE_VOLUME), "{name: weights, image: {reference: '', pullPolicy: Sometimes}}"));
    }

    // validateVolumeSource: "may not specify more than 1 volume type", image checked after ephemeral
    @Test
    void anImageBesideAnotherSourceIsTwoVolumeTypes() throws IOException {
        assertEquals(List.of("API006 error env StatefulSet/ai/llm: the API server accepts the StatefulSet but rejects every Pod its controller"
                        + " creates: spec.template.spec.volumes[0].image: Forbidden: may not specify more than 1 volume type (configMap is set)"
                        + " (validateVolumeSource)",
                "API006 error env StatefulSet/ai/llm: the API server accepts the StatefulSet but rejects every Pod its controller creates:"
                        + " spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"weights\": no volume of the Pod has this name"
                        + " (volumes: ) (ValidateVolumeMounts)"),
                checked(release(33, FeatureGate.IMAGE_VOLUME), "{name: weights, configMap: {name: weights}, image: {reference: 'registry.example.com/models/llama:3.1'}}"));
    }
}
