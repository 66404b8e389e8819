package dev.statefulai.gate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed {@code dist/prod}, and copies of it with one field changed: a mutation names a file, an
 * object (kind/name), a JSON pointer and the new value in YAML ({@code null} removes the field).
 */
final class DistMutations {
    static final YAMLMapper YAML = new YAMLMapper();
    static final String REMOVE = null;

    /** One single-field change, with the Kubernetes 1.28 function that rejects the result. */
    record Mutation(String rule, String file, String object, String pointer, String value) {
        @Override
        public String toString() {
            return rule + ": " + object + " " + pointer + " = " + (value == null ? "(removed)" : value);
        }
    }

    private final Map<String, String> files = new TreeMap<>();

    DistMutations(Path env) {
        try (var list = Files.list(env)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes dist/prod under {@code root}, with {@code mutation} applied (or unchanged when null). */
    Path write(Path root, Mutation mutation) throws IOException {
        Path env = root.resolve("dist").resolve("prod");
        Files.createDirectories(env);
        for (Map.Entry<String, String> f : files.entrySet()) {
            String text = f.getValue();
            if (mutation != null && mutation.file().equals(f.getKey())) {
                text = apply(text, mutation);
            }
            Files.writeString(env.resolve(f.getKey()), text);
        }
        return root.resolve("dist");
    }

    private static String apply(String text, Mutation m) throws JsonProcessingException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                docs.add((JsonNode) it.nextValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean found = false;
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : docs) {
            String id = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
            if (id.equals(m.object())) {
                set(doc, m.pointer(), m.value());
                found = true;
            }
            out.append(YAML.writeValueAsString(doc));
        }
        if (!found) {
            throw new IllegalArgumentException("no " + m.object() + " in " + m.file());
        }
        return out.toString();
    }

    private static void set(JsonNode doc, String pointer, String yaml) throws JsonProcessingException {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = doc.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode value = yaml == null ? null : YAML.readTree(yaml);
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                if (o.remove(last) == null) {
                    throw new IllegalArgumentException("nothing to remove at " + pointer);
                }
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else if (value == null) {
                a.remove(Integer.parseInt(last));
            } else {
                a.set(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalArgumentException("no object or list at " + pointer.substring(0, slash) + " in " + doc);
        }
    }
}
