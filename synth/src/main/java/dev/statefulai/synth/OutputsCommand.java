package dev.statefulai.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    /** Output keys that name objects, and the kind they name. */
    private static final Map<String, String> KINDS = Map.of(
            "statefulSet", "StatefulSet", "service", "Service", "podDisruptionBudget", "PodDisruptionBudget",
            "storageClass", "StorageClass", "persistentVolumes", "PersistentVolume", "persistentVolume", "PersistentVolume",
            "claim", "PersistentVolumeClaim", "claims", "PersistentVolumeClaim");
    private static final List<String> ORDER = List.of("statefulSet", "service", "podDisruptionBudget", "claims", "claim",
            "storageClass", "persistentVolumes", "persistentVolume");

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
        List<String> envs = environments.isEmpty() ? DistWriter.existingEnvironments(dist) : environments;
        ObjectNode all = JSON.createObjectNode();
        for (String env : envs) {
            Path file = dist.resolve(env).resolve("outputs.json");
            if (!Files.exists(file)) {
                System.err.println("error: no " + rootDir.relativize(file) + "; environments in dist/: "
                        + DistWriter.existingEnvironments(dist) + " (run bin/ai-storage synth first)");
                return SynthCommand.BAD_INPUT;
            }
            all.set(env, JSON.readTree(file.toFile()).path("apps"));
        }
        if (format == Format.json) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ENV", "APP", "KIND", "NAME", "NAMESPACE"});
        all.fields().forEachRemaining(env -> env.getValue().fields().forEachRemaining(app ->
                app.getValue().fields().forEachRemaining(construct -> addRows(rows, env.getKey(), app.getKey(), construct.getValue()))));
        print(rows);
        return 0;
    }

    private static void addRows(List<String[]> rows, String env, String app, JsonNode outputs) {
        String namespace = outputs.path("namespace").asText("-");
        for (String key : ORDER) {
            JsonNode value = outputs.get(key);
            if (value == null) {
                continue;
            }
            boolean clusterScoped = key.startsWith("storageClass") || key.startsWith("persistentVolume");
            for (String name : names(value)) {
                rows.add(new String[] {env, app, KINDS.get(key), name, clusterScoped ? "-" : namespace});
            }
        }
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

    private static void print(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + (widths[i] + 2) + "s", r[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }
}
