package dev.statefulai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.output.DistWriter;
import dev.statefulai.engine.topology.StorageTopology;
import dev.statefulai.engine.ParallelSynth;
import dev.statefulai.engine.incremental.SynthState;
import dev.statefulai.engine.incremental.SynthWatcher;
import dev.statefulai.engine.Synthesis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of the benchmark: {@code generate <root> <n>} writes a fleet, and
 * {@code synth <root> <out> [--jobs N] [--incremental]} synthesizes it the way {@code bin/ai-storage synth}
 * does (values, the constructs, Java-side rendering with cdk8s as the fallback, {@code DistTree},
 * {@code DistWriter}) and prints one JSON line of figures: phases, units synthesized and reused, bytes
 * written, peak memory of the JVM and of any jsii node process. {@code watch <root> <out>} does what
 * {@code bin/ai-storage synth --watch} does and prints such a line after each synth.
 */
public final class FleetSynth {
    private FleetSynth() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "generate" -> Fleet.generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "synth" -> System.out.println(JSON.writeValueAsString(synth(args)));
            case "watch" -> watch(args);
            default -> throw new IllegalArgumentException("usage: generate <root> <n> | synth <root> <out> [--jobs N] [--incremental]"
                    + " | watch <root> <out> [--jobs N]");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** While watching: the state the last synth saved (as bin/ai-storage synth --watch keeps it). */
    private static SynthState warm;
    private static SynthWatcher.Changes watchedChanges;

    /**
     * {@code watch}: what {@code bin/ai-storage synth --watch} does, on the fleet: an incremental synth at
     * start and after each values change, each printing its line of figures.
     */
    private static void watch(String[] args) throws IOException {
        Path apps = Path.of(args[1]).toAbsolutePath().resolve(AppCatalog.APPS_DIR);
        new SynthWatcher(apps, changed -> {
            try {
                watchedChanges = changed;
                System.out.println(JSON.writeValueAsString(synth(args)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).run();
    }

    private static Map<String, Object> synth(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path root = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]).toAbsolutePath();
        int jobs = 0;
        boolean incremental = args[0].equals("watch");
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--jobs")) {
                jobs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--incremental")) {
                incremental = true;
            }
        }
        List<AppCatalog.App> apps = new Fleet().apps(root, FleetSynth.class.getClassLoader());
        List<String> envs = List.of(Fleet.ENVIRONMENT);
        SynthState state = !incremental ? null : warm != null
                ? warm.whileWatching(apps, watchedChanges) : SynthState.load(out, apps);
        long t1 = System.nanoTime();
        Synthesis.Run run = Synthesis.run(apps, envs, Map.of(),
                new Synthesis.Options(jobs, state));
        if (!run.outcome().ok()) {
            run.outcome().problems().forEach(System.err::println);
            System.exit(2);
        }
        long t2 = System.nanoTime();
        DistWriter.write(out, run.outcome().tree(), envs, true);
        if (state != null) {
            warm = state.save(run.outcome().tree(), run.results(), run.inputsByKey());
        }
        long t3 = System.nanoTime();
        List<ParallelSynth.ProcessStats> processes = new ArrayList<>();
        processes.add(ParallelSynth.selfStats("main", run.synthesized()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("units", apps.size() * envs.size());
        figures.put("synthesized", run.synthesized());
        figures.put("reused", run.reused());
        figures.put("prepareMs", (t1 - t0) / 1_000_000);
        figures.put("synthMs", (t2 - t1) / 1_000_000);
        figures.put("writeMs", (t3 - t2) / 1_000_000);
        if (run.reused() == 0) {
            // Counted for full synths only, from the tree that was written (as the TypeScript reference counts
            // what it writes, instead of walking the output folder twice inside the measured time). The
            // TypeScript reference writes the manifests, Kustomization and outputs.json; the Java synth also
            // writes a storage.md of pictures per environment, counted apart.
            figures.put("bytes", Map.of("manifests", bytes(run.outcome().tree(), false), "all", bytes(run.outcome().tree(), true)));
        }
        figures.put("processes", processes);
        return figures;
    }

    /** The bytes of the files of {@code tree} as written (UTF-8), with or without the storage pictures. */
    private static long bytes(DistTree tree, boolean pictures) {
        return tree.files().entrySet().stream()
                .filter(f -> pictures || !f.getKey().endsWith("/" + StorageTopology.FILE))
                .mapToLong(f -> utf8Length(f.getValue())).sum();
    }

    /** {@code s}'s length in UTF-8, counted without encoding it, as the TypeScript side's {@code Buffer.byteLength}. */
    static long utf8Length(String s) {
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // 2 bytes below U+0800, else 3; a surrogate pair is 4, 2 for each half
                n += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return n;
    }
}
