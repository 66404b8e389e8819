package dev.statefulai.cli;

import dev.statefulai.engine.incremental.ContentHashes;
import dev.statefulai.engine.incremental.SynthWatcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthWatcherTest {
    @TempDir
    Path tmp;

    /** A watcher on its own thread whose synth only counts. */
    private final class Watching implements AutoCloseable {
        final Semaphore synths = new Semaphore(0);
        final java.util.List<SynthWatcher.Changes> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final Thread thread;

        Watching(Path appsDir) {
            thread = new Thread(() -> {
                try {
                    new SynthWatcher(appsDir, changed -> {
                        seen.add(changed);
                        synths.release();
                    }).run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
        }

        void awaitSynth(String after) throws InterruptedException {
            assertTrue(synths.tryAcquire(10, TimeUnit.SECONDS), "no synth after " + after);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the watcher stops when interrupted");
        }
    }

    private void write(String path, String content) throws IOException {
        Path f = tmp.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    @Test
    void synthesizesAtStartThenOnEachValuesChangeAndForAppFoldersThatAppear() throws Exception {
        write("apps/a/values.yaml", "replicas: 1\n");
        try (Watching w = new Watching(tmp.resolve("apps"))) {
            w.awaitSynth("start");
            write("apps/a/values-prod.yaml", "replicas: 2\n");
            w.awaitSynth("a new values-prod.yaml");
            write("apps/b/values.yaml", "replicas: 1\n");
            w.awaitSynth("a new app folder");
            write("apps/b/values.yaml", "replicas: 3\n");
            w.awaitSynth("a change in the new app's values");
            // What changed, for the synth to trust the rest: unknown at start and when an app folder appears.
            Path apps = tmp.resolve("apps").toAbsolutePath().normalize();
            assertEquals(null, w.seen.get(0));
            assertEquals(java.util.Set.of(apps.resolve("a/values-prod.yaml")), w.seen.get(1).changedFiles());
            assertEquals(java.util.Set.of(apps, apps.resolve("a")), w.seen.get(1).watchedFolders());
            assertEquals(null, w.seen.get(2));
            SynthWatcher.Changes last = w.seen.get(w.seen.size() - 1);
            assertEquals(java.util.Set.of(apps.resolve("b/values.yaml")), last.changedFiles());
            // Only a file directly in a folder the watch registered is vouched for.
            assertEquals(ContentHashes.Watched.CHANGED, last.of(apps.resolve("b/values.yaml")));
            assertEquals(ContentHashes.Watched.UNCHANGED, last.of(apps.resolve("a/values.yaml")));
            assertEquals(ContentHashes.Watched.NOT_WATCHED, last.of(apps.resolve("c/values.yaml")));
            assertEquals(ContentHashes.Watched.NOT_WATCHED, last.of(tmp.resolve("dist/prod/a.yaml")));
        }
    }

    @Test
    void filesASynthDoesNotReadTriggerNothing() throws Exception {
        write("apps/a/values.yaml", "replicas: 1\n");
        try (Watching w = new Watching(tmp.resolve("apps"))) {
            w.awaitSynth("start");
            write("apps/a/README.md", "notes\n");
            write("apps/a/.values.yaml.swp", "editor swap\n");
            write("apps/a/target/classes/x.class", "code\n");
            assertFalse(w.synths.tryAcquire(300, TimeUnit.MILLISECONDS), "no synth for those");
            write("apps/a/values.yaml", "replicas: 2\n");
            w.awaitSynth("a values change");
        }
    }

    @Test
    void theWatchStopsWhenTheAppsFolderGoesAway() throws Exception {
        write("apps/a/values.yaml", "replicas: 1\n");
        java.util.concurrent.atomic.AtomicReference<Exception> ended = new java.util.concurrent.atomic.AtomicReference<>();
        Semaphore synths = new Semaphore(0);
        Thread t = new Thread(() -> {
            try {
                new SynthWatcher(tmp.resolve("apps"), changed -> synths.release()).run();
            } catch (IOException e) {
                ended.set(e);
            }
        });
        t.start();
        assertTrue(synths.tryAcquire(10, TimeUnit.SECONDS));
        Files.move(tmp.resolve("apps"), tmp.resolve("apps-old"));
        Files.createDirectories(tmp.resolve("apps"));
        t.join(10_000);
        assertFalse(t.isAlive(), "a watch of a folder that is gone ends");
        assertTrue(ended.get() != null && ended.get().getMessage().contains("restart the watch"), String.valueOf(ended.get()));
    }

    /** What a test does while {@code synth --watch} runs on the demo repository (after its first synth). */
    private interface WhileWatching {
        void run(DemoRepo repo, Thread watcher) throws Exception;
    }

    /** Runs {@code bin/ai-storage synth --watch} on its own thread around {@code body}; it must stop with 0 when interrupted. */
    private void withSynthWatch(WhileWatching body) throws Exception {
        DemoRepo repo = new DemoRepo(tmp);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Main.run("synth", "--root", tmp.toString(), "--watch")));
        t.start();
        try {
            awaitDist(repo, "prod/demo.yaml", "replicas: 3\n");
            body.run(repo, t);
        } finally {
            t.interrupt();
            t.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void synthWatchKeepsDistUpToDateUntilInterrupted() throws Exception {
        withSynthWatch((repo, watcher) -> {
            repo.write("apps/demo/values-prod.yaml", "replicas: 4\nsize: 100Gi\n");
            awaitDist(repo, "prod/demo.yaml", "replicas: 4\n");
            // dist/ is not watched: a manifest edited by hand is still found out at the next synth.
            String dev = inDist(repo, "dev/demo.yaml");
            repo.write("dist/dev/demo.yaml", dev.replace("replicas: 1\n", "replicas: 7\n"));
            repo.write("apps/demo/values-prod.yaml", "replicas: 5\nsize: 100Gi\n");
            awaitDist(repo, "prod/demo.yaml", "replicas: 5\n");
            awaitDist(repo, "dev/demo.yaml", "replicas: 1\n");
        });
    }

    @Test
    void badValuesWhileWatchingAreReportedAndTheWatchGoesOn() throws Exception {
        withSynthWatch((repo, watcher) -> {
            repo.write("apps/demo/values-prod.yaml", "replicas: -4\nsize: 100Gi\n");
            Thread.sleep(500);
            assertTrue(watcher.isAlive(), "still watching after bad values");
            assertTrue(inDist(repo, "prod/demo.yaml").contains("replicas: 3\n"), "bad values change nothing");
            repo.write("apps/demo/values-prod.yaml", "replicas: 5\nsize: 100Gi\n");
            awaitDist(repo, "prod/demo.yaml", "replicas: 5\n");
        });
    }

    @Test
    void valuesStillBadAfterAnotherFileChangedAreReportedAgainNotSkipped() throws Exception {
        withSynthWatch((repo, watcher) -> {
            repo.write("apps/demo/values-prod.yaml", "replicas: -4\nsize: 100Gi\n");
            Thread.sleep(500);
            // Only values-dev.yaml changed since the failed synth; values-prod.yaml is still bad.
            repo.write("apps/demo/values-dev.yaml", "replicas: 2\nstorageClass:\n  reclaimPolicy: Delete\n");
            Thread.sleep(500);
            assertTrue(inDist(repo, "dev/demo.yaml").contains("replicas: 1\n"), "nothing is written while prod is bad");
            repo.write("apps/demo/values-prod.yaml", "replicas: 5\nsize: 100Gi\n");
            awaitDist(repo, "prod/demo.yaml", "replicas: 5\n");
            awaitDist(repo, "dev/demo.yaml", "replicas: 2\n");
        });
    }

    private static void awaitDist(DemoRepo repo, String file, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String content = inDist(repo, file);
            if (content != null && content.contains(expected)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(file + " never contained " + expected + ": " + inDist(repo, file));
    }

    /**
     * One file of dist/ while the watch may be writing: read by its name (each file is replaced by a
     * rename, so it reads whole), not by listing the folder (which may show a temporary file that is
     * renamed away before it is read); null when absent.
     */
    private static String inDist(DemoRepo repo, String file) {
        try {
            return Files.readString(repo.root().resolve("dist").resolve(file));
        } catch (IOException e) {
            return null;
        }
    }
}
