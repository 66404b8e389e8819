package dev.statefulai.constructs.render;

import java.util.Objects;
import software.amazon.jsii.JsiiEngine;
import software.constructs.Construct;

/**
 * The base of this library's constructs. Outside a {@link Recording} it is an ordinary construct,
 * created in the jsii kernel exactly as {@code Construct(scope, id)} creates one. While a recording is
 * active it is a Java-side shell that the kernel never sees: the recording keeps its place in the tree,
 * and its objects are rendered on the Java side. If anything hands a shell to the kernel (another
 * library's object defined in it, a cdk8s call on it), jsii creates it there on the spot; the recording
 * notices ({@link Recording#unsupported()}) and the synth defines the chart again the ordinary way.
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
}
