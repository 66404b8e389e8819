package dev.statefulai.engine.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code construct-metadata.json} at the top of the output folder: the construct behind each object, which the
 * cdk8s CLI hands to validation plugins so that a finding names the construct path. The CLI asks for it with
 * {@code CDK8S_RECORD_CONSTRUCT_METADATA=true} when {@code cdk8s.yaml} declares validations (cdk8s-cli
 * lib/util.js {@code synthApp}), and reads it in the format cdk8s's {@code App.writeConstructMetadata} writes:
 * {@code {"version": "1.0.0", "resources": {<resource>: {"path": <construct path>}}}} (cdk8s-cli
 * lib/plugins/validation.js {@code loadConstructMetadata}). A resource here is
 * {@code <environment>/<kind>/<namespace as written, or empty>/<name>}, the key the repository's validation
 * plugin (tools/cdk8s-validation) builds from each finding. The file carries {@code "generator"} so that synth
 * knows it as its own: written when asked for, removed by a synth that is not asked for it, never over a file of
 * someone else's.
 */
public final class ConstructMetadata {
    /** The file, at the top of the output folder (not in an environment folder: it is no manifest). */
    public static final String FILE = "construct-metadata.json";
    /** The environment variable the cdk8s CLI sets to ask for the file. */
    public static final String REQUEST = "CDK8S_RECORD_CONSTRUCT_METADATA";
    private static final String GENERATOR = "bin/ai-storage synth";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ConstructMetadata() {
    }

    /** Whether this process was asked to record construct paths ({@value #REQUEST}{@code =true}). */
    public static boolean requested() {
        return "true".equals(System.getenv(REQUEST));
    }

    /** The key of an object of {@code environment}: {@code <environment>/<kind>/<namespace>/<name>}. */
    public static String key(String environment, String kind, String namespace, String name) {
        return environment + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    }

    /**
     * The construct paths of rendered {@code documents}: {@code chartId/path} of each, keyed by
     * {@link #key} without the environment (the unit adds it).
     */
    public static Map<String, String> paths(String chartId, List<Map<String, Object>> documents, List<String> paths) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < documents.size() && i < paths.size(); i++) {
            Map<String, Object> doc = documents.get(i);
            Object meta = doc.get("metadata");
            Map<?, ?> metadata = meta instanceof Map<?, ?> m ? m : Map.of();
            out.put(doc.get("kind") + "/" + Optional.ofNullable(metadata.get("namespace")).orElse("") + "/" + metadata.get("name"),
                    chartId + "/" + paths.get(i));
        }
        return out;
    }

    /**
     * Refuses, before anything is written, to write the file over one of someone else's.
     *
     * @throws OutputFolder.Refused when a file synth did not write is where the file goes
     */
    public static void checkWritable(Path distDir, String shown, boolean requested) {
        Path file = distDir.resolve(FILE);
        if (requested && Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !isSynths(file)) {
            throw new OutputFolder.Refused(shown + "/" + FILE + ": synth did not write it and would overwrite it; move it away");
        }
    }

    /**
     * Writes the file for {@code results} into {@code distDir} when asked for, or removes the one an earlier synth
     * wrote when not; returns what it did, as the output folder is {@code shown}, or empty.
     */
    public static Optional<String> update(Path distDir, String shown, List<UnitOutput> results, boolean requested) {
        Path file = distDir.resolve(FILE);
        boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        try {
            if (!requested) {
                if (exists && isSynths(file)) {
                    Files.delete(file);
                    return Optional.of("removed " + shown + "/" + FILE);
                }
                return Optional.empty();
            }
            checkWritable(distDir, shown, true);
            Map<String, Object> resources = new TreeMap<>();
            for (UnitOutput r : results) {
                r.constructPaths().forEach((k, path) -> resources.put(r.environment() + "/" + k, Map.of("path", path)));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("version", "1.0.0");
            doc.put("generator", GENERATOR);
            doc.put("resources", resources);
            Files.writeString(file, JSON.writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
            return Optional.of("wrote " + shown + "/" + FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + shown + "/" + FILE + ": " + IoErrors.describe(e), e);
        }
    }

    private static boolean isSynths(Path file) {
        try {
            JsonNode doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return doc != null && GENERATOR.equals(doc.path("generator").asText(null));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
