package dev.statefulai.engine.output;

import dev.statefulai.engine.topology.StorageTopology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What of an output folder is synth's. Synth writes only into a folder that is new, empty or one it wrote
 * before, never into the repository, a folder above it or {@code apps/}. In it, an environment folder is
 * synth's when its {@code Kustomization} is the one synth writes (its first line names the
 * environment), and the files synth wrote there are that kustomization, {@code outputs.json},
 * {@code storage.md} and the manifests it lists that begin with synth's header. A {@code kustomization.yaml}
 * with that first line is the kustomization of an older synth: it counts the same, and goes when synth writes
 * the folder (kustomize refuses a folder with two kustomizations). This knowledge lives in
 * the folder itself, so a fresh clone's committed {@code dist/} is known without any local state, and
 * {@code cdk8s synth} (which empties the folder first) gives the same bytes. Everything else in the folder
 * is someone else's: kept, never overwritten.
 */
public final class OutputFolder {
    /** The files of every environment folder besides one manifest per app. */
    static final Set<String> ENVIRONMENT_FILES = Set.of(DistTree.KUSTOMIZATION, DistTree.OUTPUTS, StorageTopology.FILE);

    /** Why synth will not write (one line for the user; exit code 2); nothing was written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private OutputFolder() {
    }

    /**
     * Refuses {@code distDir} as the output folder of the repository at {@code rootDir} when it is the
     * file-system root, the repository or a folder above it, inside its apps folder {@code appsDir} (relative to {@code rootDir}), a file (or under one), or
     * a folder that is not empty and that synth did not write.
     */
    public static void check(Path distDir, Path rootDir, String appsDir) {
        Path out = distDir.toAbsolutePath().normalize();
        Path root = real(rootDir.toAbsolutePath().normalize());
        String instead = "; choose a folder of its own, such as " + rootDir.toAbsolutePath().normalize().resolve("dist");
        Path existing = out;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new Refused(existing.equals(out) ? "output folder " + out + " is a file, not a folder"
                    : "output folder " + out + ": " + existing + " is a file, not a folder");
        }
        // Symbolic links resolved: a link to the repository is the repository.
        Path real = existing == null ? out : real(existing).resolve(existing.relativize(out)).normalize();
        if (real.getParent() == null) {
            throw new Refused("output folder " + out + ": the root of the file system" + instead);
        }
        if (real.equals(root)) {
            throw new Refused("output folder " + out + " is the repository root, which holds the project's sources" + instead);
        }
        if (root.startsWith(real)) {
            throw new Refused("output folder " + out + " holds the repository (" + root + ")" + instead);
        }
        if (real.startsWith(root.resolve(appsDir))) {
            throw new Refused("output folder " + out + " is inside " + appsDir + "/, which holds the apps' sources" + instead);
        }
        if (Files.isDirectory(out) && !isEmpty(out) && ownedEnvironments(out).isEmpty()) {
            throw new Refused("output folder " + out + " is not empty and synth did not write it (none of its folders has the "
                    + DistTree.KUSTOMIZATION + " synth writes); choose an empty or new folder as the output folder");
        }
    }

    private static Path real(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + IoErrors.describe(e), e);
        }
    }

    /** The environment folders under {@code distDir} that synth wrote, sorted. */
    public static List<String> ownedEnvironments(Path distDir) {
        List<String> owned = new ArrayList<>();
        for (String env : DistWriter.existingEnvironments(distDir)) {
            if (wroteFolder(distDir.resolve(env), env)) {
                owned.add(env);
            }
        }
        return owned;
    }

    /** Whether synth wrote environment folder {@code envDir}, as {@link #ownedFiles} says, reading only the first line. */
    private static boolean wroteFolder(Path envDir, String env) {
        Path kustomization = kustomizationOf(envDir);
        if (kustomization == null) {
            return withoutKustomization(envDir) != null;
        }
        return isSynths(kustomization, env);
    }

    /** The folder's kustomization under synth's name, else under the name an older synth gave it; null for neither. */
    private static Path kustomizationOf(Path envDir) {
        for (String name : List.of(DistTree.KUSTOMIZATION, DistTree.LEGACY_KUSTOMIZATION)) {
            if (Files.exists(envDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return envDir.resolve(name);
            }
        }
        return null;
    }

    /** Whether {@code file} is the kustomization synth writes for {@code env} (under either name): its first line says so. */
    static boolean isSynths(Path file, String env) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && DistTree.kustomizationHeader(env).equals(firstLine(file));
    }

    /**
     * The names of the files synth wrote in environment folder {@code envDir}, as its kustomization says
     * (a listed manifest is synth's only if it {@linkplain #writtenBySynth begins with synth's header}, which
     * the caller checks before removing it); {@code null} when synth did not write the folder.
     */
    static Set<String> ownedFiles(Path envDir, String env) {
        Path kustomization = kustomizationOf(envDir);
        if (kustomization == null) {
            return withoutKustomization(envDir);
        }
        if (!Files.isRegularFile(kustomization, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(kustomization, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        if (lines.isEmpty() || !lines.get(0).equals(DistTree.kustomizationHeader(env))) {
            return null;
        }
        Set<String> names = new HashSet<>(ENVIRONMENT_FILES);
        if (isSynths(envDir.resolve(DistTree.LEGACY_KUSTOMIZATION), env)) {
            names.add(DistTree.LEGACY_KUSTOMIZATION);
        }
        boolean inResources = false;
        for (String line : lines) {
            if (line.equals("resources:")) {
                inResources = true;
            } else if (inResources && line.startsWith("  - ")) {
                String name = line.substring(4);
                if (!name.isEmpty() && !name.startsWith(".") && !name.contains("/") && !name.contains("\\")) {
                    names.add(name);
                }
            } else if (inResources) {
                inResources = false;
            }
        }
        return names;
    }

    /**
     * A folder whose kustomization was deleted (by hand, by accident) is still synth's when it holds
     * manifests synth wrote and nothing else but {@code outputs.json} and {@code storage.md}: its files.
     */
    private static Set<String> withoutKustomization(Path envDir) {
        Set<String> names = new HashSet<>();
        boolean manifest = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(envDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (writtenBySynth(entry)) {
                    manifest = true;
                } else if (!ENVIRONMENT_FILES.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return null;
                }
                names.add(name);
            }
        } catch (IOException e) {
            return null;
        }
        if (!manifest) {
            return null;
        }
        names.addAll(ENVIRONMENT_FILES);
        return names;
    }

    /** Whether regular file {@code file} begins with the header of every manifest synth writes. */
    static boolean writtenBySynth(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String first = firstLine(file);
        return first != null && first.startsWith(DistTree.MANIFEST_HEADER);
    }

    /** The first line of {@code file}; {@code null} when unreadable or not UTF-8. */
    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.readLine();
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Drops from {@code onDisk} (files of environment folders, relative to {@code distDir}) those synth
     * did not write and does not write now ({@code wanted}); returns them, sorted. Hidden files are dropped
     * without being returned.
     */
    public static List<String> dropForeign(Path distDir, Set<String> onDisk, Set<String> wanted) {
        List<String> foreign = new ArrayList<>();
        java.util.Map<String, Set<String>> ownedByEnv = new java.util.HashMap<>();
        onDisk.removeIf(path -> {
            if (wanted.contains(path)) {
                return false;
            }
            int slash = path.indexOf('/');
            String env = path.substring(0, slash);
            String name = path.substring(slash + 1);
            Set<String> owned = ownedByEnv.computeIfAbsent(env, e -> {
                Set<String> o = ownedFiles(distDir.resolve(e), e);
                return o == null ? Set.of() : o;
            });
            if (!name.contains("/") && owned.contains(name) && (ENVIRONMENT_FILES.contains(name)
                    || name.equals(DistTree.LEGACY_KUSTOMIZATION) || writtenBySynth(distDir.resolve(path)))) {
                return false;
            }
            if (!name.startsWith(".") && !name.contains("/.")) {
                foreign.add(path);
            }
            return true;
        });
        foreign.sort(null);
        return foreign;
    }
}
