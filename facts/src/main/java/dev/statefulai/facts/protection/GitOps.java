package dev.statefulai.facts.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a GitOps engine is told, on one object, never to delete it. The constructs write these
 * annotations on objects that hold data and the gate notices when one is dropped.
 *
 * <ul>
 *   <li>Argo CD: {@code argocd.argoproj.io/sync-options}, a comma-separated list of options
 *       (docs/user-guide/sync-options.md, "No Prune Resources" and "No Resource Deletion"): {@code Prune=false}
 *       keeps the object when it leaves git, {@code Delete=false} keeps it when the Application is deleted.</li>
 *   <li>Flux: {@code kustomize.toolkit.fluxcd.io/prune: disabled} (kustomize-controller docs/spec/v1/kustomizations.md,
 *       "Prune"; {@code DisabledValue} in api/v1/kustomization_types.go), which keeps the object out of garbage
 *       collection both when it leaves git and when its Kustomization is deleted.</li>
 * </ul>
 */
public final class GitOps {
    /** Argo CD's per-object sync options annotation. */
    public static final String ARGO_CD_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    /** The options that keep an object: not pruned when gone from git, not deleted with its Application. */
    public static final List<String> ARGO_CD_KEEP = List.of("Prune=false", "Delete=false");
    /** Flux kustomize-controller's per-object prune annotation. */
    public static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";
    /** The value that turns pruning off for the object. */
    public static final String FLUX_PRUNE_DISABLED = "disabled";

    /** The GitOps engines whose protection can be written; {@link #toString} is how values files spell one. */
    public enum Engine {
        ARGO_CD("Argo CD", "argocd"), FLUX("Flux", "flux");

        private final String title;
        private final String spelling;

        Engine(String title, String spelling) {
            this.title = title;
            this.spelling = spelling;
        }

        /** The engine's name as people write it. */
        public String title() {
            return title;
        }

        /** The engine's name in values files, e.g. {@code argocd}. */
        @Override
        public String toString() {
            return spelling;
        }
    }

    private GitOps() {
    }

    /** Argo CD's sync options: the list an annotation value holds, each trimmed (Argo CD trims white space). */
    public static List<String> syncOptions(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String option : value.split(",")) {
                if (!option.isBlank()) {
                    out.add(option.trim());
                }
            }
        }
        return out;
    }

    /** {@code existing} Argo CD sync options with {@link #ARGO_CD_KEEP} added (a {@code Prune} or {@code Delete} option replaced). */
    public static String withArgoCdKeep(String existing) {
        List<String> options = new ArrayList<>();
        for (String option : syncOptions(existing)) {
            if (!option.startsWith("Prune=") && !option.startsWith("Delete=")) {
                options.add(option);
            }
        }
        options.addAll(ARGO_CD_KEEP);
        return String.join(",", options);
    }

    /** The engines whose protection an object's annotations carry. */
    public static List<Engine> protectedFrom(Map<String, String> annotations) {
        List<Engine> out = new ArrayList<>();
        if (syncOptions(annotations.get(ARGO_CD_SYNC_OPTIONS)).contains("Prune=false")) {
            out.add(Engine.ARGO_CD);
        }
        // The controller leaves out of pruning what matches its Exclusions map (kustomization_controller.go): the documented value.
        if (FLUX_PRUNE_DISABLED.equals(annotations.get(FLUX_PRUNE))) {
            out.add(Engine.FLUX);
        }
        return out;
    }
}
