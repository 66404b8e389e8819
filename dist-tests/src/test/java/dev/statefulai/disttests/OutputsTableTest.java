package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.statefulai.cli.testing.CliRun;
import dev.statefulai.engine.testing.RepoRoot;
import dev.statefulai.facts.EnvironmentName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/ai-storage outputs} lists what each app made: every StatefulSet, Service,
 * PodDisruptionBudget, claim (standalone or a replica's), StorageClass, PersistentVolume and snapshot
 * (class) of the committed dist/, of both constructs, and nothing that is not there.
 */
class OutputsTableTest {
    private static final Set<String> LISTED_KINDS = Set.of("StatefulSet", "Service", "PodDisruptionBudget",
            "PersistentVolumeClaim", "StorageClass", "PersistentVolume", "VolumeSnapshotClass", "VolumeSnapshot");

    @Test
    void theTableNamesEveryObjectOfEveryAppInEachEnvironment() throws IOException {
        Path root = RepoRoot.find();
        for (String env : List.of("dev", "staging", "prod")) {
            CliRun run = CliRun.of("outputs", "--root", root.toString(), "--env", env);
            assertEquals(0, run.exitCode(), run.err());
            Set<String> listed = new TreeSet<>();
            run.out().lines().skip(1).forEach(line -> {
                String[] cells = line.trim().split("\\s+");
                listed.add(cells[2] + " " + (cells[4].equals("-") ? "" : cells[4] + "/") + cells[3]);
            });
            assertEquals(objectsOf(root.resolve("dist").resolve(env)), listed, "outputs --env " + env);
        }
    }

    @Test
    void anEnvironmentThatLeadsOutOfDistIsRefused() {
        CliRun run = CliRun.of("outputs", "--root", RepoRoot.find().toString(), "--env", "../..");
        assertEquals(2, run.exitCode());
        assertEquals("error: --env ../..: not an environment name; allowed: " + EnvironmentName.RULE
                + "; environments in dist/: [dev, prod, staging]\n", run.err());
        assertEquals("", run.out());
    }

    /** "Kind namespace/name" of every object of the listed kinds, and of every StatefulSet replica's claim. */
    private static Set<String> objectsOf(Path envDir) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> out = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(envDir)) {
            files = list.filter(f -> f.toString().endsWith(".yaml") /* the kustomization is Kustomization: no *.yaml glob takes it */).sorted().toList();
        }
        for (Path file : files) {
            List<JsonNode> docs = new ArrayList<>();
            yaml.readValues(yaml.getFactory().createParser(file.toFile()), JsonNode.class).forEachRemaining(docs::add);
            for (JsonNode doc : docs) {
                if (!(doc instanceof ObjectNode) || !LISTED_KINDS.contains(doc.path("kind").asText())) {
                    continue;
                }
                String kind = doc.path("kind").asText();
                String namespace = doc.path("metadata").path("namespace").asText("");
                String prefix = namespace.isEmpty() ? "" : namespace + "/";
                out.add(kind + " " + prefix + doc.path("metadata").path("name").asText());
                if (kind.equals("StatefulSet")) {
                    String sts = doc.path("metadata").path("name").asText();
                    for (JsonNode template : doc.path("spec").path("volumeClaimTemplates")) {
                        for (int i = 0; i < doc.path("spec").path("replicas").asInt(1); i++) {
                            out.add("PersistentVolumeClaim " + prefix + template.path("metadata").path("name").asText()
                                    + "-" + sts + "-" + i);
                        }
                    }
                }
            }
        }
        return out;
    }
}
