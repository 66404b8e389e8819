package dev.statefulai.facts.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitOpsTest {

    /** Argo CD docs/user-guide/sync-options.md: options concatenated with ",", white space trimmed. */
    @Test
    void argoCdSyncOptionsAreACommaSeparatedListAndKeepOthers() {
        assertEquals(List.of("ServerSideApply=true", "Prune=false"), GitOps.syncOptions(" ServerSideApply=true , Prune=false "));
        assertEquals("ServerSideApply=true,Prune=false,Delete=false", GitOps.withArgoCdKeep("ServerSideApply=true,Prune=confirm"));
        assertEquals("Prune=false,Delete=false", GitOps.withArgoCdKeep(null));
    }

    /** kustomize-controller docs/spec/v1/kustomizations.md, Prune: kustomize.toolkit.fluxcd.io/prune: disabled. */
    @Test
    void readsWhichEnginesAnObjectIsProtectedFrom() {
        assertEquals(List.of(GitOps.Engine.ARGO_CD, GitOps.Engine.FLUX), GitOps.protectedFrom(Map.of(
                "argocd.argoproj.io/sync-options", "Prune=false,Delete=false", "kustomize.toolkit.fluxcd.io/prune", "disabled")));
        assertEquals(List.of(), GitOps.protectedFrom(Map.of("argocd.argoproj.io/sync-options", "Prune=confirm")));
    }

    /** snapscheduler docs/usage.md: snapshots are named <pvc_name>-<schedule_name>-<YYYYMMDDHHMM>. */
    @Test
    void snapschedulerSnapshotNamesLeadBackToTheirClaim() {
        String name = Snapscheduler.snapshotName("data-vector-db-0", "vector-db-daily", "202406010300");
        assertEquals("data-vector-db-0-vector-db-daily-202406010300", name);
        assertEquals("data-vector-db-0", Snapscheduler.claimOf(name, "vector-db-daily"));
        assertNull(Snapscheduler.claimOf("data-vector-db-0-other-202406010300", "vector-db-daily"));
        assertNull(Snapscheduler.claimOf("data-vector-db-0-vector-db-daily-latest", "vector-db-daily"));
    }

    /** Velero site/content/docs/v1.18/backup-hooks.md: <phase>.hook.backup.velero.io/<container|command|on-error|timeout>. */
    @Test
    void veleroHookAnnotationsArePerPhase() {
        assertEquals("pre.hook.backup.velero.io/command", Velero.PRE_BACKUP.command());
        assertEquals("post.hook.backup.velero.io/on-error", Velero.POST_BACKUP.onError());
        assertEquals("cache.ai-storage.dev/model-cache", CacheClaims.annotation("model-cache"));
    }
}
