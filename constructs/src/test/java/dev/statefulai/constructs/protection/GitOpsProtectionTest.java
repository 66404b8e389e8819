package dev.statefulai.constructs.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.facts.protection.GitOps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The names and values are Argo CD's (docs/user-guide/sync-options.md: "No Prune Resources" Prune=false, "No Resource
 * Deletion" Delete=false, options joined by commas) and Flux's (kustomize-controller docs/spec/v1/kustomizations.md, Prune:
 * kustomize.toolkit.fluxcd.io/prune: disabled).
 */
class GitOpsProtectionTest {
    private static final Map<String, Object> BOTH = Map.of("argocd.argoproj.io/sync-options", "Prune=false,Delete=false",
            "kustomize.toolkit.fluxcd.io/prune", "disabled");

    private static Manifests protect(ReclaimPolicy dataReclaim, GitOpsProtection protection) {
        return Manifests.synth(null, chart -> {
            ProtectionFixtures.database(chart, dataReclaim);
            protection.applyTo(chart);
        });
    }

    private static Object annotationsOf(Manifests out, String kind, String name) {
        return Manifests.at(out.all(kind).stream().filter(m -> name.equals(Manifests.at(m, "metadata.name"))).findFirst().orElseThrow(),
                "metadata.annotations");
    }

    @Test
    void objectsThatKeepTheirDataAreNeitherPrunedNorDeletedByArgoCdOrFlux() {
        Manifests out = protect(ReclaimPolicy.RETAIN, GitOpsProtection.retained());
        assertEquals(BOTH, annotationsOf(out, "StorageClass", "db-gp3"));
        // the set has a template on the Retain class: its claims keep their data
        assertEquals(BOTH, out.at("StatefulSet", "metadata.annotations"));
        assertEquals(BOTH, annotationsOf(out, "VolumeSnapshotClass", "ebs-snapshots"));
        // throw-away data: pruned as usual
        assertNull(annotationsOf(out, "StorageClass", "scratch"));
        // no data: the Service and the budget
        assertNull(out.at("Service", "metadata.annotations"));
        assertNull(out.at("PodDisruptionBudget", "metadata.annotations"));
        // the claim templates cannot change: never annotated
        assertNull(out.at("StatefulSet", "spec.volumeClaimTemplates[0].metadata.annotations"));
    }

    @Test
    void throwAwayDataIsLeftToTheEngineUnlessEveryDataObjectIsProtected() {
        Manifests retained = protect(ReclaimPolicy.DELETE, GitOpsProtection.retained());
        assertNull(retained.at("StatefulSet", "metadata.annotations"));
        Manifests always = protect(ReclaimPolicy.DELETE, GitOpsProtection.of(GitOpsProtection.When.ALWAYS, null));
        assertEquals(BOTH, always.at("StatefulSet", "metadata.annotations"));
        assertEquals(BOTH, annotationsOf(always, "StorageClass", "scratch"));
    }

    @Test
    void oneEngineOrNone() {
        Manifests flux = protect(ReclaimPolicy.RETAIN, GitOpsProtection.of(null, List.of(GitOps.Engine.FLUX)));
        assertEquals(Map.of("kustomize.toolkit.fluxcd.io/prune", "disabled"), flux.at("StatefulSet", "metadata.annotations"));
        Manifests never = protect(ReclaimPolicy.RETAIN, GitOpsProtection.of(GitOpsProtection.When.NEVER, null));
        assertNull(never.at("StatefulSet", "metadata.annotations"));
    }

    @Test
    void keepsAnObjectsOwnAnnotationsAndOtherSyncOptions() {
        GitOpsProtection protection = GitOpsProtection.retained();
        Map<String, String> added = protection.annotationsFor(Map.of("kind", "PersistentVolume", "metadata", Map.of("name", "pv",
                "annotations", Map.of("argocd.argoproj.io/sync-options", "ServerSideApply=true,Prune=confirm"))), List.of());
        assertEquals("ServerSideApply=true,Prune=false,Delete=false", added.get("argocd.argoproj.io/sync-options"));
    }
}
