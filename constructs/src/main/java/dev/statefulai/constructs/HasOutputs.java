package dev.statefulai.constructs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A construct that tells the names of what it made (the StatefulSet, its Service, the claims of each
 * replica, StorageClasses, PersistentVolumes), so that other tools and people can find them. The synth
 * writes them to {@code outputs.json} beside the manifests.
 */
public interface HasOutputs {

    /** A stable name for this construct in the outputs file, usually its Kubernetes name. */
    String outputName();

    /** The names, keyed by what they are; values are strings or lists of strings. Sorted by key. */
    Map<String, Object> outputs();

    /** The start of every construct's outputs: its {@code kind} and {@code namespace} (see {@link Namespace#describe}), in a map to add to. */
    static Map<String, Object> outputs(String kind, String namespace) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("namespace", Namespace.describe(namespace));
        return out;
    }
}
