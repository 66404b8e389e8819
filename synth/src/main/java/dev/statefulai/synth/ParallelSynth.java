package dev.statefulai.synth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Synthesizes units (one app in one environment each, one cdk8s {@code App} per unit) across
 * processes. The jsii kernel behind cdk8s is one node process per JVM, driven synchronously, so one
 * JVM uses about one core; for a large fleet this process starts {@code jobs - 1} worker JVMs
 * ({@link SynthWorker}) and all of them, this one included, take batches of units from one queue
 * until it is empty. Results come back in unit order, whatever process made them, so the output does
 * not depend on the number of jobs.
 */
public final class ParallelSynth {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Units taken from the queue at a time. */
    private static final int BATCH = 8;
    /**
     * Below this many units per extra job, a worker JVM costs more than it saves: a unit rendered on
     * the Java side takes about 1 ms, and a worker's start-up and warm-up about 0.7 s (measured: 1000
     * units take 1.5 s in one JVM and 2.1 s in two; 3000 units 3.4 s in one and 2.6 s in two).
     */
    static final int MIN_UNITS_PER_WORKER = 1500;

    /** One app in one environment. */
    public record Unit(AppCatalog.App app, String environment, Map<String, String> overrides) {
    }

    /** What a unit gave: a result, or the problems of its values. */
    public record UnitOutcome(AppSynthesizer.Result result, List<String> problems) {
    }

    /**
     * How to start workers: the repository root and the {@link CatalogSource} class they find the apps
     * with; {@code jobs} processes in all (0: one per core, as the number of units allows).
     */
    public record Workers(Path root, String catalogSource, int jobs) {
        /** Everything in this process. */
        public static Workers none() {
            return new Workers(null, null, 1);
        }
    }

    /** Peak memory of one process of the run and of its jsii node child, in KiB (0 where unknown). */
    public record ProcessStats(String role, long pid, long vmHwmKib, long nodeVmHwmKib, int units) {
    }

    /** The outcomes in unit order, and the worker processes that helped. */
    public record Report(List<UnitOutcome> outcomes, List<ProcessStats> workers) {
    }

    private ParallelSynth() {
    }

    /** How many processes to use for {@code units} units. */
    static int jobsFor(int units, Workers workers) {
        if (workers.root() == null || workers.catalogSource() == null) {
            return 1;
        }
        int wanted = workers.jobs() > 0 ? workers.jobs() : Runtime.getRuntime().availableProcessors();
        int affordable = workers.jobs() > 0 ? units : 1 + units / MIN_UNITS_PER_WORKER;
        return Math.max(1, Math.min(wanted, Math.min(affordable, units)));
    }

