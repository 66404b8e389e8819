package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.WatchRun;
import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.engine.incremental.ContentHashes;
import dev.statefulai.engine.incremental.SynthWatcher;
import dev.statefulai.engine.testing.TempTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch, on its own and as {@code synth --watch}. Every test waits on what the watch reports (a
 * synth, events it passed over, the line each synth of the command ends with), never on time; the bound
 * of each wait ({@link WatchRun#BOUND}) only turns a watch that never reports into a failure. Files are
 * saved as editors save them (a rename over the old file), so each save is one event, one synth.
 */
class SynthWatcherTest {
    @TempDir
    Path tmp;

    /** A watcher on its own thread whose synth only records what the watch saw. */
    private final class Watching implements AutoCloseable {
        /** One entry per synth: what the watch saw since the last one (empty: unknown). */
        final BlockingQueue<Optional<SynthWatcher.Changes>> synths = new LinkedBlockingQueue<>();
        final BlockingQueue<Set<Path>> ignored = new LinkedBlockingQueue<>();
        final AtomicReference<IOException> ended = new AtomicReference<>();
        final Thread thread;

        Watching(Path appsDir) {
            thread = new Thread(() -> {
                try {
                    new SynthWatcher(appsDir, changed -> synths.add(Optional.ofNullable(changed)), ignored::add).run();
                } catch (IOException e) {
                    ended.set(e);
                }
            });
            thread.start();
        }

        /** What the watch saw before its next synth (null: unknown); fails when no synth comes. */
        SynthWatcher.Changes nextSynth(String after) throws InterruptedException {
            Optional<SynthWatcher.Changes> next = synths.poll(WatchRun.BOUND.toSeconds(), TimeUnit.SECONDS);
            assertTrue(next != null, "no synth after " + after);
            return next.orElse(null);
        }

        /** Waits until the watch has passed over events for each of {@code paths}; fails when it does not. */
        void awaitIgnored(Set<Path> paths) throws InterruptedException {
            Set<Path> all = new HashSet<>();
            while (!all.containsAll(paths)) {
                Set<Path> next = ignored.poll(WatchRun.BOUND.toSeconds(), TimeUnit.SECONDS);
                assertTrue(next != null, "the watch did not pass over " + paths + ", only " + all);
                all.addAll(next);
            }
        }

        /** Waits for the watch to end on its own. */
        void awaitEnd(String after) throws InterruptedException {
            thread.join(WatchRun.BOUND.toMillis());
            assertFalse(thread.isAlive(), "the watch goes on after " + after);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            awaitEnd("an interrupt");
        }
    }

    private Path apps() {
        return tmp.resolve("apps").toAbsolutePath().normalize();
    }

    /** An app folder that appears with its values file already in it, as a checkout or a move makes it. */
    private void addApp(String name, String values) throws IOException {
        TempTree staged = new TempTree(tmp.resolve("staging"));
        staged.write(name + "/values.yaml", values);
        Files.move(staged.root().resolve(name), apps().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void synthesizesAtStartThenOnEachValuesChangeAndForAppFoldersThatAppear() throws Exception {
        TempTree repo = new TempTree(tmp);
        repo.write("apps/a/values.yaml", "replicas: 1\n");
        try (Watching w = new Watching(apps())) {
            // What changed, for the synth to trust the rest: unknown at start and when an app folder appears.
            assertNull(w.nextSynth("start"));
            repo.save("apps/a/values-prod.yaml", "replicas: 2\n");
            SynthWatcher.Changes newFile = w.nextSynth("a new values-prod.yaml");
            assertEquals(Set.of(apps().resolve("a/values-prod.yaml")), newFile.changedFiles());
            assertEquals(Set.of(apps(), apps().resolve("a")), newFile.watchedFolders());
            addApp("b", "replicas: 1\n");
            assertNull(w.nextSynth("a new app folder"));
            repo.save("apps/b/values.yaml", "replicas: 3\n");
            SynthWatcher.Changes last = w.nextSynth("a change in the new app's values");
            assertEquals(Set.of(apps().resolve("b/values.yaml")), last.changedFiles());
            // Only a file directly in a folder the watch registered is vouched for.
            assertEquals(ContentHashes.Watched.CHANGED, last.of(apps().resolve("b/values.yaml")));
            assertEquals(ContentHashes.Watched.UNCHANGED, last.of(apps().resolve("a/values.yaml")));
            assertEquals(ContentHashes.Watched.NOT_WATCHED, last.of(apps().resolve("c/values.yaml")));
            assertEquals(ContentHashes.Watched.NOT_WATCHED, last.of(tmp.resolve("dist/prod/a.yaml")));
        }
    }

    @Test
    void filesASynthDoesNotReadTriggerNothing() throws Exception {
        TempTree repo = new TempTree(tmp);
        repo.write("apps/a/values.yaml", "replicas: 1\n");
        try (Watching w = new Watching(apps())) {
            w.nextSynth("start");
            repo.write("apps/a/README.md", "notes\n");
            repo.write("apps/a/.values.yaml.swp", "editor swap\n");
            repo.write("apps/a/target/classes/x.class", "code\n");
            repo.write("apps/notes.txt", "beside the apps\n");
            w.awaitIgnored(Set.of(apps().resolve("a/README.md"), apps().resolve("a/.values.yaml.swp"), apps().resolve("a/target"),
                    apps().resolve("notes.txt")));
            assertTrue(w.synths.isEmpty(), "no synth for those: " + w.synths);
            repo.save("apps/a/values.yaml", "replicas: 2\n");
            assertEquals(Set.of(apps().resolve("a/values.yaml")), w.nextSynth("a values change").changedFiles());
        }
    }

    @Test
    void theWatchStopsWhenTheAppsFolderGoesAway() throws Exception {
        new TempTree(tmp).write("apps/a/values.yaml", "replicas: 1\n");
        try (Watching w = new Watching(apps())) {
            w.nextSynth("start");
            Files.move(apps(), tmp.resolve("apps-old"));
            Files.createDirectories(apps());
            w.awaitEnd("apps/ was replaced");
            assertTrue(w.ended.get() != null && w.ended.get().getMessage().contains("restart the watch"), String.valueOf(w.ended.get()));
        }
    }

    /** What a test does while {@code synth --watch} runs on the demo repository (after its first synth). */
    private interface WhileWatching {
        void run(DemoRepo repo, WatchRun watch) throws Exception;
    }

    /** Runs {@code bin/ai-storage synth --watch} around {@code body}; it must stop with 0 when interrupted. */
    private void withSynthWatch(WhileWatching body) throws Exception {
        DemoRepo repo = new DemoRepo(tmp);
        try (WatchRun watch = WatchRun.start("--root", tmp.toString())) {
            watch.nextSynth("start");
            assertInDist(repo, "prod/demo.yaml", "replicas: 3\n");
            body.run(repo, watch);
            assertEquals(0, watch.stop());
        }
    }

    @Test
    void synthWatchKeepsDistUpToDateUntilInterrupted() throws Exception {
        withSynthWatch((repo, watch) -> {
            saveProd(repo, watch, 4);
            assertInDist(repo, "prod/demo.yaml", "replicas: 4\n");
            // dist/ is not watched: a manifest edited by hand is still found out at the next synth.
            repo.write("dist/dev/demo.yaml", repo.read("dist/dev/demo.yaml").replace("replicas: 1\n", "replicas: 7\n"));
            saveProd(repo, watch, 5);
            assertInDist(repo, "prod/demo.yaml", "replicas: 5\n");
            assertInDist(repo, "dev/demo.yaml", "replicas: 1\n");
        });
    }

    @Test
    void badValuesWhileWatchingAreReportedAndTheWatchGoesOn() throws Exception {
        withSynthWatch((repo, watch) -> {
            assertReportsBadReplicas(saveProd(repo, watch, -4));
            assertTrue(watch.watching(), "still watching after bad values");
            assertInDist(repo, "prod/demo.yaml", "replicas: 3\n");
            saveProd(repo, watch, 5);
            assertInDist(repo, "prod/demo.yaml", "replicas: 5\n");
        });
    }

    @Test
    void valuesStillBadAfterAnotherFileChangedAreReportedAgainNotSkipped() throws Exception {
        withSynthWatch((repo, watch) -> {
            assertReportsBadReplicas(saveProd(repo, watch, -4));
            // Only values-dev.yaml changed since the failed synth; values-prod.yaml is still bad.
            repo.save("apps/demo/values-dev.yaml", "replicas: 2\nstorageClass:\n  reclaimPolicy: Delete\n");
            assertReportsBadReplicas(watch.nextSynth("values-dev.yaml changed"));
            assertInDist(repo, "dev/demo.yaml", "replicas: 1\n");
            saveProd(repo, watch, 5);
            assertInDist(repo, "prod/demo.yaml", "replicas: 5\n");
            assertInDist(repo, "dev/demo.yaml", "replicas: 2\n");
        });
    }

    /** Saves values-prod.yaml with {@code replicas} and returns the lines of the synth that follows. */
    private static List<String> saveProd(DemoRepo repo, WatchRun watch, int replicas) throws InterruptedException {
        repo.save("apps/demo/values-prod.yaml", "replicas: " + replicas + "\nsize: 100Gi\n");
        return watch.nextSynth("values-prod.yaml saved with replicas: " + replicas);
    }

    /** The synth's lines report values-prod.yaml's replicas, and that dist/ was not changed. */
    private static void assertReportsBadReplicas(List<String> synth) {
        assertTrue(synth.stream().anyMatch(l -> l.contains("dist/ was not changed")), String.join("\n", synth));
        assertTrue(synth.stream().anyMatch(l -> l.contains("apps/demo/values-prod.yaml:1: replicas: -4 is not allowed")),
                String.join("\n", synth));
    }

    private static void assertInDist(DemoRepo repo, String file, String expected) {
        String content = repo.read("dist/" + file);
        assertTrue(content.contains(expected), file + " does not contain " + expected + ":\n" + content);
    }
}
