package dev.statefulai.synth;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.statefulai.constructs.InvalidPropsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads an app's values for one environment: the layers {@code values.yaml}, then
 * {@code values-<env>.yaml}, then command-line overrides, later layers winning key by key (lists are
 * replaced whole), bound strictly into the app's record. Construct defaults apply to whatever no layer
 * sets.
 */
public final class ValuesLoader {
    private static final ObjectMapper MAPPER = strictMapper();
    private static final YAMLMapper SCALARS = new YAMLMapper();

    private ValuesLoader() {
    }

    /** Values bound into the app's record, with where each key came from. */
    public record Loaded<V>(V values, Map<String, LocatedYaml.Origin> origins) {
    }

    /**
     * @param appDir     the app's folder, holding {@code values.yaml} and {@code values-<env>.yaml}
     * @param displayDir how messages name that folder, e.g. {@code apps/vector-db}
     * @param overrides  key path to value, e.g. {@code replicas -> 5}, already without the app prefix
     * @param setPrefix  the app prefix of {@code --set} keys, e.g. {@code vectorDb}, to name overrides in messages
     */
    public static <V> Loaded<V> load(Class<V> type, Path appDir, String displayDir, String environment,
                                     Map<String, String> overrides, String setPrefix) {
        LocatedYaml merged = LocatedYaml.read(appDir.resolve("values.yaml"), displayDir + "/values.yaml");
        String overlayName = "values-" + environment + ".yaml";
        merge(merged, LocatedYaml.read(appDir.resolve(overlayName), displayDir + "/" + overlayName));
        overrides.forEach((key, value) -> applyOverride(merged, key, value, "--set " + setPrefix + "." + key + "=" + value));
        return new Loaded<>(bind(type, merged), merged.origins());
    }

    /** Deep-merges {@code overlay} into {@code base}: objects merge key by key, anything else is replaced. */
    static void merge(LocatedYaml base, LocatedYaml overlay) {
        mergeObject(base.tree(), overlay.tree(), "", base.origins(), overlay.origins());
    }

    private static void mergeObject(ObjectNode base, ObjectNode overlay, String pointer,
                                    Map<String, LocatedYaml.Origin> baseOrigins, Map<String, LocatedYaml.Origin> overlayOrigins) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String child = pointer + "/" + LocatedYaml.escape(field.getKey());
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overlayObject) {
                baseOrigins.put(child, overlayOrigins.get(child));
                mergeObject(existingObject, overlayObject, child, baseOrigins, overlayOrigins);
            } else {
                baseOrigins.keySet().removeIf(k -> k.startsWith(child + "/"));
                overlayOrigins.forEach((k, v) -> {
                    if (k.equals(child) || k.startsWith(child + "/")) {
                        baseOrigins.put(k, v);
                    }
                });
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /** Applies {@code key=value}: the key is a dotted path with optional list indexes, {@code a.b[0].c}. */
    static void applyOverride(LocatedYaml values, String key, String value, String source) {
        JsonNode parsed;
        try {
            parsed = value.isEmpty() ? SCALARS.getNodeFactory().textNode("") : SCALARS.readTree(value);
        } catch (Exception e) {
            throw new ValuesException(List.of(source + ": the value is not a YAML scalar: " + e.getMessage()));
        }
        if (parsed == null || parsed.isMissingNode()) {
            parsed = SCALARS.getNodeFactory().nullNode();
        }
        StringBuilder ptr = new StringBuilder();
        for (String segment : key.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
            if (segment.isEmpty()) {
                throw new ValuesException(List.of(source + ": the key has an empty part; write keys as a.b.c or a.list[0].b"));
            }
            ptr.append('/').append(LocatedYaml.escape(segment));
        }
        JsonPointer pointer = JsonPointer.compile(ptr.toString());
        ObjectNode overlay = SCALARS.createObjectNode();
        JsonNode parent = values.tree().at(pointer.head());
        if (parent.isArray()) {
            int index = pointer.last().getMatchingIndex();
            if (index < 0 || index >= parent.size()) {
                throw new ValuesException(List.of(source + ": " + LocatedYaml.keyPath(pointer.head().toString())
                        + " has " + parent.size() + " entries; the index must be from 0 to " + (parent.size() - 1)));
            }
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(index, parsed);
            values.origins().put(ptr.toString(), new LocatedYaml.Origin(source, 0));
            return;
        }
        overlay.withObject(pointer.head()).set(pointer.last().getMatchingProperty(), parsed);
        Map<String, LocatedYaml.Origin> overlayOrigins = new HashMap<>();
        JsonPointer p = pointer;
        while (p != null && !p.matches()) {
            overlayOrigins.put(p.toString(), new LocatedYaml.Origin(source, 0));
            p = p.head();
        }
        merge(values, new LocatedYaml(overlay, overlayOrigins));
    }

    private static <V> V bind(Class<V> type, LocatedYaml merged) {
        List<String> problems = dev.statefulai.synth.values.ValuesChecker.check(type, merged.tree(), merged.origins());
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        try {
            return MAPPER.treeToValue(merged.tree(), type);
        } catch (JsonMappingException e) {
            throw new ValuesException(List.of(describe(e, merged)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ValuesException(List.of("values: " + e.getOriginalMessage()));
        }
    }

    private static String describe(JsonMappingException e, LocatedYaml merged) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getIndex() >= 0 ? String.valueOf(ref.getIndex()) : LocatedYaml.escape(ref.getFieldName()));
        }
        String ptr = pointer.toString();
        String where = where(merged.origins(), ptr);
        String key = LocatedYaml.keyPath(ptr);
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            known.sort(String::compareTo);
            String hint = DidYouMean.suggest(u.getPropertyName(), known).map(s -> " (did you mean '" + s + "'?)").orElse("");
            return where + ": unknown key '" + key + "'" + hint + "; allowed keys here: " + String.join(", ", known);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidPropsException ip) {
            return where + ": " + key + ": " + ip.getMessage();
        }
        JsonNode given = merged.tree().at(ptr);
        String allowed = e instanceof MismatchedInputException m && m.getTargetType() != null
                ? describeType(m.getTargetType()) : "see the app's values record";
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : f.getTargetType().getEnumConstants()) {
                names.add(c.toString());
            }
            allowed = "one of " + names;
        }
        return where + ": " + key + ": " + (given.isMissingNode() ? "missing" : "'" + given.asText() + "'")
                + " is not allowed; allowed: " + allowed;
    }

    /** The origin of the deepest key of {@code pointer} that has one. */
    public static String where(Map<String, LocatedYaml.Origin> origins, String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            LocatedYaml.Origin o = origins.get(p);
            if (o != null) {
                return o.toString();
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return "values";
    }

    private static String describeType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return type.getSimpleName();
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "replicas: '3'" is a mistake worth reporting, not something to guess at.
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean, LogicalType.Float, LogicalType.Textual}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail);
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }
}
