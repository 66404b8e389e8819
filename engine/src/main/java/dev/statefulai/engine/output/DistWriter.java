package dev.statefulai.engine.output;

import dev.statefulai.engine.files.ShutdownGuard;
import dev.statefulai.engine.files.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a rendered {@link DistTree} into {@code dist/}. Everything is rendered before the first byte is
 * written, so a synth that fails on its input leaves {@code dist/} as it was; and the write itself has two
 * steps, so that one that fails (a file that cannot be written, a full disk) leaves it as it was too: first
 * every change is written where nobody reads it (a new environment folder beside {@code dist/}, a changed file
 * as a temporary file beside the one it replaces), then, once all are written, renamed into place, and the
 * files synth wrote that are no longer produced removed. A reader sees an old file or a new one, never half
 * of it. In an existing folder only the files whose content changed are written: a fleet's re-synth after
 * one change writes a few files instead of every one.
 *
 * <p>Only what synth wrote is replaced or removed ({@link OutputFolder}): anything else in an environment
 * folder is kept and reported, a foreign file or folder where synth would write refuses the whole write
 * before anything is written.
 */
public final class DistWriter {

    /**
     * What a write changed: counts of files written and left unchanged, the files removed, the files and
     * folders kept because synth did not write them, and the temporary files of interrupted synths removed
     * (paths shown as the output folder is, e.g. {@code dist/prod/old.yaml}).
     */
    public record Summary(int written, int unchanged, List<String> removedFiles, List<String> kept, List<String> leftovers) {
        public int removed() {
            return removedFiles.size();
        }
    }

    private DistWriter() {
    }

    /** {@link #write(Path, String, DistTree, List, boolean)} with paths shown as {@code distDir}. */
    public static Summary write(Path distDir, DistTree tree, List<String> environments, boolean pruneOthers) {
        return write(distDir, distDir.toString(), tree, environments, pruneOthers);
    }

    /**
     * Writes {@code tree} into {@code distDir} (shown to the user as {@code shown}), replacing the folders
     * of {@code environments}; when {@code pruneOthers}, also removes what synth wrote in environment
     * folders that are no longer produced. Files the tree {@linkplain DistTree#keptInDist() keeps in dist/}
     * are neither read nor written.
     *
     * @throws OutputFolder.Refused before anything is written, when synth would overwrite what it did not write
     */
    public static Summary write(Path distDir, String shown, DistTree tree, List<String> environments, boolean pruneOthers) {
        try {
            Path parent = distDir.toAbsolutePath().getParent();
            List<String> replaced = Stream.concat(environments.stream(),
                    pruneOthers ? OutputFolder.ownedEnvironments(distDir).stream() : Stream.empty()).distinct().sorted().toList();
            // Every folder checked before the first byte is written: a refusal leaves dist/ as it was.
            List<EnvFolder> folders = new ArrayList<>();
            for (String env : replaced) {
                folders.add(EnvFolder.inspect(distDir, shown, env, tree));
            }
            Tally tally = new Tally();
            Path shownParent = Path.of(shown).getParent();
            for (String name : TempFiles.sweep(parent)) {
                tally.leftovers.add(shownParent == null ? name : shownParent.resolve(name).toString());
            }
            Files.createDirectories(parent);
            tally.unchanged = tree.keptInDist().size();
            List<Change> changes = new ArrayList<>();
            try {
                for (EnvFolder folder : folders) {
                    for (String name : folder.leftovers()) {
                        TempFiles.done(folder.dir().resolve(name));
                        tally.leftovers.add(shown + "/" + folder.env() + "/" + name);
                    }
                    SortedMap<String, String> wanted = tree.files().subMap(folder.env() + "/", folder.env() + "/\uffff");
                    SortedSet<String> kept = tree.keptInDist().subSet(folder.env() + "/", folder.env() + "/\uffff");
                    if (!folder.exists()) {
                        if (!kept.isEmpty()) {
                            throw new IllegalStateException("files to keep in a folder that does not exist: " + kept);
                        }
                        if (!wanted.isEmpty()) {
                            changes.add(stageNewFolder(parent, folder.dir(), folder.env(), wanted));
                            tally.written += wanted.size();
                        }
                    } else {
                        stageUpdate(distDir, shown, folder, wanted, kept, tally, changes);
                    }
                }
                // Every change is written: from here on only renames, then removals (which cannot be undone), each
                // environment's kustomization renamed after its manifests so that it never lists a file not yet there.
                Files.createDirectories(distDir);
                changes.sort(Comparator.comparingInt(Change::step));
                // Ctrl-C in the middle would leave dist/ part old and part new: it waits for the renames (milliseconds).
                ShutdownGuard.run("updating " + shown, () -> {
                    for (Change change : changes) {
                        change.apply();
                    }
                });
            } finally {
                discardAll(changes);
            }
            return new Summary(tally.written, tally.unchanged, tally.removed, tally.kept, tally.leftovers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + shown + ": " + IoErrors.describe(e), e);
        }
    }

