package dev.statefulai.constructs;

import java.util.Map;
import java.util.TreeMap;

/** The recommended {@code app.kubernetes.io/*} labels. */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private Labels() {
    }

    /** The selector: only the name, because a selector can never change after creation. */
    public static Map<String, String> selector(String name) {
        return Map.of(NAME, name);
    }

    /** All labels of an object of the app. */
    public static Map<String, String> of(String name, String component, String partOf) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(NAME, name);
        labels.put(MANAGED_BY, "cdk8s");
        if (component != null) {
            labels.put(COMPONENT, component);
        }
        if (partOf != null) {
            labels.put(PART_OF, partOf);
        }
        return labels;
    }
}
