package dev.statefulai.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a values file means: YAML 1.2 as written, with the line of every key. */
class LocatedYamlTest {
    private static final String FILE = "apps/demo/values.yaml";

    @TempDir
    Path tmp;

    private static LocatedYaml parse(String text) {
        return LocatedYaml.parse(text, FILE);
    }

    private static List<String> problems(String text) {
        return assertThrows(ValuesException.class, () -> parse(text)).problems();
    }

    private List<String> problemsOfBytes(byte[] bytes) throws IOException {
        Path file = tmp.resolve("values.yaml");
        Files.write(file, bytes);
        return assertThrows(ValuesException.class, () -> LocatedYaml.read(file, FILE)).problems();
    }

    @Test
    void nestingIsBoundedOnceAliasesAreExpanded() {
        // Each anchor nests the one before 99 levels deeper: 50 aliases (SnakeYAML's limit) expand about 5,000 levels deep.
        StringBuilder text = new StringBuilder("a0: &a0 1\n");
        for (int i = 1; i <= 50; i++) {
            text.append("a").append(i).append(": &a").append(i).append(' ').append("{k: ".repeat(99)).append("*a").append(i - 1)
                    .append("}".repeat(99)).append('\n');
        }
        // a2 (line 3) holds a1 at level 101 (the file's mapping is level 1): reported at the key of the alias.
        assertEquals(List.of(FILE + ":3: nested deeper than 100 levels of lists and mappings once aliases are expanded; "
                + "allowed: at most 100"), problems(text.toString()));
    }

    @Test
    void anAliasIsTheAnchoredValueNotTheAnchorName() {
        LocatedYaml y = parse("namespace: &ns team-a\nstorageClass:\n  name: *ns\n  copy: &whole {a: 1}\nother: *whole\n");
        assertEquals("team-a", y.tree().at("/storageClass/name").asText());
        assertEquals("{\"a\":1}", y.tree().get("other").toString());
        assertEquals(3, y.origins().get("/storageClass/name").line());
    }

    @Test
    void mergeKeysMergeMappingsAndTheMappingsOwnKeysWin() {
        LocatedYaml y = parse("""
                small: &small
                  cpu: "1"
                  memory: 1Gi
                gpu: &gpu
                  gpus: 1
                  memory: 8Gi
                resources:
                  memory: 2Gi
                  <<: [*small, *gpu]
                """);
        assertEquals("{\"memory\":\"2Gi\",\"cpu\":\"1\",\"gpus\":1}", y.tree().get("resources").toString());
        assertEquals(2, y.origins().get("/resources/cpu").line(), "a merged key points at the line that wrote it");
        assertEquals(8, y.origins().get("/resources/memory").line());
        assertEquals(5, y.origins().get("/resources/gpus").line());
    }

    @Test
    void aDocumentMarkerBeforeTheOnlyDocumentIsFine() {
        assertEquals(3, parse("---\nreplicas: 3\n").tree().get("replicas").asInt());
    }

    @Test
    void yaml11NumbersAreKeptAsWrittenForTheCheckerToRefuseAsWholeNumbers() {
        LocatedYaml y = parse("a: 010\nb: 0x10\nc: 1_000\nd: 0o10\ne: 10\nf: -3\ng: 0\nh: 1:30\n");
        for (String key : List.of("a", "b", "c", "d", "h")) {
            assertInstanceOf(YamlNodes.AmbiguousNumber.class, y.tree().get(key), key);
        }
        assertEquals("010", y.tree().get("a").asText());
        assertEquals("1_000", y.tree().get("c").asText());
        assertTrue(y.tree().get("e").isIntegralNumber());
        assertEquals(-3, y.tree().get("f").asInt());
        assertEquals(0, y.tree().get("g").asInt());
    }

    @Test
    void yaml12ScalarsYesAndNoAreStringsTrueIsABoolean() {
        LocatedYaml y = parse("a: yes\nb: no\nc: true\nd: False\ne: 1.5\nf: '010'\n");
        assertEquals("yes", y.tree().get("a").textValue());
        assertEquals("no", y.tree().get("b").textValue());
        assertTrue(y.tree().get("c").booleanValue());
        assertFalse(y.tree().get("d").booleanValue());
        assertEquals("1.5", y.tree().get("e").decimalValue().toPlainString());
        assertEquals("010", y.tree().get("f").textValue());
        assertFalse(y.tree().get("f") instanceof YamlNodes.AmbiguousNumber, "a quoted string is a string");
    }

