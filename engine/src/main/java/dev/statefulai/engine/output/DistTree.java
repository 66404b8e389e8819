package dev.statefulai.engine.output;

import dev.statefulai.engine.topology.StorageTopology;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.statefulai.engine.environments.EnvironmentFile;
import dev.statefulai.facts.TextFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The content of {@code dist/}, as relative path to file text: per environment, one manifest file per
 * app, a picture of the apps' storage ({@code storage.md}, a section per app), a {@code Kustomization}
 * listing the manifests (so a GitOps engine or {@code kubectl apply -k} can point at the folder) whose
 * header names the environment's cluster target, and {@code outputs.json} with the names each app made.
 * A pure function of the synth results, so the same inputs give the same bytes on any machine.
 */
public final class DistTree {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * The kustomization of every environment folder: lists the folder's manifests. Of the names kustomize
     * takes (kustomize api/konfig/general.go {@code RecognizedKustomizationFileNames}: {@code kustomization.yaml},
     * {@code kustomization.yml}, {@code Kustomization}), the one without {@code .yaml}: the cdk8s CLI takes every
     * {@code *.yaml} under its output folder for a manifest (cdk8s-cli lib/util.js {@code findManifests}), and so
     * do kubeconform-style globs. Argo CD (util/kustomize/kustomize.go {@code KustomizationNames}) and Flux
     * (fluxcd/pkg kustomize {@code findOrGenerateKustomization}) look for the same three names.
     */
    public static final String KUSTOMIZATION = "Kustomization";
    /** The name synth gave the kustomization before: known as synth's by its header and removed. */
    public static final String LEGACY_KUSTOMIZATION = "kustomization.yaml";
    /** The names each app made, per environment folder. */
    public static final String OUTPUTS = "outputs.json";
    /** How every manifest synth writes begins (then the app's name): how a manifest is known as synth's. */
    public static final String MANIFEST_HEADER = "# Generated from apps/";

    private final SortedMap<String, String> files;
    private final SortedSet<String> keptInDist;

    /**
     * A tree of {@code files} (relative path to content) and of manifests {@code keptInDist}: named, not
     * held, because {@code dist/} already holds them as they should be.
     */
    public DistTree(SortedMap<String, String> files, SortedSet<String> keptInDist) {
        this.files = files;
        this.keptInDist = keptInDist;
    }

    /**
     * Renders the files of the given results (each with its storage picture), grouped by environment; the
     * manifest of a result {@linkplain UnitOutput#keptInDist() kept in dist/} is not held, only named.
     */
    public static DistTree render(List<UnitOutput> results) {
        return render(results, EnvironmentFile.Targets.defaults());
    }

    /** As {@link #render(List)}, each environment's kustomization naming its target in {@code targets}. */
    public static DistTree render(List<UnitOutput> results, EnvironmentFile.Targets targets) {
        Map<String, List<UnitOutput>> byEnv = new TreeMap<>();
        for (UnitOutput r : results) {
            byEnv.computeIfAbsent(r.environment(), e -> new ArrayList<>()).add(r);
        }
        SortedMap<String, String> files = new TreeMap<>();
        SortedSet<String> kept = new TreeSet<>();
        byEnv.forEach((env, envResults) -> {
            envResults.sort(Comparator.comparing(UnitOutput::app));
            Map<String, Object> outputs = new LinkedHashMap<>();
            List<String> pictures = new ArrayList<>();
            StringBuilder kustomization = new StringBuilder()
                    .append(kustomizationHeader(env)).append('\n')
                    .append(targets.of(env).headerLine(targets.source(env))).append('\n')
                    .append("# Apply with 'kubectl apply -k dist/").append(env).append("' or point a GitOps engine at this folder.\n")
                    .append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
                    .append("kind: Kustomization\n")
                    .append("resources:\n");
            for (UnitOutput r : envResults) {
                String file = r.app() + ".yaml";
                if (r.keptInDist()) {
                    kept.add(env + "/" + file);
                } else {
                    files.put(env + "/" + file, header(r) + r.yaml());
                }
                pictures.add(r.topology());
                kustomization.append("  - ").append(file).append('\n');
                outputs.put(r.app(), r.outputs());
            }
            files.put(env + "/" + KUSTOMIZATION, kustomization.toString());
            files.put(env + "/" + OUTPUTS, json(Map.of("environment", env, "apps", outputs)));
            files.put(env + "/" + StorageTopology.FILE, StorageTopology.document(env, pictures));
        });
        return new DistTree(files, kept);
    }


    /** The first line of environment {@code env}'s kustomization: how an environment folder is known as synth's. */
    public static String kustomizationHeader(String env) {
        return "# Generated: every manifest of environment '" + env + "'.";
    }

    private static String header(UnitOutput r) {
        return MANIFEST_HEADER + r.app() + " (values.yaml, values-" + r.environment()
                + ".yaml). Do not edit: change the values or the code and run bin/ai-storage synth.\n";
    }

    private static String json(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        try {
            return JSON.writer(printer).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative path to content, sorted: every file but those {@linkplain #keptInDist() kept in dist/}. */
    public SortedMap<String, String> files() {
        return files;
    }

    /**
     * The relative paths of manifests that {@code dist/} already holds exactly as they should be (an
     * incremental synth verified them): part of the tree, but neither read nor written. Empty when
     * every unit was synthesized.
     */
    public SortedSet<String> keptInDist() {
        return keptInDist;
    }

    /** The environments this tree holds. */
    public List<String> environments() {
        return files.keySet().stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().toList();
    }

    /**
     * The largest file of {@code dist/} read back (by {@code synth --check} and {@code diff}), checked before reading: a
     * manifest is kilobytes, and an environment's {@code storage.md} about 2 KiB per app, so 64 MiB holds some 30,000 apps
     * in one environment and keeps a file someone else put there (a dump, a model) from ending in an OutOfMemoryError.
     */
    public static final int MAX_FILE_BYTES = 64 << 20;

    /**
     * Reads the files of the given environments under {@code dir}; a missing folder reads as empty, and what is not a
     * regular file (or a link to one) is not read.
     *
     * @throws UncheckedIOException naming the file that cannot be read, is larger than {@link #MAX_FILE_BYTES} or is
     *                              not UTF-8 ({@link TextFile}), or the folder that cannot be listed
     */
    public static SortedMap<String, String> read(Path dir, List<String> environments) {
        return readFiles(dir, list(dir, environments));
    }

    /** The regular files (or links to one) of the given environments under {@code dir}, relative to it; a missing folder has none. */
    public static SortedSet<String> list(Path dir, List<String> environments) {
        SortedSet<String> names = new TreeSet<>();
        for (String env : environments) {
            Path envDir = dir.resolve(env);
            if (!Files.isDirectory(envDir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(envDir)) {
                walk.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The files {@code names} (relative to {@code dir}) as {@link #read(Path, List)} reads them. */
    public static SortedMap<String, String> readFiles(Path dir, Collection<String> names) {
        SortedMap<String, String> files = new TreeMap<>();
        for (String name : names) {
            Path f = dir.resolve(name);
            try {
                files.put(name, TextFile.read(f, f.toString(), MAX_FILE_BYTES, "a file of dist/"));
            } catch (IllegalArgumentException e) {
                throw new UncheckedIOException(e.getMessage(), new IOException(e.getMessage(), e));
            }
        }
        return files;
    }
}
