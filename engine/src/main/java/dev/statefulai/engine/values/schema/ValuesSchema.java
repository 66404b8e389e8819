package dev.statefulai.engine.values.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.naming.CleanSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.statefulai.app.values.Rule;
import dev.statefulai.facts.TextFile;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of an app's values, generated from its values record (victools jsonschema-generator with
 * its Jackson module), so that there is one description of the values: the record. Every key may be
 * {@code null} (it unsets a lower layer's value), records allow no other keys, enums list their values as
 * values files spell them, and the {@link Rule}s on record components become a {@code pattern},
 * {@code maxLength} or {@code minimum} that editors check as you type, a {@code format} the synth checks with
 * the constructs' own code, and a {@code description} saying what is allowed.
 *
 * <p>The same schema validates the merged values (com.networknt json-schema-validator) and is committed beside
 * the app's values files as {@value #FILE_NAME} (see {@link ValuesSchemaFile}). One per record type, made once.
 */
public final class ValuesSchema {
    /** The committed schema's name in the app's folder, which the values files' modeline points at. */
    public static final String FILE_NAME = "values.schema.json";
    /** The first line of each values file: the yaml-language-server's modeline, for completion and checks in editors. */
    public static final String MODELINE = "# yaml-language-server: $schema=./" + FILE_NAME;

    private static final Map<Class<?>, ValuesSchema> MADE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made on first use: a synth that finds every committed schema current never generates one. */
    private static final class Generator {
        static final SchemaGenerator INSTANCE = generator();
    }
    private static final JsonSchemaFactory FACTORY = factory();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();

    private final Class<?> type;
    private final ObjectNode schema;
    private final JsonSchema validator;
    private volatile String fileText;

    private ValuesSchema(Class<?> type, ObjectNode schema) {
        this.type = type;
        this.schema = schema;
        this.validator = FACTORY.getSchema(schema, CONFIG);
    }

    /** The schema of values records of {@code type}: generated, or read from a committed file of the same fingerprint. */
    public static ValuesSchema of(Class<?> type) {
        return MADE.computeIfAbsent(type, ValuesSchema::generate);
    }

    /**
     * The schema of {@code type} for the app in {@code appDir}: its committed {@value #FILE_NAME} when that is current (the
     * record's fingerprint is in its marker), which spares the generation; otherwise generated.
     */
    public static ValuesSchema forApp(Class<?> type, Path appDir) {
        ValuesSchema made = MADE.get(type);
        if (made != null) {
            return made;
        }
        ObjectNode committed = null;
        try {
            String text = committedText(appDir.resolve(FILE_NAME));
            if (text != null && isGeneratedFrom(text, type) && JSON.readTree(text) instanceof ObjectNode node) {
                committed = node;
            }
        } catch (IOException e) {
            committed = null; // not JSON: generated instead, and synth rewrites a file of its own
        }
        ObjectNode schema = committed;
        return schema == null ? of(type) : MADE.computeIfAbsent(type, t -> new ValuesSchema(t, schema));
    }

    /** A schema synth writes is kilobytes: a larger file is not one it wrote, and is not read (a copy of a dump would exhaust the heap). */
    static final int MAX_FILE_BYTES = 1 << 20;

    /**
     * The text of the schema file {@code file}; null when it cannot be one synth wrote: not a regular file (a symbolic link
     * is not one either), larger than {@link #MAX_FILE_BYTES}, unreadable or not UTF-8.
     */
    static String committedText(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return TextFile.read(file, file.toString(), MAX_FILE_BYTES, "a values schema");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A new generation of the schema of {@code type}, never read from a file: what a committed file must be. */
    public static ValuesSchema generate(Class<?> type) {
        ObjectNode generated = Generator.INSTANCE.generateSchema(type);
        ObjectNode ordered = JSON.createObjectNode();
        ordered.set("$schema", generated.remove("$schema"));
        ordered.put("$comment", marker(type));
        ordered.setAll(generated);
        return new ValuesSchema(type, ordered);
    }

    /** The record type the schema describes. */
    public Class<?> type() {
        return type;
    }

    /** The schema, not to be changed. */
    public ObjectNode schema() {
        return schema;
    }

    /** The committed file's text: the schema, indented by two spaces, ending in a line break. */
    public String fileText() {
        String text = fileText;
        if (text == null) {
            text = print();
            fileText = text;
        }
        return text;
    }

    private String print() {
        // Objects one key a line, lists on one line; "\n" on every platform.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return JSON.writer(printer).writeValueAsString(schema) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code text} is a schema this synth wrote (of any record): its marker says so. */
    static boolean isGenerated(String text) {
        return text.contains("\"$comment\" : \"" + MARKER_START);
    }

    /** Whether {@code text} is a schema this synth wrote from {@code type} as it is now: the marker names its fingerprint. */
    static boolean isGeneratedFrom(String text, Class<?> type) {
        return text.contains("\"$comment\" : \"" + marker(type) + "\"");
    }

    private static final String MARKER_START = "Generated by bin/ai-storage synth from the values record ";

    private static String marker(Class<?> type) {
        return MARKER_START + type.getName() + " (fingerprint " + RecordFingerprint.of(type) + "): change the record, not this file.";
    }

    /** Every place where {@code values} break the schema; empty when they keep it. */
    public Set<ValidationMessage> validate(JsonNode values) {
        return validator.validate(values);
    }

    /** The part of the schema at {@code location}, a JSON pointer into it (a validation message's schema location). */
    public JsonNode at(String location) {
        return schema.at(JsonPointer.compile(location));
    }

    /**
     * What the schema allows at {@code pointer}, a JSON pointer into the values, with references followed and
     * the {@code null} that every key allows left out; null where nothing is allowed.
     */
    public JsonNode expectedAt(String pointer) {
        JsonNode node = resolve(schema);
        JsonPointer p = JsonPointer.compile(pointer);
        while (node != null && !p.matches()) {
            String segment = p.getMatchingProperty();
            JsonNode next = node.path("properties").get(segment);
            if (next == null && node.path("items").isObject() && p.getMatchingIndex() >= 0) {
                next = node.get("items");
            }
            if (next == null && node.path("additionalProperties").isObject()) {
                next = node.get("additionalProperties");
            }
            node = next == null ? null : resolve(next);
            p = p.tail();
        }
        return node;
    }

    /** {@code node} with its {@code $ref} followed, and of an {@code anyOf} the branch that is not {@code null} alone. */
    public JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; hops < 32; hops++) {
            if (at.hasNonNull("$ref") && at.get("$ref").asText().startsWith("#")) {
                at = schema.at(JsonPointer.compile(at.get("$ref").asText().substring(1)));
            } else if (at.path("anyOf").isArray()) {
                JsonNode branch = null;
                for (JsonNode b : at.get("anyOf")) {
                    if (!b.path("type").asText().equals("null")) {
                        branch = b;
                    }
                }
                if (branch == null) {
                    return at;
                }
                at = branch;
            } else {
                return at;
            }
        }
        return at;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.FLATTENED_ENUMS_FROM_TOSTRING, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        config.forFields().withInstanceAttributeOverride(ValuesSchema::ruleAttributes);
        // Names such as Map(String,String) made plain, e.g. MapStringString.
        config.forTypesInGeneral().withDefinitionNamingStrategy(new CleanSchemaDefinitionNamingStrategy(new DefaultSchemaDefinitionNamingStrategy(),
                name -> name.replaceAll("[^A-Za-z0-9-]", "")));
        return new SchemaGenerator(config.build());
    }

    /** The schema keywords of the {@link Rule} on a record component. */
    private static void ruleAttributes(ObjectNode attributes, FieldScope field, SchemaGenerationContext context) {
        Rule rule = ruleOf(field.getRawMember());
        if (rule == null) {
            return;
        }
        Rule.Keywords keywords = rule.value().keywords();
        if (keywords.format() != null) {
            attributes.put(context.getKeyword(SchemaKeyword.TAG_FORMAT), keywords.format());
            attributes.put(context.getKeyword(SchemaKeyword.TAG_PATTERN), keywords.pattern());
        }
        if (keywords.maxLength() != null) {
            attributes.put(context.getKeyword(SchemaKeyword.TAG_LENGTH_MAX), keywords.maxLength());
        }
        if (keywords.minimum() != null) {
            attributes.put(context.getKeyword(SchemaKeyword.TAG_MINIMUM), keywords.minimum());
        }
        attributes.put(context.getKeyword(SchemaKeyword.TAG_DESCRIPTION), rule.value().allowed());
    }

    /** A {@code @Rule} is on the record component: Java does not copy it to the component's field. */
    private static Rule ruleOf(Field field) {
        Class<?> owner = field.getDeclaringClass();
        if (!owner.isRecord()) {
            return field.getAnnotation(Rule.class);
        }
        return Arrays.stream(owner.getRecordComponents()).filter(c -> c.getName().equals(field.getName()))
                .map(c -> c.getAnnotation(Rule.class)).filter(r -> r != null).findFirst().orElse(null);
    }

    /** Draft 2020-12 with a format per {@link Rule} kind, checked by the rule itself. */
    private static JsonSchemaFactory factory() {
        JsonMetaSchema base = JsonMetaSchema.getV202012();
        JsonMetaSchema.Builder meta = JsonMetaSchema.builder(base.getIri(), base);
        for (Rule.Kind kind : Rule.Kind.values()) {
            if (kind.keywords().format() != null) {
                meta.format(new RuleFormat(kind));
            }
        }
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .metaSchema(meta.build()).build();
    }

    /** A {@link Rule} as a schema format: a value keeps it when the rule's check takes it. */
    private record RuleFormat(Rule.Kind kind) implements com.networknt.schema.Format {
        @Override
        public String getName() {
            return kind.keywords().format();
        }

        @Override
        public boolean matches(com.networknt.schema.ExecutionContext context, String value) {
            try {
                kind.check("value", value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
