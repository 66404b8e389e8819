package dev.statefulai.constructs.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cdk8s.App;
import org.cdk8s.Chart;
import software.constructs.Construct;

/**
 * Records the Kubernetes objects that this library's constructs define in one chart, on the Java side,
 * so that the chart can be rendered without a jsii round trip per object ({@link ChartRenderer}).
 *
 * <p>The recording mirrors the part of the construct tree it knows: the chart, the constructs of this
 * library (each registers itself with {@link #addConstruct}) and the objects they define
 * ({@link dev.statefulai.constructs.KubeObject}). Anything else in the chart (a construct or object
 * from elsewhere), or an escape hatch asked for, cannot be rendered from the recording: the synth then
 * defines the chart again the ordinary way.
 */
public final class Recording {
    private static final ThreadLocal<Recording> ACTIVE = new ThreadLocal<>();

    /** Thrown by an escape hatch while recording: the L1 object does not exist. */
    public static final class EscapeHatchException extends RuntimeException {
        public EscapeHatchException() {
            super("an escape hatch (an L1 object) was asked for while the chart was recorded for Java-side rendering");
        }
    }

    /** A node of the mirrored tree: a construct and, in definition order, its children. */
    static final class Node {
        final String id;
        final List<Object> children = new ArrayList<>();

        Node(String id) {
            this.id = id;
        }
    }

    /** A recorded object and its construct id. */
    record Entry(String id, RecordedObject object) {
    }

    private final String chartNamespace;
    private final Map<Object, Node> nodes = new IdentityHashMap<>();
    private final Node root;
    private String unsupported;

    private Recording(Chart chart, String chartNamespace) {
        this.chartNamespace = chartNamespace;
        this.root = new Node("");
        nodes.put(chart, root);
    }

    /**
     * Runs {@code define} on {@code chart} while recording. The chart has no labels, its namespace is
     * {@code chartNamespace} (null for none) and its resource name hashes are disabled.
     */
    public static Recording record(Chart chart, String chartNamespace, Consumer<Chart> define) {
        Recording recording = new Recording(chart, chartNamespace);
        Recording previous = ACTIVE.get();
        ACTIVE.set(recording);
        try {
            define.accept(chart);
        } catch (EscapeHatchException e) {
            recording.unsupported = e.getMessage();
        } finally {
            ACTIVE.set(previous);
        }
        return recording;
    }

    /** The recording of this thread, or {@code null} when none is active. */
    public static Recording active() {
        return ACTIVE.get();
    }

    /** The namespace of the chart {@code construct} is in: from the recording while one is active. */
    public static String chartNamespaceOf(Construct construct) {
        Recording recording = ACTIVE.get();
        return recording != null ? recording.chartNamespace : Chart.of(construct).getNamespace();
    }

    /** Called by this library's constructs right after {@code super(scope, id)}. */
    public static void addConstruct(Construct scope, String id, Construct construct) {
        Recording recording = ACTIVE.get();
        if (recording != null) {
            Node parent = recording.nodes.get(scope);
            if (parent == null) {
                recording.markUnsupported("construct '" + id + "' is defined in a scope of another library");
                return;
            }
            Node node = new Node(id);
            parent.children.add(node);
            recording.nodes.put(construct, node);
        }
    }

    /** Records an object under {@code scope}. */
    public void add(Construct scope, String id, RecordedObject object) {
        Node parent = nodes.get(scope);
        if (parent == null) {
            markUnsupported("object '" + id + "' is defined in a scope of another library");
            return;
        }
        parent.children.add(new Entry(id, object));
    }

    private void markUnsupported(String reason) {
        if (unsupported == null) {
            unsupported = reason;
        }
    }

    /**
     * Why the chart cannot be rendered from this recording, as far as the recording saw (an escape
     * hatch, a scope of another library), or {@code null}. What it cannot see, objects of another
     * library, the caller finds with {@link #holdsOnlyRecordedObjects(App)}.
     */
    public String unsupported() {
        return unsupported;
    }

    /**
     * Whether {@code app}, whose charts were all recorded, holds nothing else: one round trip, in which
     * cdk8s validates the tree and synthesizes the App, which gives no output when every object was
     * recorded (recorded objects do not exist in the kernel).
     */
    public static boolean holdsOnlyRecordedObjects(App app) {
        return app.synthYaml().isEmpty();
    }

    /** The recorded objects in the order cdk8s synthesizes them (depth-first, in definition order). */
    public List<RecordedObject> objects() {
        List<RecordedObject> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<RecordedObject> out) {
        for (Object child : node.children) {
            if (child instanceof Node n) {
                collect(n, out);
            } else {
                out.add(((Entry) child).object());
            }
        }
    }

    /** The namespace objects get when their metadata names none, or {@code null}. */
    public String chartNamespace() {
        return chartNamespace;
    }
}
