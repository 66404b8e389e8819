package dev.statefulai.constructs.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.JsonPatch;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The objects already defined under a scope, read back as manifests and annotated, on either render path: what a
 * construct needs to add a concern to objects other constructs made (GitOps protection on every object that holds
 * data, backup hooks on a StatefulSet's pods) without a prop in each of them. Like cdk8s's {@code addJsonPatch},
 * it acts on the objects that exist when it is called: call it after the constructs it reads.
 *
 * <p>On cdk8s's path the objects are the {@link ApiObject}s under the scope: read with {@code toJson()}, annotated
 * with a JSON patch that adds the merged annotations. While a {@link Recording} records, the same happens to the
 * recorded objects when the chart is rendered ({@link ChartTrees}), in the order of the calls, so both paths make
 * the same tree.
 */
public final class ObjectsUnder {

    /** Where in a manifest the annotations (or labels) go. */
    public enum Place {
        /** The object's own {@code metadata.annotations}. */
        METADATA(List.of("metadata"), "annotations"),
        /** The object's own {@code metadata.labels} (label values: at most 63 characters). */
        LABELS(List.of("metadata"), "labels"),
        /** The pod template's {@code spec.template.metadata.annotations}; objects without a pod template are passed over. */
        POD_TEMPLATE(List.of("spec", "template", "metadata"), "annotations");

        private final String pointer;
        private final List<String> parent;
        private final String field;

        Place(List<String> parent, String field) {
            this.pointer = "/" + String.join("/", parent) + "/" + field;
            this.parent = parent;
            this.field = field;
        }

        /** The map the annotations go in, or null when the manifest has no such place (no pod template). */
        @SuppressWarnings("unchecked")
        Map<String, Object> parentIn(Map<String, Object> manifest) {
            Object at = manifest;
            for (String key : parent) {
                at = at instanceof Map<?, ?> map ? map.get(key) : null;
            }
            return at instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        }
    }

    /** The annotations one object gets, chosen from its manifest and those of the other objects under the scope. */
    @FunctionalInterface
    public interface Chooser {
        /**
         * @param manifest   the object, as it would be written now
         * @param neighbours every object under the scope (this one included), as they would be written now
         * @return the annotations to add (replacing one of the same key); empty for none
         */
        Map<String, String> annotationsFor(Map<String, Object> manifest, List<Map<String, Object>> neighbours);
    }

    private ObjectsUnder() {
    }

    /** The manifests of the objects defined under {@code scope} so far, in synth order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> manifests(Construct scope) {
        Recording recording = Recording.active();
        if (recording != null) {
            return ChartTrees.of(recording, recording.objectsUnder(scope));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ApiObject object : apiObjects(scope)) {
            out.add((Map<String, Object>) object.toJson());
        }
        return out;
    }

    /** Adds to each object defined under {@code scope} so far the annotations {@code chooser} gives it, at {@code place}. */
    public static void annotate(Construct scope, Place place, Chooser chooser) {
        Recording recording = Recording.active();
        if (recording != null) {
            recording.amend(new Amendment(recording.objectsUnder(scope), place, chooser));
            return;
        }
        List<ApiObject> objects = apiObjects(scope);
        List<Map<String, Object>> manifests = manifests(scope);
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> merged = merged(manifests.get(i), place, chooser.annotationsFor(manifests.get(i), manifests));
            if (merged != null) {
                objects.get(i).addJsonPatch(JsonPatch.add(place.pointer, merged));
            }
        }
    }

    /** One {@link #annotate} call while recording: applied when the chart is rendered. */
    record Amendment(List<RecordedObject> objects, Place place, Chooser chooser) {
        /** Applies the call to the manifests of its objects (in the same order), in place. */
        void apply(List<Map<String, Object>> manifests) {
            List<Map<String, Object>> merged = new ArrayList<>();
            for (Map<String, Object> manifest : manifests) {
                merged.add(ObjectsUnder.merged(manifest, place, chooser.annotationsFor(manifest, manifests)));
            }
            for (int i = 0; i < manifests.size(); i++) {
                if (merged.get(i) != null) {
                    place.parentIn(manifests.get(i)).put(place.field, merged.get(i));
                }
            }
        }
    }

    /** The annotations at {@code place} with {@code added}, or null when nothing is added or there is no such place. */
    private static Map<String, Object> merged(Map<String, Object> manifest, Place place, Map<String, String> added) {
        Map<String, Object> parent = place.parentIn(manifest);
        if (added == null || added.isEmpty() || parent == null) {
            return null;
        }
        Map<String, Object> annotations = new LinkedHashMap<>();
        if (parent.get(place.field) instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> annotations.put((String) k, v));
        }
        annotations.putAll(added);
        return annotations;
    }

    private static List<ApiObject> apiObjects(Construct scope) {
        List<ApiObject> out = new ArrayList<>();
        for (IConstruct c : scope.getNode().findAll()) {
            if (ApiObject.isApiObject(c)) {
                out.add((ApiObject) c);
            }
        }
        return out;
    }
}
