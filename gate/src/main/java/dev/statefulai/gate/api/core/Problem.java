package dev.statefulai.gate.api.core;

/**
 * One field the API server would reject, in the words of its field errors
 * ({@code k8s.io/apimachinery/pkg/util/validation/field/errors.go}).
 *
 * @param path     the field, e.g. {@code spec.containers[0].ports[1].name}
 * @param detail   what is wrong and what is allowed, e.g. {@code Unsupported value: "Foo": supported values: "Bar"}
 * @param function the Kubernetes 1.28 validation function that rejects it (the rule's source)
 */
public record Problem(String path, String detail, String function) {

    @Override
    public String toString() {
        return path + ": " + detail + " (" + function + ")";
    }
}
