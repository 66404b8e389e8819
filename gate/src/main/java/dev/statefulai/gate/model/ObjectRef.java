package dev.statefulai.gate.model;

/** A Kubernetes object as people name it: kind, namespace ("" when cluster-scoped) and name. */
public record ObjectRef(String kind, String namespace, String name) {

    public static ObjectRef cluster(String kind, String name) {
        return new ObjectRef(kind, "", name);
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
