package dev.statefulai.engine.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files and folders of a synth: a file written beside the one it replaces (a manifest, an app's
 * values schema), a new environment
 * folder staged beside the output folder, the incremental state before it is renamed into place. Each name
 * carries the id of the process that made it. Those of a running synth are removed when it ends, however
 * it ends but killed ({@code Ctrl-C} and {@code SIGTERM} run a shutdown hook); those a killed synth left
 * are recognised by their names and removed by the next one ({@link #sweep}).
 */
public final class TempFiles {
    private static final long PID = ProcessHandle.current().pid();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    /** {@code <prefix><pid>-<random><suffix>}: a staging folder, a state file, a file replacing another. */
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("\\.synth-tmp-(\\d+)-\\d+"),
            Pattern.compile("\\..+\\.synth-state\\.json\\.(\\d+)-\\d+\\.tmp"),
            Pattern.compile("\\..+\\.(\\d+)-\\d+\\.synth-tmp"));
    /** The names before they carried a process id: always left by an interrupted synth. */
    private static final List<Pattern> OLD_NAMES = List.of(
            Pattern.compile("\\.synth-tmp-\\d+"),
            Pattern.compile("\\..+\\.synth-state\\.json\\d+\\.tmp"),
            Pattern.compile("\\..+\\.synth-tmp"));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeLive, "ai-storage-temp-files"));
    }

    private TempFiles() {
    }

    /** A new empty file {@code dir/<prefix><pid>-<random><suffix>}, removed if this process ends before {@link #done}. */
    public static Path file(Path dir, String prefix, String suffix) throws IOException {
        return create(dir, prefix, suffix, Files::createFile);
    }

    /** A new empty folder {@code dir/<prefix><pid>-<random>}, removed if this process ends before {@link #done}. */
    public static Path folder(Path dir, String prefix) throws IOException {
        return create(dir, prefix, "", Files::createDirectory);
    }

    /** How a tracked path is made: a file or a folder, failing when the path exists. */
    private interface Maker {
        Path make(Path path) throws IOException;
    }

    /** A new tracked path made by {@code maker}, with another random name while the one drawn exists. */
    private static Path create(Path dir, String prefix, String suffix, Maker maker) throws IOException {
        while (true) {
            Path p = track(dir, prefix, suffix);
            try {
                return maker.make(p);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(p);
            } catch (IOException | RuntimeException e) {
                LIVE.remove(p);
                throw e;
            }
        }
    }

    /** Tracked before it exists, so that an interrupt between creating and tracking cannot leave it. */
    private static Path track(Path dir, String prefix, String suffix) {
        Path p = dir.resolve(prefix + PID + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + suffix);
        LIVE.add(p);
        return p;
    }

    /** Removes {@code p} (whatever is left of it: it may have been renamed into place) and stops tracking it. */
    public static void done(Path p) throws IOException {
        try {
            FileTrees.delete(p);
        } finally {
            LIVE.remove(p);
        }
    }

    /** Whether {@code name} in some folder is a temporary file or folder that no running synth will finish. */
    public static boolean isLeftover(Path dir, String name) {
        for (Pattern pattern : NAMES) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                return !running(Long.parseLong(m.group(1)), dir.resolve(name));
            }
        }
        return OLD_NAMES.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static boolean running(long pid, Path p) {
        if (pid == PID) {
            return LIVE.contains(p);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Removes the leftovers ({@link #isLeftover}) directly in {@code dir}; returns their names, sorted. */
    public static List<String> sweep(Path dir) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, e -> e.getFileName().toString().startsWith("."))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isLeftover(dir, name)) {
                    FileTrees.delete(entry);
                    removed.add(name);
                }
            }
        }
        removed.sort(null);
        return removed;
    }

    /** The shutdown hook: what this process was still writing goes. */
    static void removeLive() {
        // A rename step still running (ShutdownGuard) needs its staged files: removed only once it is done.
        ShutdownGuard.awaitIdle();
        for (Path p : List.copyOf(LIVE)) {
            try {
                FileTrees.delete(p);
            } catch (IOException | RuntimeException e) {
                // Ending anyway; the next synth removes it (sweep).
            }
        }
    }
}
