package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import dev.statefulai.engine.demo.DemoApp;
import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.engine.values.schema.ValuesSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values schema beside an app's values files: synth writes it, --check compares it, a file of someone else's stays. */
class ValuesSchemaSynthTest {
    @TempDir
    Path tmp;

    private Path schemaFile() {
        return tmp.resolve("apps/demo/" + ValuesSchema.FILE_NAME);
    }

    @Test
    void synthWritesTheSchemaOnceAndCheckFindsItStale() throws IOException {
        new DemoRepo(tmp);
        CliRun first = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("wrote apps/demo/values.schema.json\n"), first.out());
        assertEquals(ValuesSchema.of(DemoApp.Values.class).fileText(), Files.readString(schemaFile()));
        CliRun second = CliRun.of("synth", "--root", tmp.toString());
        assertFalse(second.out().contains("values.schema.json"), "written only when it changes: " + second.out());
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString(), "--check").exitCode());

        Files.writeString(schemaFile(), Files.readString(schemaFile()).replace("\"minimum\" : 1", "\"minimum\" : 0"));
        CliRun check = CliRun.of("synth", "--root", tmp.toString(), "--check");
        assertEquals(1, check.exitCode(), check.err());
        assertEquals("apps/demo/values.schema.json is not what " + DemoApp.Values.class.getName() + " generates\n"
                + "The values schemas are not what the values records generate. Regenerate them with: bin/ai-storage synth\n", check.err());
    }

    @Test
    void aSchemaFileSynthDidNotWriteIsNeverReplaced() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        SortedMap<String, String> dist = repo.dist();
        String mine = "{ \"description\": \"my own schema\" }\n";
        Files.writeString(schemaFile(), mine);
        repo.write("apps/demo/values-prod.yaml", "replicas: 4\nsize: 100Gi\n");
        CliRun run = CliRun.of("synth", "--root", tmp.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: 1 problem(s); dist/ was not changed\n  - apps/demo/values.schema.json: synth writes the values schema of "
                + DemoApp.Values.class.getName() + " here, but this file is not one it wrote (no \"$comment\" saying so); move it "
                + "away and run bin/ai-storage synth\n", run.err());
        assertEquals(mine, Files.readString(schemaFile()));
        assertEquals(dist, repo.dist());
    }

    /** A schema file of gigabytes (a mistaken copy of a dump) was read whole: an OutOfMemoryError's stack trace. */
    @Test
    void aSchemaFileFarLargerThanOneSynthWritesIsNotReadAndNotReplaced() throws IOException {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        SortedMap<String, String> dist = repo.dist();
        Files.delete(schemaFile());
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(schemaFile().toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: no disk space taken
        }
        for (String check : new String[] {"--full", "--check"}) {
            CliRun run = CliRun.of("synth", "--root", tmp.toString(), check);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().endsWith("apps/demo/values.schema.json: synth writes the values schema of " + DemoApp.Values.class.getName()
                    + " here, but this file is not one it wrote (no \"$comment\" saying so); move it away and run bin/ai-storage synth\n"),
                    run.err());
        }
        assertEquals(3L << 30, Files.size(schemaFile()), "kept");
        assertEquals(dist, repo.dist());
    }
}
