package dev.statefulai.constructs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cdk8s.Yaml;
import org.junit.jupiter.api.Test;

class CdkYamlTest {

    /** Strings that exercise every quoting and block-scalar rule of the YAML writer. */
    private static final String[] NASTY = {
        "", " ", "yes", "Yes", "YES", "No", "no", "NO", "on", "On", "ON", "OFF", "off", "y", "n", "Y", "N", "~",
        "null", "Null", "NULL", "true", "False", "TRUE",
        "0", "007", "0o7", "0x1F", "0b101", "1_000", "+1", "-1", "1.5", ".5", ".", "-.", "1e3", "1E-3", "1:20",
        "1:20:30.5", "190:20:30", ".inf", "-.Inf", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "<<", "=", "-", "?", ":", "- a", "? a", "-a", "?a", "a: b", "a :b", "a #b",
        "a#b", "#a", "a:", "a::b", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "[a", "]a",
        "{a", "}a", ",a", "a,b", "---", "...", "--- a", "...a", "a\n---", "a\n...\nb", "a\n%b", "x\u2028---",
        "x\u2029...y", "a\nb", "a\n", "a\n\n", "\na", "\n", "\n\n", " \n", "\t\n", "a\n ", "a\n\t", "\n\n x",
        " a", "a ", "\ta", "a\t", "a\tb", "a\n b", "a \nb", "a\t\nb", "  lead\nx", " lead\n\nx\n\n", "é", "日本",
        "\u0000", "\u0007", "\u0008", "\u000b", "\u000c", "\r", "a\r\nb", "\u001b", "\u001f", "\u007f", "\u0085",
        "\u009f", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ud83d\ude00", "a'b", "a\"b", "'\"", "\"'\"", "\\",
        "a\\nb", "\\ \n", "8000", "true\n", "shell script\nwith \"quotes\" and 'single'\n  indented\n",
        "nvidia.com/gpu", "app.kubernetes.io/name", "10Gi", "500m", "*.safetensors *.json", "1", "10", "4294967295",
    };

    /** Characters for made-up strings: indicators, blanks, breaks, quotes, escapes, non-ASCII. */
    private static final String ALPHABET = "ab01.:-?#'\"\\ \t\n\r,[]{}&*!|>%@`~<=é\u0000\u0085\u2028\u00a0";

    private static final int DOCUMENTS = 3000;
    private static final int PER_CALL = 200;

