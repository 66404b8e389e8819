package dev.statefulai.engine.values;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.engine.values.schema.ValuesSchema;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads an app's values for one environment: the layers {@code values.yaml}, then
 * {@code values-<env>.yaml}, then command-line overrides, later layers winning key by key (lists are
 * replaced whole, though {@code --set list[0].key} edits one entry), bound strictly into the app's record.
 * Construct defaults apply to whatever no layer sets; {@code null} unsets a key a lower layer set.
 *
 * <p>Every problem of every layer is found in one go, and the values that are fine are still bound (the
 * refused keys left out), so that the constructs can report their own refusals in the same run.
 */
public final class ValuesLoader {
    private static final ObjectMapper MAPPER = strictMapper();

    private ValuesLoader() {
    }

    /**
     * The values of one app and environment, as far as they bind.
     *
     * @param values         bound into the app's record without the keys refused; null when they cannot be
     *                       bound at all (a file that is not YAML, a record that refuses them)
     * @param origins        where each key came from
     * @param problems       every problem of the values, one line each; empty when they are fine
     * @param refused        the keys refused, as JSON pointers: left out of {@code values}, unless of the right type
     * @param missingOverlay when the environment's values file does not exist: a note saying so, for
     *                       refusals of values no layer set; else null
     */
    public record Loaded<V>(V values, Map<String, LocatedYaml.Origin> origins, List<String> problems, List<String> refused,
                            String missingOverlay) {
    }

    /**
     * @param appDir     the app's folder, holding {@code values.yaml} and {@code values-<env>.yaml}
     * @param displayDir how messages name that folder, e.g. {@code apps/vector-db}
     * @param overrides  key path to value, e.g. {@code replicas -> 5}, already without the app prefix
     * @param setPrefix  the app prefix of {@code --set} keys, e.g. {@code vectorDb}, to name overrides in messages
     * @throws ValuesException with every problem, when there is one
     */
    public static <V> Loaded<V> load(Class<V> type, Path appDir, String displayDir, String environment,
                                     Map<String, String> overrides, String setPrefix) {
        Loaded<V> loaded = read(type, appDir, displayDir, environment, overrides, setPrefix);
        if (!loaded.problems().isEmpty()) {
            throw new ValuesException(loaded.problems());
        }
        return loaded;
    }

    /** Like {@link #load}, but returns the problems with what could be bound instead of throwing. */
    public static <V> Loaded<V> read(Class<V> type, Path appDir, String displayDir, String environment,
                                     Map<String, String> overrides, String setPrefix) {
        List<String> problems = new ArrayList<>();
        boolean complete = true;
        LocatedYaml merged = LocatedYaml.none();
        String overlayName = "values-" + environment + ".yaml";
        for (String name : List.of("values.yaml", overlayName)) {
            try {
                merge(merged, LocatedYaml.read(appDir.resolve(name), displayDir + "/" + name));
            } catch (ValuesException e) {
                problems.addAll(e.problems());
                complete = false;
            }
        }
        String missingOverlay = Files.exists(appDir.resolve(overlayName), LinkOption.NOFOLLOW_LINKS) ? null
                : "not set: " + displayDir + " has no " + overlayName + ", so " + environment + " takes " + displayDir + "/values.yaml alone";
        overrides.forEach((key, value) -> {
            try {
                SetOverride.apply(merged, key, value, "--set " + setPrefix + "." + key + "=" + value);
            } catch (ValuesException e) {
                problems.addAll(e.problems());
            }
        });
        List<String> refused = new ArrayList<>();
        for (ValuesChecker.Problem p : ValuesChecker.check(ValuesSchema.forApp(type, appDir), merged.tree(), merged.origins())) {
            problems.add(p.message());
            // A value of the right type is kept: the constructs go on past what they refuse, and past it find the rest.
            refused.add(p.binds() ? p.pointer() : leaveOut(merged.tree(), p.pointer()));
        }
        V values = null;
        if (complete) {
            try {
                values = MAPPER.treeToValue(merged.tree(), type);
            } catch (JsonMappingException e) {
                problems.add(describe(e, merged));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add("values: " + e.getOriginalMessage());
            }
        }
        return new Loaded<>(values, merged.origins(), List.copyOf(problems), List.copyOf(refused), missingOverlay);
    }

    /**
     * What is worth saying about the values files of app {@code name} (folder {@code dir}, shown as
     * {@code displayDir}) in {@code environment} though they are not wrong.
     */
    public static List<String> warnings(String name, Path dir, String displayDir, String environment) {
        String overlay = "values-" + environment + ".yaml";
        if (ValuesFile.holdsNoValues(dir.resolve(overlay))) {
            return List.of(displayDir + "/" + overlay + " is empty: " + name + " takes " + displayDir
                    + "/values.yaml alone in " + environment + "; write {} to say so on purpose");
        }
        return List.of();
    }

    /**
     * Removes the refused key at {@code pointer} (a refused list entry: the whole list), so that what is
     * left binds; returns the pointer of what was removed.
     */
    private static String leaveOut(ObjectNode tree, String pointer) {
        String at = pointer;
        while (!at.isEmpty()) {
            JsonPointer p = JsonPointer.compile(at);
            JsonNode parent = tree.at(p.head());
            if (parent instanceof ObjectNode object) {
                object.remove(p.last().getMatchingProperty());
                return at;
            }
            at = p.head().toString();
        }
        return at;
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
                // Walks the two subtrees, not every origin: a merge costs the size of what it merges.
                if (existing != null) {
                    LocatedYaml.forEachPointer(existing, child, baseOrigins::remove);
                }
                LocatedYaml.forEachPointer(field.getValue(), child, k -> {
                    LocatedYaml.Origin origin = overlayOrigins.get(k);
                    if (origin != null) {
                        baseOrigins.put(k, origin);
                    }
                });
                base.set(field.getKey(), field.getValue());
            }
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
            return where + ": unknown key '" + key + "'" + DidYouMean.hint(u.getPropertyName(), known)
                    + "; allowed keys here: " + String.join(", ", known);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidPropsException ip) {
            return where + ": " + key + ": " + ip.getMessage();
        }
        JsonNode given = merged.tree().at(ptr);
        String allowed = e instanceof MismatchedInputException m && m.getTargetType() != null
                ? describeType(m.getTargetType()) : "see the app's values record";
        // A whole number too large for its field: Jackson's coercion failure names the type it wanted.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputCoercionException c && c.getTargetType() != null) {
                allowed = range(c.getTargetType());
            }
        }
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

    /** The whole numbers {@code type} holds, as messages say it. */
    private static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return describeType(type);
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
