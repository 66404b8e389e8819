package dev.statefulai.constructs.protection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.KubernetesSpelled;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.ObjectsUnder;
import dev.statefulai.facts.protection.Durations;
import dev.statefulai.facts.protection.Velero;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * Commands Velero runs in a pod before and after it backs up the pod's volumes, so that the volumes hold a consistent
 * copy: a database flushes or snapshots itself first (pre), and cleans up after (post). Written as the pod annotations of
 * Velero's backup hooks (site/content/docs/v1.18/backup-hooks.md, "Specifying Hooks As Pod Annotations") on the pod
 * templates of the workloads under a scope, so every backup of the pods runs them, scheduled or by hand.
 *
 * <p>A hook runs without a shell unless its command starts one; a pre hook that fails fails the backup by default, so a
 * backup is never taken without its consistent copy.
 */
public final class BackupHooks {
    /** What Velero does when a hook's command fails. */
    public enum OnError implements KubernetesSpelled {
        /** The backup fails (Velero's default). */
        FAIL,
        /** The backup goes on. */
        CONTINUE
    }

    /** One hook: the command, the container it runs in, what a failure does and how long it may take. */
    public record Hook(List<String> command, String container, OnError onError, String timeout) {
        public Hook {
            command = List.copyOf(command);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Hook pre;
    private final Hook post;

    private BackupHooks(Hook pre, Hook post) {
        this.pre = pre;
        this.post = post;
    }

    /** A pre-backup hook and, or null, a post-backup one. */
    public static BackupHooks of(Hook pre, Hook post) {
        return new BackupHooks(pre, post);
    }

    /**
     * Qdrant's consistent backup through its own API: before the backup, a snapshot of every collection on the node
     * ({@code POST /collections/{name}/snapshots}) into its snapshots directory, which must be on a volume that is backed
     * up (Qdrant's {@code snapshotPersistence}); after it, all but the newest snapshot of each collection are deleted. A
     * failed snapshot fails the backup; a failed clean-up does not.
     *
     * @param container the Qdrant container
     * @param port      Qdrant's HTTP port, e.g. 6333
     * @param timeout   how long the snapshots may take, e.g. {@code 30m}
     */
    public static BackupHooks qdrantSnapshots(String container, int port, String timeout) {
        String script = script("qdrant-snapshots.sh");
        return new BackupHooks(
                new Hook(List.of("bash", "-c", script, "qdrant-snapshots", "create", String.valueOf(port)), container, OnError.FAIL, timeout),
                new Hook(List.of("bash", "-c", script, "qdrant-snapshots", "prune", String.valueOf(port)), container, OnError.CONTINUE, timeout));
    }

    /** The hook run before the volumes are backed up. */
    public Hook pre() {
        return pre;
    }

    /** The hook run after, or null. */
    public Hook post() {
        return post;
    }

    /** The pod annotations of the hooks. */
    public Map<String, String> annotations() {
        Map<String, String> out = new TreeMap<>();
        put(out, Velero.PRE_BACKUP, pre);
        put(out, Velero.POST_BACKUP, post);
        return out;
    }

    private static void put(Map<String, String> out, Velero.HookAnnotations keys, Hook hook) {
        if (hook == null) {
            return;
        }
        String construct = "BackupHooks";
        Validate.nonEmpty(construct, "command", hook.command(), "the command and its arguments, e.g. [bash, -c, \"...\"]");
        out.put(keys.command(), json(hook.command()));
        if (hook.container() != null) {
            out.put(keys.container(), Validate.dnsLabel(construct, "container", hook.container()));
        }
        if (hook.onError() != null) {
            out.put(keys.onError(), hook.onError().value());
        }
        if (hook.timeout() != null) {
            if (Durations.seconds(hook.timeout()).isEmpty()) {
                Refusals.refuse(new InvalidPropsException(construct, "timeout", hook.timeout(), Durations.ALLOWED));
            }
            out.put(keys.timeout(), hook.timeout());
        }
    }

    /** Adds the hooks to the pod template of every workload defined under {@code scope} so far. */
    public void applyTo(Construct scope) {
        Map<String, String> annotations = annotations();
        ObjectsUnder.annotate(scope, ObjectsUnder.Place.POD_TEMPLATE, (manifest, all) -> annotations);
    }

    /** A command as the JSON array Velero reads from the annotation. */
    static String json(List<String> command) {
        try {
            return JSON.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scripts read so far, by name: every app instance with hooks asks for the same few. */
    private static final Map<String, String> SCRIPTS = new ConcurrentHashMap<>();

    /** A hook script beside this class; its lines that start with {@code #} document it and are left out. */
    static String script(String name) {
        return SCRIPTS.computeIfAbsent(name, BackupHooks::readScript);
    }

    private static String readScript(String name) {
        try (InputStream in = BackupHooks.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + BackupHooks.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
