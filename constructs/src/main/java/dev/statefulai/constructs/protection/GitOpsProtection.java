package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.render.ObjectsUnder;
import dev.statefulai.facts.protection.DataObjects;
import dev.statefulai.facts.protection.GitOps;
import dev.statefulai.facts.protection.Tree;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * Keeps GitOps engines from deleting data: the objects that hold or lead to it (claims, volumes, StorageClasses,
 * VolumeSnapshots and their classes, StatefulSets with claim templates) get the per-object protection of Argo CD
 * ({@code argocd.argoproj.io/sync-options: Prune=false,Delete=false}: not pruned when gone from git, not deleted with the
 * Application) and Flux ({@code kustomize.toolkit.fluxcd.io/prune: disabled}), as their documentation names them
 * ({@link GitOps}). Such an object that leaves git stays in the cluster until someone deletes it by hand, after its data
 * is copied.
 *
 * <p>By default only objects whose data is kept get it ({@link When#RETAINED}: a {@code Retain} class or volume, a claim on
 * one): throw-away volumes (dev's {@code Delete} classes) are pruned as usual. A StatefulSet's claim templates are never
 * annotated (they cannot change); its claims are made by its controller, not by the engine, so no engine prunes them.
 */
public final class GitOpsProtection {

    /** Which objects are protected. */
    public enum When implements LowerCaseSpelling {
        /** Objects that hold data and keep it when deleted ({@code Retain}); the default. */
        RETAINED,
        /** Every object that holds data. */
        ALWAYS,
        /** None. */
        NEVER;

        @Override
        public String toString() {
            return value();
        }
    }

    private final When when;
    private final List<GitOps.Engine> engines;

    private GitOpsProtection(When when, List<GitOps.Engine> engines) {
        this.when = when;
        this.engines = List.copyOf(engines);
    }

    /**
     * The protection of {@code engines} on the objects {@code when} says.
     *
     * @param when    default {@link When#RETAINED} when null
     * @param engines default both Argo CD and Flux when null
     */
    public static GitOpsProtection of(When when, List<GitOps.Engine> engines) {
        return new GitOpsProtection(when == null ? When.RETAINED : when, engines == null ? List.of(GitOps.Engine.values()) : engines);
    }

    /** Argo CD's and Flux's protection on every object that keeps data. */
    public static GitOpsProtection retained() {
        return of(When.RETAINED, null);
    }

    /** Annotates the objects defined under {@code scope} so far (call it after the constructs that make them). */
    public void applyTo(Construct scope) {
        if (when == When.NEVER || engines.isEmpty()) {
            return;
        }
        ObjectsUnder.annotate(scope, ObjectsUnder.Place.METADATA, this::annotationsFor);
    }

    /** The annotations that protect {@code manifest}; none for an object that holds no data (or whose data is not kept). */
    Map<String, String> annotationsFor(Map<String, Object> manifest, List<Map<String, Object>> neighbours) {
        Map<String, String> out = new TreeMap<>();
        if (!DataObjects.holdsData(manifest) || (when == When.RETAINED && !DataObjects.keepsData(manifest, neighbours))) {
            return out;
        }
        if (engines.contains(GitOps.Engine.ARGO_CD)) {
            String existing = Tree.strings(manifest, "metadata", "annotations").get(GitOps.ARGO_CD_SYNC_OPTIONS);
            out.put(GitOps.ARGO_CD_SYNC_OPTIONS, GitOps.withArgoCdKeep(existing));
        }
        if (engines.contains(GitOps.Engine.FLUX)) {
            out.put(GitOps.FLUX_PRUNE, GitOps.FLUX_PRUNE_DISABLED);
        }
        return out;
    }
}
