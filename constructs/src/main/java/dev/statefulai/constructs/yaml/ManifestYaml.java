package dev.statefulai.constructs.yaml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The one YAML writer of the synth, whichever way a chart was rendered: Jackson's YAML module
 * (SnakeYAML's emitter) writes JSON-like trees ({@link Map}, {@link List}, {@link String}, {@link Number},
 * {@link Boolean}, {@code null}), as a pure function of their content.
 *
 * <p>Its rules: the keys of every map sorted (by {@link String#compareTo}), except that a document
 * begins with {@code apiVersion}, {@code kind} and {@code metadata}; a number that is a whole number is
 * written as one ({@code 3.0} is {@code 3}, as JSON and JavaScript have one kind of number); strings a
 * YAML 1.1 reader would take for something else are quoted ({@link Yaml11Quoting}); multi-line strings
 * are literal blocks; lines are never folded; sequences are indented under their key; documents are
 * separated by {@code ---}. Two trees are the same manifests when their {@link #trees} are equal.
 */
public final class ManifestYaml {
    /** The keys a document begins with, in this order. */
    private static final List<String> FIRST_KEYS = List.of("apiVersion", "kind", "metadata");

    private static final YAMLFactory YAML = new Factory(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new Yaml11Quoting()));

    /**
     * Jackson's YAML factory, whose generator double-quotes a string with a line break a reader would
     * change ({@link Yaml11Quoting#needsEscapes}): Jackson would write a multi-line one as a literal block.
     */
    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
            return new YAMLGenerator(context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, _version) {
                @Override
                public void writeString(String text) throws IOException {
                    if (text != null && Yaml11Quoting.needsEscapes(text)) {
                        _verifyValueWrite("write String value");
                        _writeScalar(text, "string", DumperOptions.ScalarStyle.DOUBLE_QUOTED);
                    } else {
                        super.writeString(text);
                    }
                }
            };
        }
    }

    private ManifestYaml() {
    }

    /** The documents as YAML, one after the other; nothing for none. */
    public static String write(List<?> documents) {
        if (documents.isEmpty()) {
            return "";
        }
        // Jackson's own string writer: StringWriter's StringBuffer takes a lock per write, and one thread writes a chart.
        SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
        try {
            try (JsonGenerator generator = YAML.createGenerator(out)) {
                // Written from the documents as they are, in the order of their trees: a sorted copy of every
                // document, made only to be written once, cost the synth of a fleet a tenth of its allocations.
                for (Object document : documents) {
                    write(generator, document, true);
                }
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The documents as this writer sees them: maps in its key order, numbers as {@link Long} when whole
     * (else {@link BigInteger} or {@link Double}). Equal lists are the same manifests.
     *
     * @throws IllegalArgumentException for a value that is not JSON: another type, NaN or an infinity
     */
    public static List<Object> trees(List<?> documents) {
        List<Object> out = new ArrayList<>(documents.size());
        documents.forEach(d -> out.add(tree(d, true)));
        return out;
    }

    private static Object tree(Object value, boolean document) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(tree(v, false)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            inKeyOrder(map, document).forEach((k, v) -> out.put(k, tree(v, false)));
            return out;
        }
        throw notJson(value);
    }

    /** The entries of {@code map} in this writer's order: keys as text, sorted; in a document {@link #FIRST_KEYS} first. */
    private static Map<String, Object> inKeyOrder(Map<?, ?> map, boolean document) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        if (!document || FIRST_KEYS.stream().noneMatch(sorted::containsKey)) {
            return sorted;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        FIRST_KEYS.stream().filter(sorted::containsKey).forEach(k -> out.put(k, sorted.remove(k)));
        out.putAll(sorted);
        return out;
    }

    private static IllegalArgumentException notJson(Object value) {
        return new IllegalArgumentException("not a JSON value: a " + value.getClass().getName());
    }

    private static Object number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a JSON number: " + n);
        }
        if (d == Math.rint(d)) {
            return number(new BigDecimal(d).toBigIntegerExact());
        }
        return d;
    }

    /** Writes {@code value} as its {@link #tree} is. */
    private static void write(JsonGenerator generator, Object value, boolean document) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> e : inKeyOrder(map, document).entrySet()) {
                generator.writeFieldName(e.getKey());
                write(generator, e.getValue(), false);
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object v : list) {
                write(generator, v, false);
            }
            generator.writeEndArray();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value == null) {
            generator.writeNull();
        } else if (value instanceof Number n) {
            Object number = number(n);
            if (number instanceof Long l) {
                generator.writeNumber(l);
            } else if (number instanceof BigInteger b) {
                generator.writeNumber(b);
            } else {
                generator.writeNumber((Double) number);
            }
        } else {
            throw notJson(value);
        }
    }
}
