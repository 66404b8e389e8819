package dev.statefulai.constructs.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

class ManifestYamlTest {

    /** Strings that exercise quoting and block scalars: YAML 1.1 types, indicators, blanks, breaks, escapes. */
    private static final String[] NASTY = {
        "", " ", "yes", "Yes", "YES", "No", "no", "NO", "on", "On", "ON", "OFF", "off", "y", "n", "Y", "N", "~",
        "null", "Null", "NULL", "true", "False", "TRUE",
        "0", "007", "08", "0o7", "0O7", "0x1F", "0X1F", "0b101", "0B101", "1_000", "+1", "-1", "1.5", ".5", ".", "-.",
        "1e3", "1E-3", "1_0e1_0", "1:20", "1:20:30.5", "190:20:30", ".inf", "-.Inf", "+.INF", ".NaN", "2001-12-14",
        "2001-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "<<", "=", "-", "?", ":", "- a",
        "? a", "-a", "?a", "a: b", "a :b", "a #b", "a#b", "#a", "a:", "a::b", "&a", "*a", "!a", "|a", ">a", "'a",
        "\"a", "%a", "@a", "`a", "[a", "]a", "{a", "}a", ",a", "a,b", "---", "...", "--- a", "...a", "a\n---",
        "a\n...\nb", "a\n%b", "x\u2028---", "x\u2029...y", "a\nb", "a\n", "a\n\n", "\na", "\n", "\n\n", " \n",
        "\t\n", "a\n ", "a\n\t", "\n\n x", " a", "a ", "\ta", "a\t", "a\tb", "a\n b", "a \nb", "a\t\nb",
        "  lead\nx", " lead\n\nx\n\n", "é", "日本", "\u0000", "\u0007", "\u0008", "\u000b", "\u000c", "\r", "a\r\nb",
        "\u001b", "\u001f", "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ud83d\ude00",
        "a'b", "a\"b", "'\"", "\"'\"", "\\", "a\\nb", "\\ \n", "8000", "true\n", "nvidia.com/gpu",
        "app.kubernetes.io/name", "10Gi", "500m", "*.safetensors *.json", "1", "10", "4294967295",
        "123456789012345678901234567890", "apiVersion", "kind", "metadata",
    };

    /** Characters for made-up strings. */
    private static final String ALPHABET = "ab01.:-?#'\"\\ \t\n\r,[]{}&*!|>%@`~<=é_eExXoO+\u0000\u0085\u2028\u00a0";

    private static final LoaderOptions LOADING = new LoaderOptions();

    static {
        LOADING.setCodePointLimit(64 << 20);
    }

