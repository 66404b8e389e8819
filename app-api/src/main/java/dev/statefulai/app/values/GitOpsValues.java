package dev.statefulai.app.values;

import dev.statefulai.constructs.protection.GitOpsProtection;
import dev.statefulai.facts.protection.GitOps;
import java.util.List;

/**
 * Which objects GitOps engines must never delete, in values files (key {@code gitOps}): the objects that hold data
 * get Argo CD's {@code argocd.argoproj.io/sync-options: Prune=false,Delete=false} and Flux's
 * {@code kustomize.toolkit.fluxcd.io/prune: disabled}.
 *
 * @param protect {@code retained} (default: objects whose data is kept, a {@code Retain} class or volume and the claims
 *                on it), {@code always} (every object that holds data) or {@code never}
 * @param engines the engines to write it for: {@code argocd}, {@code flux}; default both
 */
public record GitOpsValues(GitOpsProtection.When protect, List<GitOps.Engine> engines) {

    /** The protection {@code values} (null: none given) say. */
    public static GitOpsProtection protection(GitOpsValues values) {
        if (values == null) {
            return GitOpsProtection.retained();
        }
        return GitOpsProtection.of(values.protect, values.engines);
    }
}
