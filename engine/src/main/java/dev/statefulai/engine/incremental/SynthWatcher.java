package dev.statefulai.engine.incremental;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code synth --watch}: synthesizes once, then again each time a values file under {@code apps/}
 * changes, or an app folder comes or goes, until interrupted. The JVM, its loaded classes and the
 * incremental state stay warm, so a re-synth after one app's values changed costs milliseconds instead
 * of a process start. Code is not watched: app classes are loaded afresh for each synth, but the
 * library's were loaded once, so a synth after a rebuild stops the watch instead (the command line's {@code synth --watch}).
 * Uses the platform's file watching: inotify on Linux, for local file systems (a change on a network
 * mount, or through a hard link elsewhere, is not reported; symbolic links are checked by their
 * target's stamp); on macOS the JDK polls, seconds apart.
 */
public final class SynthWatcher {
    /**
     * After a change, how long to wait for more before synthesizing: a save (truncate, then write) is
     * one synth, not one of an empty file and another; a checkout touching many files, a few synths.
     */
    static final long SETTLE_MILLIS = 5;
    /** The longest a stream of events puts a synth off. */
    static final long MAX_SETTLE_MILLIS = 200;

    /**
     * What the watch saw since the last synth: the folders it watches (apps/ and each app folder it
     * could register) and the values files in them that changed.
     */
    public record Changes(Set<Path> watchedFolders, Set<Path> changedFiles) {
        /** What the watch says of {@code file}: only a file directly in a watched folder is vouched for. */
        public ContentHashes.Watched of(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            if (!watchedFolders.contains(abs.getParent())) {
                return ContentHashes.Watched.NOT_WATCHED;
            }
            return changedFiles.contains(abs) ? ContentHashes.Watched.CHANGED : ContentHashes.Watched.UNCHANGED;
        }
    }

    /**
     * Hears what a watch passed over: a caller (a test) that must know a change was seen and left alone
     * waits on this instead of sleeping. Synths are heard through the synth itself.
     */
    @FunctionalInterface
    public interface Ignored {
        /** The watch handled events for {@code paths} (absolute), none of which a synth reads, and synthesized nothing for them. */
        void ignored(Set<Path> paths);
    }

    private final Path appsDir;
    private final Consumer<Changes> synth;
    private final Ignored ignored;
    private final Map<WatchKey, Path> watched = new HashMap<>();
    /** The files changed since the last synth; null when unknown (at start, after an overflow, an app folder change). */
    private Set<Path> changed;

    /**
     * @param synth one synth (an incremental one: it takes only what changed), reporting on its own; given
     *              what the watch saw since the last synth, or null when that is unknown
     */
    public SynthWatcher(Path appsDir, Consumer<Changes> synth) {
        this(appsDir, synth, paths -> {
        });
    }

    /** A watch that also tells {@code ignored} of each batch of events it synthesized nothing for. */
    public SynthWatcher(Path appsDir, Consumer<Changes> synth, Ignored ignored) {
        this.appsDir = appsDir.toAbsolutePath().normalize();
        this.synth = synth;
        this.ignored = ignored;
    }

    /**
     * Synthesizes, then watches and synthesizes again on each change; returns when the thread is
     * interrupted, throws when the apps folder itself goes away.
     */
    public void run() throws IOException {
        try (WatchService service = appsDir.getFileSystem().newWatchService()) {
            watch(service, appsDir);
            try (Stream<Path> apps = Files.list(appsDir)) {
                for (Path app : apps.filter(Files::isDirectory).toList()) {
                    watch(service, app);
                }
            }
            Object appsKey = Files.readAttributes(appsDir, BasicFileAttributes.class).fileKey();
            synth.accept(null);
            changed = new HashSet<>();
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(1, TimeUnit.SECONDS);
                if (key == null) {
                    checkAppsFolder(appsKey);
                    continue;
                }
                boolean relevant = false;
                Set<Path> passedOver = new HashSet<>();
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_SETTLE_MILLIS);
                while (key != null) {
                    relevant |= handle(service, key, passedOver);
                    // Events keep coming (a long checkout): synthesize what is there by now, the rest next.
                    key = System.nanoTime() < until ? service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS) : null;
                }
                if (relevant) {
                    synth.accept(changed == null ? null : new Changes(Set.copyOf(watched.values()), Set.copyOf(changed)));
                    changed = new HashSet<>();
                } else if (!passedOver.isEmpty()) {
                    ignored.ignored(Set.copyOf(passedOver));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A watch follows a folder renamed away, so it is checked now and then that apps/ is still that folder. */
    private void checkAppsFolder(Object appsKey) throws IOException {
        // A file system without file keys (null) can only tell that the folder is gone.
        if (!Files.isDirectory(appsDir)
                || appsKey != null && !appsKey.equals(Files.readAttributes(appsDir, BasicFileAttributes.class).fileKey())) {
            throw appsFolderGone();
        }
    }

    private IOException appsFolderGone() {
        return new IOException(appsDir + " was removed or replaced; restart the watch");
    }

    private void watch(WatchService service, Path dir) throws IOException {
        watched.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY), dir);
    }

    /**
     * Whether {@code key}'s events touch what a synth reads; app folders that appear are watched too, and
     * the paths of events that touch nothing a synth reads are added to {@code passedOver}.
     */
    private boolean handle(WatchService service, WatchKey key, Set<Path> passedOver) throws IOException {
        Path dir = watched.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                relevant = true;
                changed = null;
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (dir.equals(appsDir)) {
                // An app folder came or went (or a file beside the apps, which the synth ignores). Files
                // written in a new folder before it was watched went unseen: what changed is unknown.
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                    try {
                        watch(service, path);
                    } catch (IOException e) {
                        // Gone already, or out of inotify watches: not a watched folder, its files are stat'ed.
                        System.err.println("warning: cannot watch " + path + " (" + e.getMessage() + ")");
                    }
                }
                if (Files.isDirectory(path) || event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                    relevant = true;
                    changed = null;
                } else {
                    passedOver.add(path);
                }
            } else {
                String name = path.getFileName().toString();
                if (name.startsWith("values") && name.endsWith(".yaml")) {
                    relevant = true;
                    if (changed != null) {
                        changed.add(path);
                    }
                } else {
                    passedOver.add(path);
                }
            }
        }
        if (!key.reset()) {
            watched.remove(key);
            if (appsDir.equals(dir)) {
                // Nothing under apps/ would be seen any more: better stopped than deaf.
                throw appsFolderGone();
            }
        }
        return relevant;
    }
}
