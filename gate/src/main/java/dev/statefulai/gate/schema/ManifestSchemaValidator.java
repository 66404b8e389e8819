package dev.statefulai.gate.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Strict validation of Kubernetes manifests against the definitions of one Kubernetes release (1.28 to 1.34),
 * in the spirit of
 * {@code kubeconform -strict}: unknown fields, missing required fields and wrong types are errors, and
 * objects whose apiVersion/kind no definition covers (custom resources) are reported as
 * {@link SchemaFinding.Status#SKIPPED}, never passed silently.
 *
 * <p>The definitions of a release are read once per JVM from the class path resource
 * {@code /k8s-schema/v1.<minor>/definitions.json} (Swagger 2.0 style {@code definitions} with
 * {@code x-kubernetes-group-version-kind}; see the README beside them for where they come from), with the
 * schemas of the custom resources the constructs emit ({@code /k8s-schema/crds/}) merged in. They are turned into a JSON Schema (draft 7) in which every
 * object with declared properties gets {@code additionalProperties: false}, unless the definition
 * already says what extra keys may hold (maps such as labels, annotations, resources.requests).
 * IntOrString and Quantity accept a string or a number, as the API server does. The JSON Schema
 * validation itself is done by com.networknt:json-schema-validator.
 */
public final class ManifestSchemaValidator {

  /** Schemas of the custom resources the constructs emit, checked like built-in kinds instead of skipped. */
  public static final List<String> CUSTOM_RESOURCE_DEFINITIONS = List.of("/k8s-schema/crds/snapshot.storage.k8s.io-v1.json",
      "/k8s-schema/crds/velero.io-v1.json", "/k8s-schema/crds/snapscheduler.backube-v1.json");

  /** Files in a folder of manifests that are not Kubernetes objects (a kustomization of any of kustomize's names). */
  private static final Set<String> NOT_MANIFESTS = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization", "outputs.json");

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Made on first use: only {@link #validateFile} reads YAML text; the gate hands over parsed objects. */
  private static final class YamlReader {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  }

  private static final Map<KubernetesVersion, ManifestSchemaValidator> SHARED = new ConcurrentHashMap<>();

  private final String kubernetesVersion;
  private final ObjectNode definitions;
  private final Map<String, String> definitionByGvk;
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
  private final Map<String, JsonSchema> schemas = new HashMap<>();
  private JsonSchema root;

  private ManifestSchemaValidator(String kubernetesVersion, JsonNode swaggerDefinitions) {
    this.kubernetesVersion = kubernetesVersion;
    this.definitions = strict((ObjectNode) swaggerDefinitions.deepCopy());
    this.definitionByGvk = indexGvks(swaggerDefinitions);
  }

  /** The definitions resource of Kubernetes {@code version}. */
  public static String definitionsResource(KubernetesVersion version) {
    return "/k8s-schema/v" + version + "/definitions.json";
  }

  /**
   * The validator for Kubernetes {@code version}'s definitions, loaded once per JVM.
   *
   * @throws IllegalArgumentException for a release the gate has no schema for
   */
  public static ManifestSchemaValidator forVersion(KubernetesVersion version) {
    if (!version.isSupported()) {
      throw new IllegalArgumentException("no schema for Kubernetes " + version + "; the gate has " + KubernetesVersion.supportedRange());
    }
    // the definitions are those of the release's first patch, v1.<minor>.0 (see the README beside them)
    return SHARED.computeIfAbsent(version, v -> new ManifestSchemaValidator(v + ".0", loadDefinitions(definitionsResource(v))));
  }

  /** The validator for the Kubernetes 1.28 definitions (the default target), loaded once per JVM. */
  public static ManifestSchemaValidator kubernetes128() {
    return forVersion(KubernetesVersion.of(28));
  }

  /**
   * The first release (of those the gate has a schema for) whose definitions cover {@code apiVersion} and
   * {@code kind}, or empty when none does (a custom resource, or an API removed before 1.28).
   */
  public static Optional<KubernetesVersion> firstServing(String apiVersion, String kind) {
    return KubernetesVersion.supported().stream().filter(v -> forVersion(v).definitionFor(apiVersion, kind) != null).findFirst();
  }

  /** A validator for other definitions: a JSON document with a {@code definitions} object. */
  public static ManifestSchemaValidator fromDefinitions(JsonNode document) {
    JsonNode defs = document.path("definitions");
    if (!defs.isObject()) {
      throw new IllegalArgumentException("no \"definitions\" object");
    }
    return new ManifestSchemaValidator(document.path("x-source").path("kubernetes").asText("(given)"), defs);
  }

  private static JsonNode loadDefinitions(String resource) {
    ObjectNode definitions = (ObjectNode) readDefinitions(resource);
    CUSTOM_RESOURCE_DEFINITIONS.forEach(crd -> definitions.setAll((ObjectNode) readDefinitions(crd)));
    return definitions;
  }

  private static JsonNode readDefinitions(String resource) {
    try (InputStream in = ManifestSchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + resource);
      }
      return JSON.readTree(in).path("definitions");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The Kubernetes release of these definitions, e.g. {@code 1.31.0}. */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /** Number of apiVersion/kind pairs that have a definition. */
  public int kindCount() {
    return definitionByGvk.size();
  }

  /** The definition name for an apiVersion and kind, or {@code null} when none covers them. */
  public String definitionFor(String apiVersion, String kind) {
    return definitionByGvk.get(apiVersion + "|" + kind);
  }

  // ---------------------------------------------------------------------------------------------
  // Validation of objects

  /** Validates one parsed object (e.g. from {@code new ObjectMapper().valueToTree(map)}). */
  public List<SchemaFinding> validate(JsonNode object) {
    return validate(object, null, -1);
  }

  /** Validates one object given as a Map (as parsed by Jackson or SnakeYAML). */
  public List<SchemaFinding> validate(Map<String, ?> object) {
    JsonNode tree = JSON.valueToTree(object);
    return validate(tree);
  }

  /** Validates one object, recording the file and document index it came from in the findings. */
  public List<SchemaFinding> validate(JsonNode object, Path file, int documentIndex) {
    List<SchemaFinding> out = new ArrayList<>();
    if (object == null || !object.isObject()) {
      out.add(new SchemaFinding(file, documentIndex, "", "", "", "$",
          "document is not an object: " + (object == null ? "null" : object.getNodeType()),
          SchemaFinding.Status.ERROR));
      return out;
    }
    String apiVersion = text(object.get("apiVersion"));
    String kind = text(object.get("kind"));
    String name = text(object.path("metadata").get("name"));
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      out.add(new SchemaFinding(file, documentIndex, apiVersion, kind, name, "$",
          "apiVersion and kind are required (string)", SchemaFinding.Status.ERROR));
      return out;
    }
    String definition = definitionFor(apiVersion, kind);
    if (definition == null) {
      out.add(new SchemaFinding(file, documentIndex, apiVersion, kind, name, "$",
          "no Kubernetes " + kubernetesVersion + " definition for " + apiVersion + " " + kind
              + " (custom resource?): not validated",
          SchemaFinding.Status.SKIPPED));
      return out;
    }
    List<ValidationMessage> messages;
    // one release's schema at a time: environments are checked in parallel, and two may share a release
    synchronized (this) {
      messages = new ArrayList<>(schemaFor(definition).validate(object));
    }
    messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
        .thenComparing(ValidationMessage::getMessage));
    for (ValidationMessage m : messages) {
      out.add(new SchemaFinding(file, documentIndex, apiVersion, kind, name, pathOf(m), describe(m),
          SchemaFinding.Status.ERROR));
    }
    return out;
  }

  /** Builds the schema of all definitions now rather than at the first validation. */
  public synchronized void prepare() {
    root();
  }

  /** A definition's schema, taken from the one schema of all definitions so that shared ones (ObjectMeta, PodSpec) are built once. */
  private JsonSchema schemaFor(String definition) {
    return schemas.computeIfAbsent(definition,
        d -> root().getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("definitions").append(d)));
  }

  private JsonSchema root() {
    if (root == null) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("$schema", "http://json-schema.org/draft-07/schema#");
      node.set("definitions", definitions);
      root = factory.getSchema(node, config);
    }
    return root;
  }

  private static String pathOf(ValidationMessage m) {
    String location = m.getInstanceLocation().toString();
    String type = m.getType();
    if (m.getProperty() != null && ("additionalProperties".equals(type) || "required".equals(type))) {
      return location + "." + m.getProperty();
    }
    return location;
  }

  private static String describe(ValidationMessage m) {
    String type = m.getType();
    if ("additionalProperties".equals(type)) {
      return "unknown field \"" + m.getProperty() + "\"";
    }
    if ("required".equals(type)) {
      return "missing required field \"" + m.getProperty() + "\"";
    }
    String text = m.getMessage();
    String prefix = m.getInstanceLocation().toString() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }

  // ---------------------------------------------------------------------------------------------
  // Validation of files and folders

  /**
   * Validates every YAML document of a file ({@code ---} separated; comments are fine). Documents
   * that are empty are ignored; the document index counts the non-empty ones from 0.
   */
  public List<SchemaFinding> validateFile(Path file) {
    List<SchemaFinding> out = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = YamlReader.YAML.getFactory().createParser(reader);
        MappingIterator<JsonNode> docs = YamlReader.YAML.readValues(parser, JsonNode.class)) {
      int index = 0;
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        out.addAll(validate(doc, file, index++));
      }
    } catch (IOException | RuntimeException e) {
      out.add(new SchemaFinding(file, -1, "", "", "", "$", "cannot parse YAML: " + e.getMessage(),
          SchemaFinding.Status.ERROR));
    }
    return out;
  }

  /**
   * Validates every {@code *.yaml}/{@code *.yml} file under a folder (recursively, in path order),
   * leaving out kustomization.yaml and outputs.json, which are not Kubernetes objects.
   */
  public List<SchemaFinding> validateTree(Path folder) {
    List<SchemaFinding> out = new ArrayList<>();
    for (Path file : manifestFiles(folder)) {
      out.addAll(validateFile(file));
    }
    return out;
  }

  /** The files {@link #validateTree} reads. */
  public static List<Path> manifestFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString();
            return (n.endsWith(".yaml") || n.endsWith(".yml")) && !NOT_MANIFESTS.contains(n);
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // OpenAPI definitions -> strict JSON Schema

  private static Map<String, String> indexGvks(JsonNode defs) {
    Map<String, String> index = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
        String group = gvk.path("group").asText("");
        String version = gvk.path("version").asText();
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        index.putIfAbsent(apiVersion + "|" + gvk.path("kind").asText(), e.getKey());
      }
    }
    return Map.copyOf(index);
  }

  /** Closes every object schema that lists properties and says nothing about other keys. */
  private static ObjectNode strict(ObjectNode defs) {
    defs.fields().forEachRemaining(e -> close(e.getValue()));
    return defs;
  }

  private static void close(JsonNode schema) {
    if (!schema.isObject()) {
      return;
    }
    ObjectNode s = (ObjectNode) schema;
    s.remove("description");
    if (s.has("properties") && !s.has("additionalProperties")) {
      s.put("additionalProperties", false);
    }
    s.path("properties").forEach(ManifestSchemaValidator::close);
    close(s.path("items"));
    close(s.path("additionalProperties"));
    for (String combinator : new String[] {"oneOf", "anyOf", "allOf"}) {
      if (s.get(combinator) instanceof ArrayNode a) {
        a.forEach(ManifestSchemaValidator::close);
      }
    }
    // OpenAPI int-or-string / quantity formats, in case the definitions use them instead of oneOf.
    String format = s.path("format").asText("");
    if ("int-or-string".equals(format) || "quantity".equals(format)) {
      s.remove("format");
      s.remove("type");
      ArrayNode oneOf = s.putArray("oneOf");
      oneOf.addObject().put("type", "string");
      oneOf.addObject().put("type", "int-or-string".equals(format) ? "integer" : "number");
    }
  }
}