    /**
     * The real thing: cdk8s's Yaml.stringify through jsii, against CdkYaml on the same random documents.
     * Outside this comparison (jsii changes them on the way, see {@link #choicesWhereJsiiDiffers}): null
     * map values, NaN and infinities, unpaired surrogates. Map keys are put in JavaScript's own order
     * (integer-like keys first), since CdkYaml keeps the caller's order.
     */
    @Test
    void matchesCdk8sOnRandomDocuments() {
        Random random = new Random(20250611L);
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            docs.add(randomDocument(random));
        }
        for (int from = 0; from < docs.size(); from += PER_CALL) {
            List<Object> batch = docs.subList(from, Math.min(from + PER_CALL, docs.size()));
            String expected = Yaml.stringify(batch.toArray());
            if (!expected.equals(CdkYaml.stringify(batch))) {
                reportFirstDifference(batch, from);
            }
        }
    }

    private static void reportFirstDifference(List<Object> batch, int offset) {
        for (int i = 0; i < batch.size(); i++) {
            Object doc = batch.get(i);
            String expected = Yaml.stringify(doc);
            String actual = CdkYaml.stringify(Arrays.asList(doc));
            if (!expected.equals(actual)) {
                fail("document " + (offset + i) + " differs\ninput: " + visible(String.valueOf(doc))
                        + "\ncdk8s:   " + visible(expected) + "\nCdkYaml: " + visible(actual));
            }
        }
        fail("documents " + offset + ".." + (offset + batch.size() - 1)
                + " differ together but not one by one (document separators?)");
    }

    @Test
    void kubernetesManifest() {
        Map<String, Object> container = map(
                "name", "server",
                "image", "vllm/vllm-openai:v0.6.3",
                "args", List.of("--port", "8000", "--served-model-name", "llama"),
                "env", List.of(map("name", "PORT", "value", "8000"), map("name", "DEBUG", "value", "true")),
                "ports", List.of(map("containerPort", 8000, "name", "http")),
                "resources", map("limits", map("memory", "10Gi", "nvidia.com/gpu", 1),
                        "requests", map("cpu", "500m")),
                "volumeMounts", List.of());
        Map<String, Object> manifest = map(
                "apiVersion", "apps/v1",
                "kind", "StatefulSet",
                "metadata", map("name", "llama", "labels", map("app.kubernetes.io/name", "llama")),
                "spec", map(
                        "replicas", 1,
                        "template", map(
                                "metadata", map("annotations", map()),
                                "spec", map("containers", List.of(container)))));
        String expected = """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: llama
                  labels:
                    app.kubernetes.io/name: llama
                spec:
                  replicas: 1
                  template:
                    metadata:
                      annotations: {}
                    spec:
                      containers:
                        - name: server
                          image: vllm/vllm-openai:v0.6.3
                          args:
                            - --port
                            - "8000"
                            - --served-model-name
                            - llama
                          env:
                            - name: PORT
                              value: "8000"
                            - name: DEBUG
                              value: "true"
                          ports:
                            - containerPort: 8000
                              name: http
                          resources:
                            limits:
                              memory: 10Gi
                              nvidia.com/gpu: 1
                            requests:
                              cpu: 500m
                          volumeMounts: []
                """;
        assertBoth(expected, manifest);
    }

    @Test
    void multiLineStringsAreLiteralBlocks() {
        Map<String, Object> doc = map(
                "script", "shell script\nwith \"quotes\" and 'single'\n  indented\n",
                "noFinalBreak", "a\nb",
                "keepBreaks", "a\n\n",
                "leadingSpace", "  x\ny",
                "trailingBlanks", "a\n  ",
                "key\nwith break", "x");
        String expected = """
                script: |
                  shell script
                  with "quotes" and 'single'
                    indented
                noFinalBreak: |-
                  a
                  b
                keepBreaks: |+
                  a

                leadingSpace: |2-
                    x
                  y
                trailingBlanks: "a\\n  "
                "key\\nwith break": x
                """;
        assertBoth(expected, doc);
    }

    @Test
    void stringsThatReadAsOtherTypesAreQuoted() {
        Map<String, Object> doc = map(
                "yes", "no", "port", "8000", "octal", "012", "notOctal", "0o7", "time", "1:20", "date", "2001-12-14",
                "empty", "", "colon", "a: b", "comment", "a #b",
                "quote", "\"hi\"", "apostrophe", "'hi'", "inner", "say \"hi\", it's",
                "tab", "a\tb", "bell", "\u0007", "plain", "nvidia.com/gpu", "number", 0.5, "big", 1e21,
                "small", 1e-7, "whole", 100.0, "-", "-", "list", List.of(List.of(1, 2), List.of()));
        String expected = """
                "yes": "no"
                port: "8000"
                octal: "012"
                notOctal: 0o7
                time: "1:20"
                date: "2001-12-14"
                empty: ""
                colon: "a: b"
                comment: "a #b"
                quote: '"hi"'
                apostrophe: "'hi'"
                inner: say "hi", it's
                tab: a\tb
                bell: "\\a"
                plain: nvidia.com/gpu
                number: 0.5
                big: 1e+21
                small: 1e-7
                whole: 100
                "-": "-"
                list:
                  - - 1
                    - 2
                  - []
                """;
        assertBoth(expected, doc);
    }

    @Test
    void documentsAreSeparated() {
        List<Object> docs = Arrays.asList(map("a", 1), null, "---", List.of(), map());
        assertBoth("a: 1\n---\n\n---\n|-\n  ---\n---\n[]\n---\n{}\n", docs.toArray());
    }

    /**
     * Where jsii changes the value on its way to cdk8s, CdkYaml writes what the YAML library writes for
     * the JavaScript value (expectations taken from yaml 2.8.2 run in node with cdk8s's options).
     */
    @Test
    void choicesWhereJsiiDiffers() {
        Map<String, Object> doc = map(
                "a", null,
                "b", List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                "c", "x\ud800",
                "<<", "<<",
                "d", 9007199254740993L,
                "e", 0.1f);
        assertEquals("a: null\nb:\n  - .nan\n  - .inf\n  - -.inf\nc: \"x\\ud800\"\n<<: <<\n"
                + "d: 9007199254740992\ne: 0.1\n",
                CdkYaml.stringify(List.of(doc)));
    }

    @Test
    void numbersAsJavaScriptWritesThem() {
        // Java 17's Double.toString gives 2.0E-3 style and is not always the shortest round trip
        assertEquals("2e-7", CdkYaml.number(2e-7));
        assertEquals("0.000002", CdkYaml.number(2e-6));
        assertEquals("123456789012345680000", CdkYaml.number(1.2345678901234568e20));
        assertEquals("5e-324", CdkYaml.number(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", CdkYaml.number(Double.MAX_VALUE));
        assertEquals("-0", CdkYaml.number(-0.0));
        assertEquals("0.30000000000000004", CdkYaml.number(0.1 + 0.2));
    }

    private static void assertBoth(String expected, Object... docs) {
        assertEquals(expected, CdkYaml.stringify(Arrays.asList(docs)), "CdkYaml");
        assertEquals(expected, Yaml.stringify(docs), "cdk8s (guards the example itself)");
    }

    // ---- random documents ----

    private static Object randomDocument(Random random) {
        int kind = random.nextInt(20);
        if (kind < 14) {
            return randomMap(random, 0);
        }
        if (kind < 17) {
            return randomList(random, 0);
        }
        return kind == 17 ? null : randomScalar(random);
    }

    private static Object randomNode(Random random, int depth) {
        int kind = depth >= 5 ? 9 : random.nextInt(10);
        if (kind < 2) {
            return randomMap(random, depth + 1);
        }
        if (kind < 4) {
            return randomList(random, depth + 1);
        }
        return randomScalar(random);
    }

    /** No null values: jsii drops such entries before cdk8s sees them. */
    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(100) == 0 ? nearKeyLimit(random) : randomString(random);
            map.put(key, randomNode(random, depth));
        }
        return inJavaScriptOrder(map);
    }

    private static List<Object> randomList(Random random, int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            list.add(random.nextInt(12) == 0 ? null : randomNode(random, depth));
        }
        return list;
    }

    private static Object randomScalar(Random random) {
        int kind = random.nextInt(40);
        return switch (kind) {
            case 0, 1, 2 -> random.nextInt(2001) - 1000;
            case 3 -> random.nextLong() >> random.nextInt(64);
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(50) - 25) * (random.nextBoolean() ? 1 : -1);
            case 5 -> new double[] {0.5, 1e21, 1e-7, 123.456, 100.0, -0.0, 1e300, -2.5e-300, 0.1 + 0.2}
                    [random.nextInt(9)];
            case 6 -> random.nextBoolean();
            case 7 -> new Object[] {9007199254740993L, Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"),
                    BigInteger.TEN, 0.1f, (float) Math.PI, (short) -7, (byte) 8}[random.nextInt(8)];
            default -> randomString(random);
        };
    }

    private static String randomString(Random random) {
        int kind = random.nextInt(11);
        if (kind < 5) {
            return pick(random);
        }
        if (kind == 10) {
            return nearLineBreakLimit(random);
        }
        StringBuilder s = new StringBuilder();
        if (kind < 8) {
            int parts = 2 + random.nextInt(2);
            for (int i = 0; i < parts; i++) {
                s.append(pick(random));
            }
        } else if (kind == 8) {
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        } else {
            // long enough (40+ as JSON) for double-quoted strings to break their lines
            while (s.length() < 45) {
                s.append(pick(random)).append(random.nextBoolean() ? "" : "\n");
            }
        }
        return s.toString();
    }

    /**
     * A value that needs double quotes and whose JSON form is about 40 long, where double-quoted strings
     * start to show their line breaks.
     */
    private static String nearLineBreakLimit(Random random) {
        StringBuilder s = new StringBuilder("a".repeat(30 + random.nextInt(10)));
        s.insert(1 + random.nextInt(s.length() - 1), '\n');
        return s.append(new String[] {"\n ", "\u0007", "\n\t", " \n "}[random.nextInt(4)]).toString();
    }

    /** A key about 1024 long written, where keys switch to the explicit "? key" form. */
    private static String nearKeyLimit(Random random) {
        return (random.nextBoolean() ? "" : "&") + "k".repeat(1018 + random.nextInt(10));
    }

    private static String pick(Random random) {
        return NASTY[random.nextInt(NASTY.length)];
    }

    /**
     * The key order a JavaScript object has: array indices (canonical integers up to 2^32 - 2) first,
     * ascending, then the other keys in insertion order.
     */
    private static Map<String, Object> inJavaScriptOrder(Map<String, Object> map) {
        Map<Long, String> indices = new TreeMap<>();
        for (String key : map.keySet()) {
            if (key.matches("0|[1-9][0-9]{0,9}") && Long.parseLong(key) <= 4294967294L) {
                indices.put(Long.parseLong(key), key);
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        indices.values().forEach(key -> ordered.put(key, map.get(key)));
        map.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Control characters and line breaks made visible in a failure message. */
    private static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c >= 0x7f && c <= 0xa0 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
