package dev.statefulai.gate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSchemaValidatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ManifestSchemaValidator VALIDATOR = ManifestSchemaValidator.kubernetes128();

  private static final String STATEFUL_SET = """
      # a comment before the document
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: vector-db
        namespace: ai
        labels:
          app.kubernetes.io/name: vector-db
        annotations:
          example.com/anything: "free form"
      spec:
        serviceName: vector-db
        replicas: 3
        podManagementPolicy: Parallel
        selector:
          matchLabels:
            app.kubernetes.io/name: vector-db
        updateStrategy:
          type: RollingUpdate
          rollingUpdate:
            maxUnavailable: 50%
        template:
          metadata:
            labels:
              app.kubernetes.io/name: vector-db
          spec:
            securityContext:
              fsGroup: 1000
            containers:
              - name: db
                image: qdrant/qdrant:v1.9.0
                ports:
                  - name: http
                    containerPort: 6333
                readinessProbe:
                  httpGet:
                    path: /readyz
                    port: http
                livenessProbe:
                  tcpSocket:
                    port: 6333
                resources:
                  requests:
                    cpu: 500m
                    memory: 2Gi
                  limits:
                    cpu: 2
                    memory: 4Gi
                volumeMounts:
                  - name: data
                    mountPath: /qdrant/storage
        volumeClaimTemplates:
          - apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: gp3
              resources:
                requests:
                  storage: 100Gi
      """;

  private static ObjectNode yaml(String text) throws IOException {
    return (ObjectNode) YAML.readTree(text);
  }

  /** A PersistentVolume pv-1 of 10Gi, ReadWriteOnce, with {@code moreSpec} (YAML, at the spec's level). */
  private static ObjectNode persistentVolume(String moreSpec) throws IOException {
    return yaml("""
        apiVersion: v1
        kind: PersistentVolume
        metadata:
          name: pv-1
        spec:
          capacity:
            storage: 10Gi
          accessModes: [ReadWriteOnce]
        """ + moreSpec.indent(2));
  }

  /** A VolumeSnapshotClass ebs of the EBS driver with {@code rest} (YAML, at the top level). */
  private static ObjectNode snapshotClass(String rest) throws IOException {
    return yaml("""
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotClass
        metadata:
          name: ebs
        driver: ebs.csi.aws.com
        """ + rest);
  }

  /** The object has exactly one error, at {@code path}; returns it. */
  private static SchemaFinding assertOneErrorAt(String path, JsonNode object) {
    List<SchemaFinding> findings = errors(object);
    assertEquals(1, findings.size(), describe(findings));
    assertEquals(path, findings.get(0).path());
    return findings.get(0);
  }

  /** The valid StatefulSet with {@code edit} applied to its object at the JSON pointer {@code at} ("" for the whole). */
  private static ObjectNode statefulSetWith(String at, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode sts = yaml(STATEFUL_SET);
    edit.accept((ObjectNode) sts.at(at));
    return sts;
  }

  private static void assertNoErrors(JsonNode object) {
    assertTrue(errors(object).isEmpty(), describe(errors(object)));
  }

  /** The paths of the errors in {@code object}, sorted. */
  private static List<String> errorPaths(JsonNode object) {
    return errors(object).stream().map(SchemaFinding::path).sorted().toList();
  }

  private static List<SchemaFinding> errors(JsonNode object) {
    return VALIDATOR.validate(object).stream().filter(SchemaFinding::isError).toList();
  }

  private static String describe(List<SchemaFinding> findings) {
    return findings.stream().map(SchemaFinding::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void definitionsAreLoadedWithTheirKinds() {
    assertTrue(VALIDATOR.kindCount() > 100, "kinds: " + VALIDATOR.kindCount());
    assertEquals("io.k8s.api.apps.v1.StatefulSet", VALIDATOR.definitionFor("apps/v1", "StatefulSet"));
    assertEquals("io.k8s.api.core.v1.PersistentVolume", VALIDATOR.definitionFor("v1", "PersistentVolume"));
    assertEquals("io.k8s.api.storage.v1.StorageClass", VALIDATOR.definitionFor("storage.k8s.io/v1", "StorageClass"));
    assertEquals("io.k8s.api.policy.v1.PodDisruptionBudget", VALIDATOR.definitionFor("policy/v1", "PodDisruptionBudget"));
  }

  @Test
  void validStatefulSetPasses() throws IOException {
    List<SchemaFinding> findings = VALIDATOR.validate(yaml(STATEFUL_SET));
    assertTrue(findings.isEmpty(), describe(findings));
  }

  @Test
  void validObjectGivenAsMapPasses() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = YAML.readValue(STATEFUL_SET, Map.class);
    assertTrue(VALIDATOR.validate(map).isEmpty());
  }

  @Test
  void embeddedClaimTemplatesNeedNoApiVersionOrKind() throws IOException {
    assertNoErrors(statefulSetWith("/spec/volumeClaimTemplates/0", template -> template.remove(List.of("apiVersion", "kind"))));
  }

  @Test
  void unknownFieldFailsWithItsPath() throws IOException {
    SchemaFinding f = assertOneErrorAt("$.spec.volumeClaimTemplate",
        statefulSetWith("/spec", spec -> spec.set("volumeClaimTemplate", spec.remove("volumeClaimTemplates"))));
    assertTrue(f.message().contains("volumeClaimTemplate"), f.message());
    assertEquals("StatefulSet", f.kind());
    assertEquals("vector-db", f.name());
  }

  @Test
  void unknownFieldDeepInsideAContainerFails() throws IOException {
    assertOneErrorAt("$.spec.template.spec.containers[0].imagePullPolicyy",
        statefulSetWith("/spec/template/spec/containers/0", container -> container.put("imagePullPolicyy", "Always")));
  }

  @Test
  void unknownTopLevelFieldFails() throws IOException {
    assertEquals("$.specs", errors(statefulSetWith("", sts -> sts.put("specs", "oops"))).get(0).path());
  }

  @Test
  void mapsAcceptArbitraryKeys() throws IOException {
    ObjectNode sts = yaml(STATEFUL_SET);
    ((ObjectNode) sts.at("/metadata/labels")).put("any.example.com/key", "v");
    ((ObjectNode) sts.at("/spec/template/spec/containers/0/resources/requests")).put("nvidia.com/gpu", 1);
    assertNoErrors(sts);
  }

  @Test
  void mapValuesAreTyped() throws IOException {
    assertOneErrorAt("$.metadata.labels.replicas", statefulSetWith("/metadata/labels", labels -> labels.put("replicas", 3)));
  }

  @Test
  void statefulSetSpecWithoutSelectorOrTemplateFails() throws IOException {
    ObjectNode sts = statefulSetWith("/spec", spec -> spec.remove(List.of("selector", "template")));
    assertEquals(List.of("$.spec.selector", "$.spec.template"), errorPaths(sts));
    assertTrue(errors(sts).get(0).message().startsWith("missing required field"));
  }

  @Test
  void containerWithoutNameFails() throws IOException {
    assertOneErrorAt("$.spec.template.spec.containers[0].name",
        statefulSetWith("/spec/template/spec/containers/0", container -> container.remove("name")));
  }

  @Test
  void persistentVolumeMissingRequiredFieldsFails() throws IOException {
    // 1.28: a volume source's required fields (csi.driver, csi.volumeHandle), a claimRef... and kind itself.
    ObjectNode pv = persistentVolume("""
        csi:
          fsType: ext4
        nodeAffinity:
          required:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: topology.kubernetes.io/zone
                    values: [eu-west-1a]
        """);
    assertEquals(List.of(
        "$.spec.csi.driver",
        "$.spec.csi.volumeHandle",
        "$.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].operator"), errorPaths(pv));
  }

  @Test
  void pvcAndPvPass() throws IOException {
    ObjectNode pv = persistentVolume("""
        persistentVolumeReclaimPolicy: Retain
        storageClassName: manual
        hostPath:
          path: /mnt/data
        """);
    assertNoErrors(pv);
  }

  @Test
  void wrongTypeFails() throws IOException {
    ObjectNode sts = yaml(STATEFUL_SET);
    ((ObjectNode) sts.get("spec")).put("replicas", "three");
    ((ObjectNode) sts.at("/spec/template/spec/containers/0")).put("image", 42);
    assertEquals(List.of("$.spec.replicas", "$.spec.template.spec.containers[0].image"), errorPaths(sts));
  }

  @Test
  void objectWhereListExpectedFails() throws IOException {
    assertOneErrorAt("$.spec.template.spec.containers",
        statefulSetWith("/spec/template/spec", podSpec -> podSpec.set("containers", podSpec.get("containers").get(0))));
  }

  @Test
  void intOrStringAndQuantityAcceptStringsAndNumbers() throws IOException {
    ObjectNode sts = yaml(STATEFUL_SET);
    ((ObjectNode) sts.at("/spec/updateStrategy/rollingUpdate")).put("maxUnavailable", 1);
    ((ObjectNode) sts.at("/spec/template/spec/containers/0/readinessProbe/httpGet")).put("port", 6333);
    ((ObjectNode) sts.at("/spec/template/spec/containers/0/resources/limits")).put("cpu", 1.5);
    assertNoErrors(sts);

    ((ObjectNode) sts.at("/spec/template/spec/containers/0/resources/limits")).put("cpu", true);
    assertEquals("$.spec.template.spec.containers[0].resources.limits.cpu", errors(sts).get(0).path());
  }

  @Test
  void wrongApiVersionForAKnownKindIsSkippedNotPassed() throws IOException {
    ObjectNode sts = yaml(STATEFUL_SET);
    sts.put("apiVersion", "apps/v1beta1");
    List<SchemaFinding> findings = VALIDATOR.validate(sts);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).isSkipped());
  }

  @Test
  void customResourceWithoutASchemaIsReportedAsSkipped() throws IOException {
    List<SchemaFinding> findings = VALIDATOR.validate(yaml("""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: tls
        spec:
          secretName: tls
        """));
    assertEquals(1, findings.size());
    SchemaFinding f = findings.get(0);
    assertEquals(SchemaFinding.Status.SKIPPED, f.status());
    assertEquals("Certificate", f.kind());
    assertEquals("tls", f.name());
    assertTrue(f.toString().startsWith("SKIPPED"), f.toString());
  }

  @Test
  void snapshotResourcesAreValidatedAgainstTheSchemaTheProjectShips() throws IOException {
    assertEquals(List.of(), VALIDATOR.validate(yaml("""
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshot
        metadata:
          name: snap
        spec:
          source:
            persistentVolumeClaimName: data
          volumeSnapshotClassName: ebs
        """)));
    assertEquals(List.of(), VALIDATOR.validate(snapshotClass("""
        deletionPolicy: Retain
        parameters:
          tagSpecification_1: "team=ml"
        """)));
  }

  @Test
  void aSnapshotClassWithoutDeletionPolicyOrWithAnUnknownFieldIsAnError() throws IOException {
    List<SchemaFinding> findings = VALIDATOR.validate(snapshotClass("""
        reclaimPolicy: Retain
        """));
    assertEquals(2, findings.size(), describe(findings));
    assertTrue(findings.stream().allMatch(SchemaFinding::isError), describe(findings));
    assertTrue(describe(findings).contains("deletionPolicy"), describe(findings));
    assertTrue(describe(findings).contains("reclaimPolicy"), describe(findings));
  }

  @Test
  void missingKindIsAnError() throws IOException {
    List<SchemaFinding> findings = VALIDATOR.validate(yaml("apiVersion: v1\nmetadata:\n  name: x\n"));
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).isError());
  }

  @Test
  void validatesEveryDocumentOfAFolderAndLeavesOutKustomizationAndOutputs(@TempDir Path dir) throws IOException {
    Path env = Files.createDirectories(dir.resolve("dev"));
    Files.writeString(env.resolve("app.yaml"), "# Generated. Do not edit.\n" + STATEFUL_SET.replace("# a comment before the document\n", "")
        + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n  selecter: {}\n"
        + "---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: snap\n---\n");
    Files.writeString(env.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n");
    Files.writeString(env.resolve("outputs.json"), "{\"not\": \"a manifest\"}\n");

    assertEquals(List.of(env.resolve("app.yaml")), ManifestSchemaValidator.manifestFiles(dir));
    List<SchemaFinding> findings = VALIDATOR.validateTree(dir);
    assertEquals(2, findings.size(), describe(findings));
    SchemaFinding error = findings.get(0);
    assertTrue(error.isError());
    assertEquals(env.resolve("app.yaml"), error.file());
    assertEquals(1, error.documentIndex());
    assertEquals("Service", error.kind());
    assertEquals("$.spec.selecter", error.path());
    SchemaFinding skipped = findings.get(1);
    assertTrue(skipped.isSkipped());
    assertEquals(2, skipped.documentIndex());
    assertNotNull(skipped.file());
  }

  @Test
  void unparsableYamlIsAnError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: [unclosed\n");
    List<SchemaFinding> findings = VALIDATOR.validateFile(file);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().startsWith("cannot parse YAML"), findings.get(0).message());
  }
}
