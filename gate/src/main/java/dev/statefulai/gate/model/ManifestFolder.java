package dev.statefulai.gate.model;

import dev.statefulai.facts.TextFile;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the gate reads manifests, and how a file of that folder becomes a key {@code <environment>/<path>}:
 * <ul>
 *   <li>{@linkplain #dist dist/}: one folder per environment, its {@code *.yaml} files the manifests (what
 *       synth writes; a kustomization is not one);</li>
 *   <li>{@linkplain #anyFolder any folder} of manifests (Helm or kustomize output, another team's GitOps
 *       repository): one environment, every {@code .yaml}, {@code .yml} and {@code .json} file under it,
 *       at any depth, hidden folders left out.</li>
 * </ul>
 *
 * @param dir         the folder
 * @param environment the one environment of {@linkplain #anyFolder any folder}; null for dist/
 */
public record ManifestFolder(Path dir, String environment) {
    /**
     * The names kustomize takes for a kustomization (sigs.k8s.io/kustomize api/konfig/general.go,
     * {@code RecognizedKustomizationFileNames}); synth writes {@code Kustomization}, which no {@code *.yaml} glob takes.
     */
    public static final List<String> KUSTOMIZATION_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    /** How many lines of a kustomization's header comment are read for its target. */
    private static final int HEADER_LINES = 10;

    /** A dist/ folder: an environment per folder. */
    public static ManifestFolder dist(Path dir) {
        return new ManifestFolder(dir, null);
    }

    /** Any folder of manifests, checked as environment {@code environment}. */
    public static ManifestFolder anyFolder(Path dir, String environment) {
        return new ManifestFolder(dir, environment);
    }

    /** Whether this is a dist/ folder (strict: every YAML document there must be an object). */
    public boolean isDist() {
        return environment == null;
    }

    /** The environments of the folder, sorted. */
    public List<String> environments() {
        if (!isDist()) {
            return List.of(environment);
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key of the file at {@code path} (relative to the folder, '/'-separated) among {@code environments},
     * or null when the gate does not read it.
     */
    public String keyOf(String path, List<String> environments) {
        if (path.startsWith(".") || path.contains("/.")) {
            return null;
        }
        if (isDist()) {
            int slash = path.indexOf('/');
            boolean topLevelYaml = slash > 0 && path.indexOf('/', slash + 1) < 0 && path.endsWith(".yaml");
            return topLevelYaml && environments.contains(path.substring(0, slash)) ? path : null;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        boolean manifestFile = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
        return manifestFile && environments.contains(environment) ? environment + "/" + path : null;
    }

    /** How people find the file of {@code key}: {@code dist/<env>/<file>}, or its path in the folder checked. */
    public String shown(String key) {
        return isDist() ? "dist/" + key : key.substring(key.indexOf('/') + 1);
    }

    /**
     * The cluster environment {@code env} deploys to, as the header comment of its kustomization names it
     * ({@link ClusterTarget#headerLine}, which synth writes from {@code environments/<env>.yaml}): of
     * {@code dist/<env>/}, or of the folder itself for {@linkplain #anyFolder any folder}; the default target
     * (Kubernetes 1.28) when there is none.
     */
    public ClusterTarget target(String env) {
        Path folder = isDist() ? dir.resolve(env) : dir;
        for (String name : KUSTOMIZATION_NAMES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                for (int i = 0; i < HEADER_LINES && (line = reader.readLine()) != null && line.startsWith("#"); i++) {
                    var target = ClusterTarget.fromHeader(line);
                    if (target.isPresent()) {
                        return target.get();
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return ClusterTarget.DEFAULT;
            }
        }
        return ClusterTarget.DEFAULT;
    }

    /**
     * The files of {@code environments} in the working tree, by key.
     *
     * @throws IllegalArgumentException naming the file that is not a regular file of UTF-8 text of at most
     *                                  {@link TextFile#MAX_MANIFEST_BYTES}, or the folder that cannot be listed
     */
    public SortedMap<String, String> read(List<String> environments) {
        SortedMap<String, String> files = new TreeMap<>();
        List<Path> roots = isDist() ? environments.stream().map(dir::resolve).toList() : List.of(dir);
        for (Path root : roots) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException("cannot list " + root + ": " + e.getMessage());
            }
            for (Path f : paths) {
                String key = keyOf(dir.relativize(f).toString().replace('\\', '/'), environments);
                // A path named like a manifest is read or refused, never skipped: a pipe or a device is refused
                // before it is opened (TextFile); a folder is walked into.
                if (key != null && !Files.isDirectory(f)) {
                    files.put(key, TextFile.read(f, f.toString(), TextFile.MAX_MANIFEST_BYTES, "a manifest file"));
                }
            }
        }
        return files;
    }
}
