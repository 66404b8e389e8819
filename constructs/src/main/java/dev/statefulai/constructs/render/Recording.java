package dev.statefulai.constructs.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cdk8s.Chart;
import software.amazon.jsii.JsiiObject;
import software.constructs.Construct;

/**
 * Records the Kubernetes objects that this library's constructs define in one chart, on the Java side,
 * so that the chart is rendered without the jsii kernel ({@link ChartTrees}).
 *
 * <p>While recording, the chart (a shell) and this library's constructs
 * ({@link RecordableConstruct}) are Java-side shells, and the recording mirrors their tree and the
 * objects they define ({@link KubeObject}). What it cannot render it notices:
 * an escape hatch asked for, a construct of this library in a scope of another, a shell handed to the
 * kernel (which is how another library's object in the chart shows), or another failure while the app
 * defined the chart. The synth then defines the chart again the ordinary way, in the kernel.
 */
public final class Recording {
    private static final ThreadLocal<Recording> ACTIVE = new ThreadLocal<>();

    /** Thrown by an escape hatch while recording: the L1 object does not exist. */
    public static final class EscapeHatchException extends RuntimeException {
        public EscapeHatchException() {
            super("an escape hatch (an L1 object) was asked for while the chart was recorded for Java-side rendering");
        }
    }

    /** A node of the mirrored tree: a shell and, in definition order, its children (nodes and recorded objects). */
    static final class Node {
        final String id;
        final JsiiObject shell;
        /** The ids from below the chart to this node, '/'-separated, as cdk8s's {@code node.path} has them after the chart's id. */
        final String path;
        final List<Object> children = new ArrayList<>();

        Node(String id, JsiiObject shell, String path) {
            this.id = id;
            this.shell = shell;
            this.path = path;
        }
    }

    /** A recorded object and where it is in the tree. */
    private record Placed(RecordedObject object, String path) {
    }

    private final Chart chart;
    private final String chartNamespace;
    private final Map<Object, Node> nodes = new IdentityHashMap<>();
    private final Node root;
    private final List<ObjectsUnder.Amendment> amendments = new ArrayList<>();
    private String unsupported;

    private Recording(Chart chart, String chartNamespace) {
        this.chart = chart;
        this.chartNamespace = chartNamespace;
        this.root = new Node("", chart, "");
        nodes.put(chart, root);
    }

    /**
     * Runs {@code define} on a shell chart while recording, as if the chart
     * had no labels, the namespace {@code chartNamespace} (null for none) and no resource name hashes.
     * A failure of type {@code thrownAsIs} (refused props) is thrown as it is; any other (an escape hatch,
     * a shell the kernel cannot create) makes the recording {@linkplain #unsupported() unsupported}, and
     * the ordinary synth will meet it again if it is the app's own.
     */
    public static Recording record(String chartNamespace, Class<? extends RuntimeException> thrownAsIs, Consumer<Chart> define) {
        Recording recording = new Recording(Shells.chart(), chartNamespace);
        Recording previous = ACTIVE.get();
        ACTIVE.set(recording);
        try {
            define.accept(recording.chart);
        } catch (RuntimeException e) {
            if (thrownAsIs.isInstance(e)) {
                throw e;
            }
            recording.markUnsupported(e instanceof EscapeHatchException ? e.getMessage()
                    : "defining the chart failed while recording: " + e);
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

    /** Adds a shell construct of this library ({@link RecordableConstruct}) under {@code scope}. */
    void addConstruct(Construct scope, String id, RecordableConstruct construct) {
        Node parent = nodes.get(scope);
        if (parent == null) {
            markUnsupported("construct '" + id + "' is defined in a scope of another library");
            return;
        }
        Node node = new Node(id, construct, parent.path.isEmpty() ? id : parent.path + "/" + id);
        parent.children.add(node);
        nodes.put(construct, node);
    }

    /** Records an object under {@code scope}. */
    public void add(Construct scope, String id, RecordedObject object) {
        Node parent = nodes.get(scope);
        if (parent == null) {
            markUnsupported("object '" + id + "' is defined in a scope of another library");
            return;
        }
        parent.children.add(new Placed(object, parent.path.isEmpty() ? id : parent.path + "/" + id));
    }

    /** The objects recorded under {@code scope} so far, depth-first; none when the scope is not recorded. */
    List<RecordedObject> objectsUnder(Construct scope) {
        Node node = nodes.get(scope);
        List<Placed> out = new ArrayList<>();
        if (node == null) {
            markUnsupported("objects under a scope of another library were asked for");
        } else {
            collect(node, out);
        }
        return out.stream().map(Placed::object).toList();
    }

    /** Records a change to objects already recorded, applied in order when the chart is rendered. */
    void amend(ObjectsUnder.Amendment amendment) {
        amendments.add(amendment);
    }

    /** The recorded changes, in the order they were made. */
    List<ObjectsUnder.Amendment> amendments() {
        return amendments;
    }

    private void markUnsupported(String reason) {
        if (unsupported == null) {
            unsupported = reason;
        }
    }

    /**
     * Why the chart cannot be rendered from this recording, or {@code null} when it can. A shell the
     * kernel has been asked for means something outside this library used the tree: another library's
     * object defined in it, or a cdk8s call on the chart or a construct.
     */
    public String unsupported() {
        if (unsupported == null) {
            for (Node node : nodes.values()) {
                if (Shells.inKernel(node.shell)) {
                    markUnsupported("'" + (node.id.isEmpty() ? "the chart" : node.id)
                            + "' was handed to the jsii kernel while the chart was recorded");
                    break;
                }
            }
        }
        return unsupported;
    }

    /** The recorded objects in the order cdk8s synthesizes them (depth-first, in definition order). */
    public List<RecordedObject> objects() {
        List<Placed> out = new ArrayList<>();
        collect(root, out);
        return out.stream().map(Placed::object).toList();
    }

    /**
     * The construct path of each object of {@link #objects()}, in the same order, below the chart (cdk8s's
     * {@code node.path} of the object without the chart's id and its slash), e.g. {@code vector-db/statefulset}.
     */
    public List<String> paths() {
        List<Placed> out = new ArrayList<>();
        collect(root, out);
        return out.stream().map(Placed::path).toList();
    }

    private static void collect(Node node, List<Placed> out) {
        for (Object child : node.children) {
            if (child instanceof Node n) {
                collect(n, out);
            } else {
                out.add((Placed) child);
            }
        }
    }

    /** The namespace objects get when their metadata names none, or {@code null}. */
    public String chartNamespace() {
        return chartNamespace;
    }
}
