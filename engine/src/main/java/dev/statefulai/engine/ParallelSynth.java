package dev.statefulai.engine;

import dev.statefulai.engine.output.UnitOutput;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.engine.values.ValuesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Synthesizes units (one app in one environment each) on several threads of this process. A unit
 * rendered on the Java side needs no jsii kernel, so threads run in parallel; what does use the kernel
 * (an app defining its chart, cdk8s's own synth) holds {@link AppSynthesizer#KERNEL}, since one kernel
 * is driven synchronously. Threads take batches of units from one queue and results are put back in
 * unit order, so the output does not depend on the number of threads.
 */
public final class ParallelSynth {
    /** Units taken from the queue at a time. */
    private static final int BATCH = 8;
    /** Below this many units per extra thread, starting and warming it up costs more than it saves. */
    static final int MIN_UNITS_PER_THREAD = 100;

    /** One app in one environment, whose cluster is {@code target}. */
    public record Unit(AppCatalog.App app, String environment, Map<String, String> overrides, ClusterTarget target) {
        /** One app in one environment of the default target. */
        public Unit(AppCatalog.App app, String environment, Map<String, String> overrides) {
            this(app, environment, overrides, ClusterTarget.DEFAULT);
        }
    }

    /** What a unit gave: a result, or the problems of its values; and warnings either way. */
    public record UnitOutcome(UnitOutput result, List<String> problems, List<String> warnings) {
    }

    /** Peak memory of this process and of its jsii node processes, in KiB (0 where unknown). */
    public record ProcessStats(String role, long pid, long vmHwmKib, long nodeVmHwmKib, int units) {
    }

    /** The progress line of the current run (one run at a time per process). */
    private static volatile Progress progress = Progress.of(0);

    private ParallelSynth() {
    }

    /** How many threads to use for {@code units} units: {@code jobs}, or with 0 one per core as the units allow. */
    static int threadsFor(int units, int jobs) {
        int wanted = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        int affordable = jobs > 0 ? units : 1 + units / MIN_UNITS_PER_THREAD;
        return Math.max(1, Math.min(wanted, Math.min(affordable, units)));
    }

    /** The outcomes of {@code units}, in unit order, synthesized on up to {@code jobs} threads (0: auto). */
    public static List<UnitOutcome> run(List<Unit> units, int jobs) {
        progress = Progress.of(units.size());
        UnitOutcome[] outcomes = new UnitOutcome[units.size()];
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Runnable work = () -> {
            try {
                int[] batch;
                while ((batch = take(next, units.size())) != null && failures.isEmpty()) {
                    List<UnitOutcome> done = synthBatch(Arrays.stream(batch).mapToObj(units::get).toList());
                    for (int k = 0; k < batch.length; k++) {
                        outcomes[batch[k]] = done.get(k);
                    }
                }
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        };
        List<Thread> threads = new ArrayList<>();
        try {
            for (int t = 1; t < threadsFor(units.size(), jobs); t++) {
                Thread thread = new Thread(work, "synth-" + t);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            work.run();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for synth threads", e);
        } finally {
            progress.done();
        }
        if (!failures.isEmpty()) {
            Throwable f = failures.get(0);
            if (f instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) f;
        }
        return List.of(outcomes);
    }

    /** Synthesizes a batch of units on this thread, in order. */
    static List<UnitOutcome> synthBatch(List<Unit> units) {
        List<UnitOutcome> out = new ArrayList<>(units.size());
        for (Unit u : units) {
            List<String> warnings = ValuesLoader.warnings(u.app().name(), u.app().dir(), u.app().displayDir(), u.environment());
            try {
                out.add(new UnitOutcome(AppSynthesizer.synth(u.app(), u.environment(), u.overrides(), u.target(),
                        AppSynthesizer.RENDERER), List.of(), warnings));
            } catch (ValuesException e) {
                out.add(new UnitOutcome(null, e.problems(), warnings));
            }
        }
        return out;
    }

    /** The next batch of unit indexes, or {@code null} when none is left. */
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

    /**
     * Peak resident memory (VmHWM) of this process and, summed, of its jsii node processes (the
     * {@code jsii-runtime.js} child and the kernel it starts), when any was started.
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
