package dev.statefulai.engine.values.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.StorageClassValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema generated from a values record: what editors see and what the synth validates with. */
class ValuesSchemaTest {
    record Values(@Rule(Rule.Kind.DNS_LABEL) String namespace, @Rule(Rule.Kind.POSITIVE) Integer replicas,
                  StorageClassValues storageClass, PersistenceValues persistence, List<String> args) {
    }

    @TempDir
    Path tmp;

    @Test
    void recordsAllowNoOtherKeysAndEveryKeyMayBeNull() {
        JsonNode schema = ValuesSchema.of(Values.class).schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertFalse(schema.get("additionalProperties").asBoolean(true));
        assertEquals("[\"integer\",\"null\"]", schema.at("/properties/replicas/type").toString());
        JsonNode storageClass = ValuesSchema.of(Values.class).expectedAt("/storageClass");
        assertFalse(storageClass.get("additionalProperties").asBoolean(true));
        assertEquals("[\"Retain\",\"Delete\"]", ValuesSchema.of(Values.class).expectedAt("/storageClass/reclaimPolicy").get("enum").toString(),
                "enums as values files spell them (toString), not as Java names them");
        assertEquals("[\"ReadWriteOnce\",\"ReadOnlyMany\",\"ReadWriteMany\",\"ReadWriteOncePod\"]",
                ValuesSchema.of(Values.class).expectedAt("/persistence/accessModes/0").get("enum").toString());
    }

    @Test
    void rulesBecomeAPatternAFormatAMinimumAndADescription() {
        ValuesSchema schema = ValuesSchema.of(Values.class);
        JsonNode namespace = schema.expectedAt("/namespace");
        assertEquals("dns1123-label", namespace.get("format").asText());
        assertEquals(63, namespace.get("maxLength").asInt());
        assertEquals(Rule.Kind.DNS_LABEL.allowed(), namespace.get("description").asText());
        assertTrue(namespace.get("description").asText().startsWith("a DNS-1123 label"));
        assertEquals(1, schema.expectedAt("/replicas").get("minimum").asInt());
        assertEquals("kubernetes-size", schema.expectedAt("/persistence/size").get("format").asText());
        assertEquals("storage-class-name", schema.expectedAt("/persistence/storageClass").get("format").asText());
    }

    /**
     * The patterns are for editors and must never refuse what the synth allows; they refuse what is never allowed.
     * The synth's check (the constructs' Validate) stays the authority: a size must also be more than zero, whole bytes.
     */
    @Test
    void aPatternRefusesNothingItsRuleAllowsAndWhatIsNeverAllowed() {
        List<String> samples = List.of("10Gi", "1.5Gi", "100G", "1Ei", "2E", "500m", "0.1", "1e3", "+5Gi", ".5Gi", "10GB", "-1Gi", "Gi",
                "0", "data", "team-a", "Team_A", "a.b.c", "-", "a-", "vector-db-gp3", "x".repeat(64), "a." + "b".repeat(60), "");
        for (Rule.Kind kind : Rule.Kind.values()) {
            Rule.Keywords keywords = kind.keywords();
            if (keywords.pattern() == null) {
                continue;
            }
            Pattern pattern = Pattern.compile(keywords.pattern());
            for (String sample : samples) {
                boolean allowed;
                try {
                    kind.check("key", sample);
                    allowed = true;
                } catch (IllegalArgumentException e) {
                    allowed = false;
                }
                boolean fitsPattern = pattern.matcher(sample).find() && (keywords.maxLength() == null || sample.length() <= keywords.maxLength());
                if (allowed) {
                    assertTrue(fitsPattern, kind + " allows '" + sample + "', its pattern must too");
                }
            }
        }
        for (String never : List.of("10GB", "-1Gi", "Gi", "1 Gi")) {
            assertFalse(Pattern.compile(Rule.Kind.SIZE.keywords().pattern()).matcher(never).find(), never);
        }
        assertFalse(Pattern.compile(Rule.Kind.DNS_LABEL.keywords().pattern()).matcher("Team_A").find());
        assertTrue(Pattern.compile(Rule.Kind.STORAGE_CLASS_NAME.keywords().pattern()).matcher("-").find());
    }