    @Test
    void anEmptyValueIsNotTheSameAsNull() {
        LocatedYaml y = parse("a:\nb: null\nc: ~\n");
        assertInstanceOf(YamlNodes.NoValue.class, y.tree().get("a"));
        assertTrue(y.tree().get("b").isNull());
        assertFalse(y.tree().get("b") instanceof YamlNodes.NoValue);
        assertFalse(y.tree().get("c") instanceof YamlNodes.NoValue);
    }

    /** Text that is refused with one problem, at its line. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a merge key of something else than mappings", "resources:\n  <<: 3\n", ":2: resources.<<: the merge key"
                        + " takes a mapping or a list of mappings, such as '<<: *defaults', not a single value"),
                Arguments.of("a second document is an error, not ignored", "replicas: 3\n---\nreplicas: 4\n", ":3: a second YAML"
                        + " document starts here; a values file holds one document: remove the '---' line or move the second document"
                        + " to a file of its own"),
                Arguments.of("a duplicate key names both lines", "replicas: 1\nimage: x\nreplicas: 2\n",
                        ":3: duplicate key 'replicas' (first at line 1)"),
                Arguments.of("an alias that contains itself", "a: &x\n  b: *x\n",
                        ":2: a.b: the alias refers to a value that contains it; YAML values here must be finite"),
                Arguments.of("a tag that is not a plain type", "a: !secret x\nb: !!str 010\n",
                        ":1: a: the tag !secret is not supported; write plain strings, numbers, true or false, lists and mappings"),
                Arguments.of("a syntax error is one line at its line", "replicas: [1,\n",
                        ":2: not valid YAML: while parsing a flow node; expected the node content, but found '<stream end>'"),
                Arguments.of("a control character at its line", "replicas: 5\nimage: a\u0001b\n",
                        ":2: not valid YAML: the character U+0001 is not allowed (a control character); remove it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithOneProblemAtItsLine(String name, String text, String problem) {
        assertEquals(List.of(FILE + problem), problems(text));
    }

    @Test
    void aPlainTypeTagIsRead() {
        assertEquals("010", parse("b: !!str 010\n").tree().get("b").textValue());
    }

    @Test
    void invalidUtf8IsReportedAtItsRealLine() throws IOException {
        byte[] bytes = "replicas: 5\n# a comment\nimage: caf\u00e9:1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of(FILE + ":3: not UTF-8: byte 0xE9 at byte 11 of the line; save the file as UTF-8"), problemsOfBytes(bytes));
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedAndLinesStillCount() throws IOException {
        Path file = tmp.resolve("values.yaml");
        Files.write(file, ("\uFEFFreplicas: 5\nimage: x\n").getBytes(StandardCharsets.UTF_8));
        LocatedYaml y = LocatedYaml.read(file, FILE);
        assertEquals(5, y.tree().get("replicas").asInt());
        assertEquals("{\"replicas\":5,\"image\":\"x\"}", y.tree().toString(), "the mark is not part of the first key");
        assertEquals(1, y.origins().get("/replicas").line());
    }

    @Test
    void utf16IsRefusedClearly() throws IOException {
        assertEquals(List.of(FILE + ":1: encoded as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"),
                problemsOfBytes("\uFEFFreplicas: 5\n".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void aFileOfOnlyCommentsIsEmpty() {
        assertTrue(parse("# nothing here\n\n").empty());
        assertTrue(parse("").empty());
        assertFalse(parse("{}\n").empty(), "an explicit empty mapping says so on purpose");
    }

    @Test
    void aValuesFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        byte[] big = ("image: " + "a".repeat(5_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(FILE + ": 4.8 MiB; allowed: a values file of at most 1 MiB"), problemsOfBytes(big));
    }

    @Test
    void aLongSingleLineUnderTheLimitIsRead() throws IOException {
        Path file = tmp.resolve("values.yaml");
        Files.writeString(file, "image: " + "a".repeat(1_000_000) + "\n");
        assertEquals(1_000_000, LocatedYaml.read(file, FILE).tree().get("image").asText().length());
    }
}
