package dev.statefulai.cli;

import dev.statefulai.engine.output.DistWriter;
import dev.statefulai.facts.EnvironmentName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outputs}: the names of what each app made, per environment, read from
 * {@code dist/<env>/outputs.json}: StatefulSets, Services, the claim of every replica, standalone claims,
 * StorageClasses and PersistentVolumes.
 */
@Command(name = "outputs", mixinStandardHelpOptions = true,
        description = "Show the names of what each app made (StatefulSets, Services, claims per replica, StorageClasses, PVs).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:no dist/ output for the environment asked for"})
public final class OutputsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Output keys that name objects, and the kind they name, in the order the table lists them. */
    private static final Map<String, String> KINDS = orderedKinds(
            "statefulSet", "StatefulSet", "service", "Service", "podDisruptionBudget", "PodDisruptionBudget",
            "claims", "PersistentVolumeClaim", "claim", "PersistentVolumeClaim",
            "storageClass", "StorageClass", "storageClasses", "StorageClass",
            "persistentVolumes", "PersistentVolume", "persistentVolume", "PersistentVolume");
    /** Kinds whose objects are cluster-scoped: no namespace column. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("StorageClass", "PersistentVolume",
            "VolumeSnapshotClass");
    /** Constructs that are one object of their own kind (the output's name is the object's). */
    private static final Set<String> SINGLE_OBJECTS = Set.of("VolumeSnapshotClass", "VolumeSnapshot");

    @Option(names = "--root", description = "Repository root (default: the current folder).", defaultValue = ".")
    Path root;

    @Option(names = {"-e", "--env"}, description = "Environment; repeatable (default: all in dist/).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    Format format;

    /** Output formats. */
    enum Format { table, json }

    @Override
    public Integer call() throws IOException {
        Path rootDir = root.toAbsolutePath().normalize();
        Path dist = rootDir.resolve("dist");
        // Without --env: the environment folders of dist/, not whatever else is there.
        List<String> envs = environments.isEmpty()
                ? DistWriter.existingEnvironments(dist).stream().filter(EnvironmentName::isValid).toList() : environments;
        ObjectNode all = JSON.createObjectNode();
        for (String env : envs) {
            if (!EnvironmentName.isValid(env)) {
                System.err.println("error: --env " + Style.oneLine(env) + ": not an environment name; allowed: " + EnvironmentName.RULE
                        + "; environments in dist/: " + DistWriter.existingEnvironments(dist));
                return SynthCommand.BAD_INPUT;
            }
            Path file = dist.resolve(env).resolve("outputs.json");
            if (!Files.exists(file)) {
                System.err.println("error: no " + rootDir.relativize(file) + "; environments in dist/: "
                        + DistWriter.existingEnvironments(dist) + " (run bin/ai-storage synth first)");
                return SynthCommand.BAD_INPUT;
            }
            String problem = null;
            JsonNode apps = null;
            if (!Files.isRegularFile(file)) {
                problem = "not a regular file";
            } else {
                try {
                    apps = JSON.readTree(file.toFile()).path("apps");
                    if (!apps.isObject()) {
                        problem = "no object 'apps' of the apps and the names they made";
                    }
                } catch (JsonProcessingException e) {
                    problem = "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                            + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr());
                }
            }
            if (problem != null) {
                System.err.println("error: " + rootDir.relativize(file) + " is not the outputs.json synth writes (" + problem
                        + "); run bin/ai-storage synth");
                return SynthCommand.BAD_INPUT;
            }
            all.set(env, apps);
        }
        if (format == Format.json) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            return 0;
        }
        Set<List<String>> rows = new LinkedHashSet<>();
        rows.add(List.of("ENV", "APP", "KIND", "NAME", "NAMESPACE"));
        all.fields().forEachRemaining(env -> env.getValue().fields().forEachRemaining(app ->
                app.getValue().fields().forEachRemaining(construct ->
                        addRows(rows, env.getKey(), app.getKey(), construct.getKey(), construct.getValue()))));
        print(new ArrayList<>(rows));
        return 0;
    }

    /**
     * The objects one construct made: a snapshot or snapshot class is itself the object; a
     * {@code StatefulAIApp} or {@code DataPipelineStorage} names its objects under the keys of
     * {@link #KINDS}, a pipeline's per volume under {@code volumes}. A row that repeats (a class shared by
     * volumes) is listed once.
     */
    private static void addRows(Set<List<String>> rows, String env, String app, String name, JsonNode outputs) {
        String namespace = outputs.path("namespace").asText("-");
        String kind = outputs.path("kind").asText();
        if (SINGLE_OBJECTS.contains(kind)) {
            rows.add(List.of(env, app, kind, name, CLUSTER_SCOPED.contains(kind) ? "-" : namespace));
            return;
        }
        addNamedObjects(rows, env, app, namespace, outputs);
        outputs.path("volumes").forEach(volume -> addNamedObjects(rows, env, app, namespace, volume));
    }

    private static void addNamedObjects(Set<List<String>> rows, String env, String app, String namespace,
            JsonNode outputs) {
        KINDS.forEach((key, kind) -> {
            JsonNode value = outputs.get(key);
            if (value != null) {
                for (String name : names(value)) {
                    rows.add(List.of(env, app, kind, name, CLUSTER_SCOPED.contains(kind) ? "-" : namespace));
                }
            }
        });
    }

    private static Map<String, String> orderedKinds(String... keysAndKinds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndKinds.length; i += 2) {
            out.put(keysAndKinds[i], keysAndKinds[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** A name, a list of names, or claims by template: {template: [names]}. */
    private static List<String> names(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value.isTextual()) {
            names.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(v -> names.add(v.asText()));
        } else {
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                names.addAll(names(it.next()));
            }
        }
        return names;
    }

    private static void print(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + (widths[i] + 2) + "s", r.get(i)));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }
}