    /**
     * Two synths at once in one repository (a developer's and the cdk8s CLI's, say) may both find a schema stale: each
     * writes through a temporary file of its own, so neither fails on the other's, and nothing is left beside it.
     */
    @Test
    void twoWritersAtOnceBothSucceedAndLeaveOnlyTheFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        ValuesSchemaFile.of(tmp, "apps/x", Values.class).write();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(); // a failed write fails the test here, with its cause
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ValuesSchema.of(Values.class).fileText(), Files.readString(tmp.resolve(ValuesSchema.FILE_NAME)));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(ValuesSchema.FILE_NAME), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** What a killed synth left beside the schema (its temporary file, or one of the older fixed name) goes with the next write. */
    @Test
    void aKilledWritersTemporaryFileIsRemovedByTheNextWrite() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path killed = tmp.resolve("." + ValuesSchema.FILE_NAME + "." + ended.pid() + "-7.synth-tmp");
        Path older = tmp.resolve("." + ValuesSchema.FILE_NAME + ".synth-tmp");
        Files.writeString(killed, "{\"half");
        Files.writeString(older, "{\"half");
        ValuesSchemaFile.of(tmp, "apps/x", Values.class).write();
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(ValuesSchema.FILE_NAME), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theFileIsWrittenWhenMissingOrStaleAndAFileOfSomeoneElsesIsLeftAlone() throws IOException {
        ValuesSchemaFile missing = ValuesSchemaFile.of(tmp, "apps/x", Values.class);
        assertEquals(ValuesSchemaFile.State.MISSING, missing.state());
        missing.write();
        String text = Files.readString(tmp.resolve(ValuesSchema.FILE_NAME));
        assertEquals(ValuesSchema.of(Values.class).fileText(), text);
        assertTrue(text.endsWith("}\n") && text.contains("\"$comment\" : \"Generated by bin/ai-storage synth from the values record "
                + Values.class.getName()), text);
        assertEquals(ValuesSchemaFile.State.CURRENT, ValuesSchemaFile.of(tmp, "apps/x", Values.class).state());
        assertEquals(ValuesSchemaFile.State.CURRENT, ValuesSchemaFile.strict(tmp, "apps/x", Values.class).state());
        // Edited by hand: the marker still names the record as it is, so only a strict comparison sees it.
        Files.writeString(tmp.resolve(ValuesSchema.FILE_NAME), text.replace("\"minimum\" : 1", "\"minimum\" : 2"));
        assertEquals(ValuesSchemaFile.State.CURRENT, ValuesSchemaFile.of(tmp, "apps/x", Values.class).state());
        assertEquals(ValuesSchemaFile.State.STALE, ValuesSchemaFile.strict(tmp, "apps/x", Values.class).state());
        // Written from another version of the record: another fingerprint.
        Files.writeString(tmp.resolve(ValuesSchema.FILE_NAME), text.replace(RecordFingerprint.of(Values.class), "0123456789abcdef"));
        assertEquals(ValuesSchemaFile.State.STALE, ValuesSchemaFile.of(tmp, "apps/x", Values.class).state());
        Files.writeString(tmp.resolve(ValuesSchema.FILE_NAME), "{\"type\": \"object\"}\n");
        ValuesSchemaFile foreign = ValuesSchemaFile.of(tmp, "apps/x", Values.class);
        assertEquals(ValuesSchemaFile.State.FOREIGN, foreign.state());
        assertFalse(foreign.needsWriting());
        assertEquals("apps/x/values.schema.json: synth writes the values schema of " + Values.class.getName() + " here, but this file "
                + "is not one it wrote (no \"$comment\" saying so); move it away and run bin/ai-storage synth", foreign.problem());
    }

    record Changed(@Rule(Rule.Kind.DNS_LABEL) String namespace, @Rule(Rule.Kind.NON_NEGATIVE) Integer replicas,
                   StorageClassValues storageClass, PersistenceValues persistence, List<String> args) {
    }

    record Same(@Rule(Rule.Kind.DNS_LABEL) String namespace, @Rule(Rule.Kind.POSITIVE) Integer replicas,
                StorageClassValues storageClass, PersistenceValues persistence, List<String> args) {
    }

    @Test
    void theFingerprintFollowsWhatTheGeneratorReads() {
        String values = RecordFingerprint.of(Values.class);
        assertEquals(values, RecordFingerprint.of(Values.class));
        assertTrue(values.matches("[0-9a-f]{16}"), values);
        assertFalse(values.equals(RecordFingerprint.of(Changed.class)), "another rule on a component");
        assertEquals(values, RecordFingerprint.of(Same.class), "the root's name is in the marker, not in the schema");
    }

    @Test
    void theSynthReadsACurrentCommittedSchemaInsteadOfGeneratingIt() throws IOException {
        record Committed(String only) {
        }
        String generated = ValuesSchema.generate(Committed.class).fileText();
        Files.writeString(tmp.resolve(ValuesSchema.FILE_NAME), generated.replace("\"only\" : {", "\"only\" : {\n      \"description\" : \"read\","));
        assertEquals("read", ValuesSchema.forApp(Committed.class, tmp).expectedAt("/only").get("description").asText());
    }
}
