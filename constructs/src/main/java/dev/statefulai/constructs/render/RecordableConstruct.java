package dev.statefulai.constructs.render;

import java.util.Objects;
import software.amazon.jsii.JsiiEngine;
import software.constructs.Construct;

/**
 * The base of this library's constructs, and with {@code KubeObject.define} (or {@code KubeObject.custom}
 * for a kind without an L1 class) for each Kubernetes object it makes, all a construct needs to be
 * rendered on the Java side. Outside a {@link Recording} it is an ordinary construct, created in the
 * jsii kernel exactly as {@code Construct(scope, id)} creates one. While a recording is active it is a
 * Java-side shell that the kernel never sees: the recording keeps its place in the tree, and its objects
 * are rendered on the Java side. Anything else a construct does with cdk8s still works: if it hands a
 * shell to the kernel (another library's object defined in it, a cdk8s call on it such as
 * {@code Chart.of(this)}), jsii creates it there on the spot, the recording notices
 * ({@link Recording#unsupported()}) and the synth defines the chart again the ordinary way, only slower.
 */
public abstract class RecordableConstruct extends Construct {

    protected RecordableConstruct(Construct scope, String id) {
        super(InitializationMode.JSII);
        Recording recording = Recording.active();
        if (recording == null) {
            // What the generated Construct(scope, id) constructor does.
            JsiiEngine.getInstance().createNewObject(this, Objects.requireNonNull(scope, "scope is required"),
                    Objects.requireNonNull(id, "id is required"));
        } else {
            recording.addConstruct(scope, id, this);
        }
    }

    /** The namespace of the chart this construct is in, without asking the kernel while recording. */
    protected final String chartNamespace() {
        return Recording.chartNamespaceOf(this);
    }
}
