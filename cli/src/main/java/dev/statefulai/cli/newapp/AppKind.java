package dev.statefulai.cli.newapp;

import dev.statefulai.engine.values.DidYouMean;
import java.util.Arrays;
import java.util.List;

/** What {@code new-app --kind} can scaffold: which construct the app maps its values to. */
enum AppKind {
    /** A StatefulSet with a volume per replica: {@code StatefulAIApp}. */
    STATEFUL_AI("stateful-ai", 52, "the StatefulSet",
            "set image to your workload's image, pinned to a version, and check mountPath, port and sizes"),
    /** Existing EBS volumes, each bound to one claim: {@code DataPipelineStorage}. */
    DATA_PIPELINE("data-pipeline", 63, "the claims' part-of label",
            "replace the placeholder volumeId in each values-<env>.yaml with the EBS volume that holds that environment's data, and its zone");

    private final String value;
    private final int maxNameLength;
    private final String namedObject;
    private final String firstEdit;

    AppKind(String value, int maxNameLength, String namedObject, String firstEdit) {
        this.value = value;
        this.maxNameLength = maxNameLength;
        this.namedObject = namedObject;
        this.firstEdit = firstEdit;
    }

    /** The kind named {@code given}; throws with a did-you-mean and the allowed kinds otherwise. */
    static AppKind parse(String given) {
        for (AppKind kind : values()) {
            if (kind.value.equals(given)) {
                return kind;
            }
        }
        throw new Refusal("--kind " + given + " is not allowed"
                + DidYouMean.suggest(given, names()).map(s -> " (did you mean '" + s + "'?)").orElse("")
                + "; allowed: " + String.join(", ", names()));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(k -> k.value).toList();
    }

    /** The longest app name the kind's construct accepts as an object name. */
    int maxNameLength() {
        return maxNameLength;
    }

    /** What the app name becomes besides namespaces and the Java package, for messages. */
    String namedObject() {
        return namedObject;
    }

    /** The first thing to edit after scaffolding. */
    String firstEdit() {
        return firstEdit;
    }

    /** The folder of the kind's templates under {@code newapp-templates/}. */
    String templateDir() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
