package dev.statefulai.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads change how fast a run goes, never what it gives or in which order. */
class ParallelSynthTest {
    @TempDir
    Path tmp;

    @Test
    void fourThreadsGiveWhatOneGivesInUnitOrder() {
        new DemoRepo(tmp);
        AppCatalog.App demo = AppCatalog.discover(tmp, getClass().getClassLoader()).app("demo");
        List<ParallelSynth.Unit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // every unit different: its replicas, and its environment
            units.add(new ParallelSynth.Unit(demo, List.of("dev", "prod").get(i % 2), Map.of("replicas", String.valueOf(1 + i))));
        }
        List<String> one = yaml(ParallelSynth.run(units, 1));
        List<String> four = yaml(ParallelSynth.run(units, 4));
        assertEquals(one, four);
        for (int i = 0; i < units.size(); i++) {
            assertTrue(one.get(i).contains("replicas: " + (1 + i) + "\n"), "unit " + i + " in its place");
        }
    }

    private static List<String> yaml(List<ParallelSynth.UnitOutcome> outcomes) {
        return outcomes.stream().map(o -> {
            assertTrue(o.problems().isEmpty(), o.problems().toString());
            return o.result().yaml();
        }).toList();
    }
}