    public static Report run(List<Unit> units, Workers workers) {
        progress = Progress.of(units.size());
        UnitOutcome[] outcomes = new UnitOutcome[units.size()];
        AtomicInteger next = new AtomicInteger();
        int jobs = jobsFor(units.size(), workers);
        List<Thread> threads = new ArrayList<>();
        List<ProcessStats> stats = Collections.synchronizedList(new ArrayList<>());
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        List<Process> processes = new ArrayList<>();
        try {
            for (int w = 1; w < jobs; w++) {
                Process p = start(workers);
                processes.add(p);
                Thread t = new Thread(() -> {
                    try {
                        drive(p, units, next, outcomes, stats);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }, "synth-worker-" + w);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            // This process takes its share too: its jsii kernel starts while the workers' JVMs do.
            int[] batch;
            while ((batch = take(next, units.size())) != null) {
                List<UnitOutcome> done = synthBatch(Arrays.stream(batch).mapToObj(units::get).toList());
                for (int k = 0; k < batch.length; k++) {
                    outcomes[batch[k]] = done.get(k);
                }
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for synth workers", e);
        } finally {
            processes.forEach(Process::destroy);
            progress.done();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Report(List.of(outcomes), List.copyOf(stats));
    }

    /** Synthesizes a batch of units in this process ({@link AppSynthesizer.Batch}), in order. */
    static List<UnitOutcome> synthBatch(List<Unit> units) {
        AppSynthesizer.Batch batch = new AppSynthesizer.Batch();
        List<List<String>> problems = new ArrayList<>();
        for (Unit u : units) {
            try {
                batch.add(u.app(), u.environment(), u.overrides());
                problems.add(null);
            } catch (ValuesException e) {
                problems.add(e.problems());
            }
        }
        Iterator<AppSynthesizer.Result> results = batch.results().iterator();
        List<UnitOutcome> out = new ArrayList<>(units.size());
        for (List<String> p : problems) {
            out.add(p != null ? new UnitOutcome(null, p) : new UnitOutcome(results.next(), List.of()));
        }
        return out;
    }

    /** The next batch of unit indexes, or {@code null} when none is left. */
    /** The progress line of the current run (one run at a time per process). */
    private static volatile Progress progress = Progress.of(0);

    private static int[] take(AtomicInteger next, int total) {
        int from = next.getAndAdd(BATCH);
        if (from >= total) {
            return null;
        }
        int to = Math.min(total, from + BATCH);
        progress.started(to);
        int[] batch = new int[to - from];
        for (int i = from; i < to; i++) {
            batch[i - from] = i;
        }
        return batch;
    }

    private static Process start(Workers workers) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-Xrunjdwp")
                    && !arg.startsWith("-Xdebug")) {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SynthWorker.class.getName());
        cmd.add(workers.root().toString());
        cmd.add(workers.catalogSource());
        try {
            return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a synth worker: " + e.getMessage(), e);
        }
    }

    /** Feeds one worker batches from the queue and collects what it sends back. */
    private static void drive(Process p, List<Unit> units, AtomicInteger next, UnitOutcome[] outcomes,
                              List<ProcessStats> stats) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                String kind = space < 0 ? line : line.substring(0, space);
                String body = space < 0 ? "" : line.substring(space + 1);
                switch (kind) {
                    case SynthWorker.NEXT -> {
                        int[] batch = take(next, units.size());
                        List<Map<String, Object>> request = new ArrayList<>();
                        if (batch != null) {
                            for (int i : batch) {
                                Unit u = units.get(i);
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("index", i);
                                m.put("app", u.app().name());
                                m.put("environment", u.environment());
                                m.put("overrides", u.overrides());
                                request.add(m);
                            }
                        }
                        out.write(JSON.writeValueAsString(request));
                        out.write('\n');
                        out.flush();
                    }
                    case SynthWorker.RESULT -> {
                        SynthWorker.Reply r = JSON.readValue(body, SynthWorker.Reply.class);
                        outcomes[r.index()] = r.problems() != null ? new UnitOutcome(null, r.problems())
                                : new UnitOutcome(new AppSynthesizer.Result(r.app(), r.environment(), r.yaml(), r.outputs(), r.topology()), List.of());
                    }
                    case SynthWorker.STATS -> stats.add(JSON.readValue(body, ProcessStats.class));
                    case SynthWorker.ERROR -> throw new IllegalStateException("synth worker: "
                            + JSON.readValue(body, new TypeReference<String>() { }));
                    default -> throw new IllegalStateException("synth worker sent an unknown line: " + line);
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("a synth worker exited with code " + code + " (its messages are above)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("synth worker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Peak resident memory (VmHWM) of this process and, summed, of its jsii node processes: the
     * {@code jsii-runtime.js} child and the kernel it starts (worker JVMs report their own).
     */
    public static ProcessStats selfStats(String role, int units) {
        ProcessHandle self = ProcessHandle.current();
        long node = self.children()
                .filter(c -> c.info().command().map(cmd -> cmd.endsWith("/node") || cmd.equals("node")).orElse(false))
                .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.descendants()))
                .mapToLong(c -> vmHwmKib(c.pid())).sum();
        return new ProcessStats(role, self.pid(), vmHwmKib(self.pid()), node, units);
    }

    /** VmHWM of a process in KiB, 0 when /proc cannot tell. */
    static long vmHwmKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
