package dev.statefulai.synth;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A worker process of {@link ParallelSynth}: finds the apps like the process that started it, then
 * asks for batches of units on standard output ({@code NEXT}), reads each batch as one JSON line on
 * standard input (an empty list: done), and answers each unit with a {@code RESULT} line. Ends with a
 * {@code STATS} line: its own and its node child's peak memory.
 */
public final class SynthWorker {
    static final String NEXT = "NEXT";
    static final String RESULT = "RESULT";
    static final String STATS = "STATS";
    static final String ERROR = "ERROR";

    /** One unit's answer: a result, or the problems of its values. */
    record Reply(int index, String app, String environment, String yaml, Map<String, Object> outputs,
            String topology, List<String> problems) {
    }

    private SynthWorker() {
    }

    /** {@code SynthWorker <root> <catalog source class>}. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        // Anything else printed goes to the parent's error stream, never into the protocol.
        System.setOut(System.err);
        int done = 0;
        try {
            Path root = Path.of(args[0]);
            CatalogSource source = (CatalogSource) Class.forName(args[1]).getDeclaredConstructor().newInstance();
            Map<String, AppCatalog.App> apps = new HashMap<>();
            for (AppCatalog.App app : source.apps(root, SynthWorker.class.getClassLoader())) {
                apps.put(app.name(), app);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                protocol.println(NEXT);
                protocol.flush();
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                List<Map<String, Object>> batch = ParallelSynth.JSON.readValue(line, new TypeReference<>() { });
                if (batch.isEmpty()) {
                    break;
                }
                List<ParallelSynth.Unit> units = new ArrayList<>();
                for (Map<String, Object> u : batch) {
                    AppCatalog.App app = apps.get((String) u.get("app"));
                    if (app == null) {
                        throw new IllegalStateException("the worker found no app '" + u.get("app") + "'");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, String> overrides = (Map<String, String>) u.get("overrides");
                    units.add(new ParallelSynth.Unit(app, (String) u.get("environment"), overrides));
                }
                List<ParallelSynth.UnitOutcome> outcomes = ParallelSynth.synthBatch(units);
                for (int k = 0; k < batch.size(); k++) {
                    ParallelSynth.UnitOutcome o = outcomes.get(k);
                    int index = (Integer) batch.get(k).get("index");
                    Reply reply = o.result() != null
                            ? new Reply(index, o.result().app(), o.result().environment(), o.result().yaml(), o.result().outputs(), o.result().topology(), null)
                            : new Reply(index, null, null, null, null, null, o.problems());
                    protocol.println(RESULT + " " + ParallelSynth.JSON.writeValueAsString(reply));
                    done++;
                }
                protocol.flush();
            }
            protocol.println(STATS + " " + ParallelSynth.JSON.writeValueAsString(ParallelSynth.selfStats("worker", done)));
            protocol.flush();
        } catch (Exception e) {
            e.printStackTrace(System.err);
            protocol.println(ERROR + " " + ParallelSynth.JSON.writeValueAsString(String.valueOf(e)));
            protocol.flush();
            System.exit(1);
        }
        System.exit(0);
    }
}