    /** Files written and left unchanged, files removed and kept so far. */
    private static final class Tally {
        int written;
        int unchanged;
        final List<String> removed = new ArrayList<>();
        final List<String> kept = new ArrayList<>();
        final List<String> leftovers = new ArrayList<>();
    }

    /**
     * An environment folder as found before writing: whether it exists, the names in it (without the
     * leftovers of interrupted synths), and the names of those synth wrote ({@link OutputFolder#ownedFiles}).
     */
    private record EnvFolder(String env, Path dir, boolean exists, Set<String> entries, Set<String> owned,
                             List<String> leftovers) {

        static EnvFolder inspect(Path distDir, String shown, String env, DistTree tree) throws IOException {
            Path dir = distDir.resolve(env);
            String shownDir = shown + "/" + env;
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
                throw new OutputFolder.Refused(shownDir + " is a file, where synth writes the folder of environment "
                        + env + "; move it away");
            }
            if (!Files.isDirectory(dir)) {
                return new EnvFolder(env, dir, false, Set.of(), Set.of(), List.of());
            }
            Set<String> entries = new TreeSet<>();
            List<String> leftovers = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
                for (Path entry : list) {
                    String name = entry.getFileName().toString();
                    (TempFiles.isLeftover(dir, name) ? leftovers : entries).add(name);
                }
            }
            Set<String> owned = OutputFolder.ownedFiles(dir, env);
            if (owned == null) {
                if (entries.stream().anyMatch(n -> !n.startsWith("."))) {
                    throw new OutputFolder.Refused(shownDir + " holds files synth did not write (its " + DistTree.KUSTOMIZATION
                            + " is not one synth wrote); move them away, or choose another output folder");
                }
                owned = Set.of();
            }
            for (String name : List.of("kustomization.yaml", "kustomization.yml")) {
                // kustomize takes any of its names and refuses a folder with two (api/internal/target/kusttarget.go, loadKustFile)
                if (entries.contains(name) && !(owned.contains(name) && OutputFolder.isSynths(dir.resolve(name), env))) {
                    throw new OutputFolder.Refused(shownDir + "/" + name + ": synth did not write it, and kustomize refuses a folder with"
                            + " two kustomizations (synth writes " + DistTree.KUSTOMIZATION + "); move it away");
                }
            }
            for (String path : tree.files().subMap(env + "/", env + "/\uffff").keySet()) {
                String name = path.substring(env.length() + 1);
                if (entries.contains(name) && (!owned.contains(name) || Files.isDirectory(dir.resolve(name)))
                        && !OutputFolder.writtenBySynth(dir.resolve(name))) {
                    throw new OutputFolder.Refused(shownDir + "/" + name + ": synth did not write it (it is not listed in "
                            + shownDir + "/" + DistTree.KUSTOMIZATION + ") and would overwrite it; move it away");
                }
            }
            leftovers.sort(null);
            return new EnvFolder(env, dir, true, entries, owned, leftovers);
        }

        /** Whether synth wrote {@code name}: named by its kustomization, and a manifest with synth's header. */
        boolean wroteFile(String name) {
            return owned.contains(name) && (OutputFolder.ENVIRONMENT_FILES.contains(name) || name.equals(DistTree.LEGACY_KUSTOMIZATION)
                    || OutputFolder.writtenBySynth(dir.resolve(name)));
        }
    }

    /**
     * A change to {@code dist/} that is written but not yet seen: {@link #apply} puts it in place (a rename or a
     * removal), {@link #discard} removes what is left of it, applied or not.
     */
    private interface Change {
        /** When the change is applied: renames of manifests and new folders, kustomizations, removals of files, of folders. */
        int RENAME = 0;
        int RENAME_KUSTOMIZATION = 1;
        int REMOVE_FILE = 2;
        int REMOVE_FOLDER = 3;

        void apply() throws IOException;

        default int step() {
            return RENAME;
        }

        default void discard() throws IOException {
        }
    }

    /**
     * Removes what is left of every change. A temporary file that cannot be removed is left, not reported over the
     * write's own outcome: the next synth removes it as the leftover of an interrupted one ({@link TempFiles#sweep}).
     */
    private static void discardAll(List<Change> changes) {
        for (Change change : changes) {
            try {
                change.discard();
            } catch (IOException | RuntimeException ignored) {
                // left for the next synth's sweep
            }
        }
    }

    /** A folder that does not exist yet: written beside {@code dist/}, to be renamed into place. */
    private static Change stageNewFolder(Path parent, Path folder, String env, SortedMap<String, String> files)
            throws IOException {
        Path staging = TempFiles.folder(parent, ".synth-tmp-");
        Path fresh = staging.resolve(env);
        Change rename = new Change() {
            @Override
            public void apply() throws IOException {
                Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            }

            @Override
            public void discard() throws IOException {
                TempFiles.done(staging);
            }
        };
        boolean written = false;
        try {
            Set<Path> folders = new HashSet<>();
            for (String path : files.keySet()) {
                Path target = staging.resolve(path).getParent();
                if (folders.add(target)) {
                    Files.createDirectories(target);
                }
            }
            // A fleet's folder holds thousands of files: creating them is mostly the kernel's work, which runs on
            // every core. Nobody sees the staging folder until the rename below, so the order does not matter.
            // A failure is collected, not thrown, so that no write is still running when the staging folder is removed.
            List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
            files.entrySet().parallelStream().forEach(f -> {
                try {
                    if (failures.isEmpty()) {
                        Files.writeString(staging.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            });
            if (!failures.isEmpty()) {
                if (failures.get(0) instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failures.get(0);
            }
            written = true;
            return rename;
        } finally {
            if (!written) {
                rename.discard();
            }
        }
    }

    /**
     * An existing folder: each file of {@code wanted} compared with the one on disk and, when it differs, written
     * beside it, to replace it; files synth wrote that are neither wanted nor kept to be removed, anything else
     * kept; the folder to be removed when nothing is left in it. The changes are added to {@code changes}.
     */
    private static void stageUpdate(Path distDir, String shown, EnvFolder folder, SortedMap<String, String> wanted,
            SortedSet<String> kept, Tally tally, List<Change> changes) throws IOException {
        String env = folder.env();
        for (Map.Entry<String, String> f : wanted.entrySet()) {
            Path target = distDir.resolve(f.getKey());
            byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
            if (folder.entries().contains(f.getKey().substring(env.length() + 1)) && holds(target, content)) {
                tally.unchanged++;
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = TempFiles.file(target.getParent(), "." + target.getFileName() + ".", ".synth-tmp");
            boolean kustomization = target.getFileName().toString().equals(DistTree.KUSTOMIZATION);
            changes.add(new Change() {
                @Override
                public void apply() throws IOException {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }

                @Override
                public int step() {
                    return kustomization ? RENAME_KUSTOMIZATION : RENAME;
                }

                @Override
                public void discard() throws IOException {
                    TempFiles.done(tmp);
                }
            });
            Files.write(tmp, content);
            tally.written++;
        }
        boolean anyLeft = !wanted.isEmpty() || !kept.isEmpty();
        for (String name : folder.entries()) {
            String path = env + "/" + name;
            if (wanted.containsKey(path) || kept.contains(path)) {
                continue;
            }
            if (folder.wroteFile(name)) {
                Path removed = folder.dir().resolve(name);
                changes.add(new Change() {
                    @Override
                    public void apply() throws IOException {
                        Files.deleteIfExists(removed);
                    }

                    @Override
                    public int step() {
                        return REMOVE_FILE;
                    }
                });
                tally.removed.add(shown + "/" + path);
            } else {
                anyLeft = true;
                if (!name.startsWith(".")) {
                    tally.kept.add(shown + "/" + path);
                }
            }
        }
        if (!anyLeft) {
            Path emptied = folder.dir();
            changes.add(new Change() {
                @Override
                public void apply() throws IOException {
                    try {
                        Files.deleteIfExists(emptied);
                    } catch (DirectoryNotEmptyException e) {
                        // someone put a file there since it was read: theirs, so the folder stays
                    }
                }

                @Override
                public int step() {
                    return REMOVE_FOLDER;
                }
            });
        }
    }

    /**
     * Whether {@code file} is a regular file (not a link, a pipe or a device, which are replaced without being
     * read) holding exactly {@code content}; bytes, not text, so that a file that is no longer UTF-8 is simply different.
     */
    private static boolean holds(Path file, byte[] content) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content);
    }

    /** The folders under {@code distDir} that are not hidden, sorted (whether synth wrote them or not). */
    public static List<String> existingEnvironments(Path distDir) {
        if (!Files.isDirectory(distDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(distDir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + distDir + ": " + IoErrors.describe(e), e);
        }
    }
}