    /**
     * 3000 random documents, written and read back by two YAML 1.1 readers: SnakeYAML (its resolver gives
     * booleans, ints, floats, timestamps and merge keys, as go-yaml v2 under kubectl does) and Jackson's
     * YAML parser. Each must read the very tree that was written: every string a string, every key too.
     */
    @Test
    void yaml11ReadersReadBackWhatWasWritten() throws IOException {
        Random random = new Random(20260101L);
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            docs.add(randomMap(random, 0));
        }
        for (int from = 0; from < docs.size(); from += 100) {
            List<Object> batch = docs.subList(from, from + 100);
            String yaml = ManifestYaml.write(batch);
            List<Object> expected = ManifestYaml.trees(batch);
            if (!expected.equals(readBySnakeYaml(yaml)) || !expected.equals(readByJackson(yaml))) {
                for (Object doc : batch) {
                    String one = ManifestYaml.write(List.of(doc));
                    assertEquals(ManifestYaml.trees(List.of(doc)), readBySnakeYaml(one), "SnakeYAML reading:\n" + one);
                    assertEquals(ManifestYaml.trees(List.of(doc)), readByJackson(one), "Jackson reading:\n" + one);
                }
                fail("documents " + from + "+ differ together but not one by one:\n" + yaml);
            }
        }
    }

    /**
     * What go-yaml v2 (sigs.k8s.io/yaml's goyaml.v2, resolve.go: resolve and parseTimestamp) reads as a
     * bool, null, int, float or time beyond what SnakeYAML knows: quoted, as a value and as a key.
     */
    @Test
    void whatGoYamlV2ReadsAsAnotherTypeIsQuoted() {
        for (String s : List.of("y", "Y", "n", "N", "yes", "on", "OFF", "~", "", "null", "0o17", "0O17", "0X1F", "0B11",
                "-0b1", "09", "0_9", "018", "1_0e1_0", "1__0", "+.5", "5.", ".5e3", "1e3", "2001-1-2", "2001-12-14",
                "2001-1-2T3:4:5Z", "2001-1-2 3:4:5", ".inf", "-.INF", ".NaN", "<<", "0x_1", "12345678901234567890123")) {
            String yaml = ManifestYaml.write(List.of(Map.of(s, s)));
            List<ScalarEvent> scalars = scalars(yaml);
            assertEquals(2, scalars.size(), yaml);
            scalars.forEach(e -> assertEquals(false, e.isPlain(), "'" + s + "' written plain:\n" + yaml));
        }
    }

    @Test
    void keysAreSortedWithApiVersionKindAndMetadataFirst() {
        Map<String, Object> doc = new HashMap<>();
        for (String k : List.of("spec", "metadata", "kind", "apiVersion", "data", "B", "a", "10", "9")) {
            doc.put(k, Map.of("z", 1, "y", List.of(Map.of("b", 2, "a", 1)), "apiVersion", "nested"));
        }
        List<String> keys = ((Map<?, ?>) ManifestYaml.trees(List.of(doc)).get(0)).keySet().stream().map(String::valueOf).toList();
        assertEquals(List.of("apiVersion", "kind", "metadata", "10", "9", "B", "a", "data", "spec"), keys);
        assertEquals("""
                apiVersion:
                  apiVersion: nested
                  "y":
                    - a: 1
                      b: 2
                  z: 1
                """, ManifestYaml.write(List.of(Map.of("apiVersion", doc.get("apiVersion")))));
    }

    @Test
    void theSameContentInAnyMapOrderIsTheSameText() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("ai-storage.dev/key-" + i);
        }
        Map<String, Object> inOrder = new LinkedHashMap<>();
        keys.forEach(k -> inOrder.put(k, k.length()));
        List<String> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        Map<String, Object> inReverse = new LinkedHashMap<>();
        reversed.forEach(k -> inReverse.put(k, k.length()));
        String expected = ManifestYaml.write(List.of(Map.of("kind", "X", "annotations", inOrder)));
        assertEquals(expected, ManifestYaml.write(List.of(Map.of("annotations", inReverse, "kind", "X"))));
        assertEquals(expected, ManifestYaml.write(List.of(Map.of("annotations", new HashMap<>(inReverse), "kind", "X"))));
    }

    @Test
    void kubernetesManifest() {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "server");
        container.put("args", List.of("--port", "8000", "--enable", "true"));
        container.put("env", List.of(Map.of("name", "DEBUG", "value", "yes")));
        container.put("resources", Map.of("limits", Map.of("memory", "10Gi", "nvidia.com/gpu", 1.0)));
        container.put("command", List.of("sh", "-c", "set -e\necho ready\n"));
        Map<String, Object> manifest = Map.of("apiVersion", "apps/v1", "kind", "StatefulSet",
                "metadata", Map.of("name", "llama", "labels", Map.of("app.kubernetes.io/name", "llama")),
                "spec", Map.of("replicas", 1L, "template", Map.of("spec", Map.of("containers", List.of(container)))));
        assertEquals("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  labels:
                    app.kubernetes.io/name: llama
                  name: llama
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - args:
                            - --port
                            - "8000"
                            - --enable
                            - "true"
                          command:
                            - sh
                            - -c
                            - |
                              set -e
                              echo ready
                          env:
                            - name: DEBUG
                              value: "yes"
                          name: server
                          resources:
                            limits:
                              memory: 10Gi
                              nvidia.com/gpu: 1
                ---
                kind: Empty
                """, ManifestYaml.write(List.of(manifest, Map.of("kind", "Empty"))));
        assertEquals("", ManifestYaml.write(List.of()));
    }

    @Test
    void numbersAreJsonNumbers() {
        assertEquals(List.of(Map.of("a", 3L, "b", 0.5, "c", new BigInteger("1000000000000000000000"), "d", 7L, "e", 0L)),
                ManifestYaml.trees(List.of(Map.of("a", 3.0, "b", 0.5f, "c", 1e21, "d", (short) 7, "e", -0.0))));
        assertThrows(IllegalArgumentException.class, () -> ManifestYaml.write(List.of(Map.of("a", Double.NaN))));
        assertThrows(IllegalArgumentException.class, () -> ManifestYaml.write(List.of(Map.of("a", new Object()))));
    }

    private static List<Object> readBySnakeYaml(String yaml) {
        List<Object> docs = new ArrayList<>();
        new Yaml(new SafeConstructor(LOADING)).loadAll(yaml).forEach(d -> docs.add(stringKeysOnly(d)));
        return ManifestYaml.trees(docs);
    }

    private static List<Object> readByJackson(String yaml) throws IOException {
        try (MappingIterator<Object> docs = new YAMLMapper().readerFor(Object.class).readValues(yaml)) {
            return ManifestYaml.trees(docs.readAll());
        }
    }

    /** The tree, after failing when a key was read as something else than a string. */
    private static Object stringKeysOnly(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    fail("key " + k + " read as a " + (k == null ? "null" : k.getClass().getSimpleName()));
                }
                stringKeysOnly(v);
            });
        } else if (tree instanceof List<?> list) {
            list.forEach(ManifestYamlTest::stringKeysOnly);
        }
        return tree;
    }

    private static List<ScalarEvent> scalars(String yaml) {
        List<ScalarEvent> out = new ArrayList<>();
        for (Event e : new Yaml().parse(new StringReader(yaml))) {
            if (e instanceof ScalarEvent s) {
                out.add(s);
            }
        }
        return out;
    }

    // ---- random documents ----

    private static Object randomNode(Random random, int depth) {
        int kind = depth >= 5 ? 9 : random.nextInt(10);
        if (kind < 2) {
            return randomMap(random, depth + 1);
        }
        if (kind < 4) {
            List<Object> list = new ArrayList<>();
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                list.add(random.nextInt(12) == 0 ? null : randomNode(random, depth + 1));
            }
            return list;
        }
        return randomScalar(random);
    }

    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            map.put(randomString(random), random.nextInt(15) == 0 ? null : randomNode(random, depth));
        }
        return map;
    }

    private static Object randomScalar(Random random) {
        return switch (random.nextInt(40)) {
            case 0, 1, 2 -> random.nextInt(2001) - 1000;
            case 3 -> random.nextLong() >> random.nextInt(64);
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(50) - 25) * (random.nextBoolean() ? 1 : -1);
            case 5 -> new double[] {0.5, 1e21, 1e-7, 123.456, 100.0, -0.0, 1e300, -2.5e-300, 0.1 + 0.2}[random.nextInt(9)];
            case 6 -> random.nextBoolean();
            case 7 -> new Object[] {9007199254740993L, Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"),
                    BigInteger.TEN, 0.1f, (float) Math.PI, (short) -7, (byte) 8}[random.nextInt(8)];
            default -> randomString(random);
        };
    }

    private static String randomString(Random random) {
        int kind = random.nextInt(10);
        StringBuilder s = new StringBuilder();
        if (kind < 5) {
            s.append(NASTY[random.nextInt(NASTY.length)]);
        } else if (kind < 8) {
            for (int i = 2 + random.nextInt(2); i > 0; i--) {
                s.append(NASTY[random.nextInt(NASTY.length)]);
            }
        } else if (kind == 8) {
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        } else {
            while (s.length() < 120) {
                s.append(NASTY[random.nextInt(NASTY.length)]).append(random.nextBoolean() ? " " : "\n");
            }
        }
        return s.toString();
    }
}
