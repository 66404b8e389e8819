package dev.statefulai.constructs.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields of an object that the cdk8s-plus-28 L1 classes do not know, because a Kubernetes release after 1.28
 * added them (a claim's {@code volumeAttributesClassName}): each set at a JSON pointer of the rendered object,
 * after the L1 rendering, on either render path. cdk8s cannot write them by a JSON patch, since an L1 class's
 * {@code toJson} keeps only the fields of its props ({@code toJson_<Kind>Props} in cdk8s-plus-28's
 * lib/imports/k8s.js) after the patches are applied; see {@link KubeObject#define(software.constructs.Construct,
 * String, Object, KubeObject.L1, NewerFields)}. The construct that writes one refuses it first on a target
 * that lacks it (the cluster package's {@code TargetCluster}).
 */
public final class NewerFields {
    private static final NewerFields NONE = new NewerFields(List.of());

    /** A field: where, and what. */
    private record Field(List<String> path, Object value) {
    }

    private final List<Field> fields;

    private NewerFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** No fields. */
    public static NewerFields none() {
        return NONE;
    }

    /** These fields and {@code value} at {@code pointer} (e.g. {@code /spec/volumeAttributesClassName}); a null value adds none. */
    public NewerFields with(String pointer, Object value) {
        if (value == null) {
            return this;
        }
        if (!pointer.startsWith("/") || pointer.length() < 2) {
            throw new IllegalArgumentException("not a JSON pointer to a field: " + pointer);
        }
        List<Field> more = new ArrayList<>(fields);
        more.add(new Field(List.of(pointer.substring(1).split("/")), value));
        return new NewerFields(more);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * {@code rendered} (an object as cdk8s renders it) with the fields set, as a copy along each field's path;
     * every step but the last must exist (a map, or a list by index).
     */
    public Map<String, Object> applyTo(Map<String, Object> rendered) {
        Map<String, Object> out = new LinkedHashMap<>(rendered);
        for (Field f : fields) {
            set(out, f.path, 0, f.value);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object container, List<String> path, int at, Object value) {
        String step = path.get(at);
        boolean last = at == path.size() - 1;
        if (container instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            if (last) {
                map.put(step, value);
                return;
            }
            Object child = copy(map.get(step), path, at);
            map.put(step, child);
            set(child, path, at + 1, value);
        } else if (container instanceof List<?> raw && !last) {
            List<Object> list = (List<Object>) raw;
            int index = Integer.parseInt(step);
            Object child = copy(list.get(index), path, at);
            list.set(index, child);
            set(child, path, at + 1, value);
        } else {
            throw new IllegalStateException("no field /" + String.join("/", path.subList(0, at + 1)) + " to set a field under");
        }
    }

    /** A modifiable copy of a map or list on the way to a field. */
    private static Object copy(Object node, List<String> path, int at) {
        if (node instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        if (node instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new IllegalStateException("no object at /" + String.join("/", path.subList(0, at + 1)) + " to set a field in");
    }
}
