package dev.statefulai.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.gate.testing.CommittedDistTest;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IMM010-IMM012: changes against the git ref that lose data later, on objects present on both sides. */
class DataGuardRulesTest extends CommittedDistTest {
    private static final String PROTECTED = "annotations: {argocd.argoproj.io/sync-options: \"Prune=false,Delete=false\","
            + " kustomize.toolkit.fluxcd.io/prune: disabled}";
    private List<String> change(String[] before, String[] after, String rule) {
        dist.commit(before);
        return dist.change(after).againstHead().findings().stream().filter(f -> f.rule().id().equals(rule)).map(GateFixture::line).toList();
    }

    @Test
    void imm010ScalingDownDeletesTheClaimsWhenWhenScaledIsDelete() {
        String policy = "podManagementPolicy: OrderedReady, persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Delete},";
        String[] before = GateFixture.cleanWith(2, "podManagementPolicy: OrderedReady,", policy);
        String[] after = before.clone();
        after[2] = after[2].replace("replicas: 3", "replicas: 1");
        assertEquals(List.of("IMM010 error prod StatefulSet/data/db: StatefulSet data/db goes from 3 to 1 replicas and its"
                + " persistentVolumeClaimRetentionPolicy.whenScaled is Delete: its controller deletes the claims data-db-1 .. data-db-2 with"
                + " their data"), change(before, after, "IMM010"));
        String[] retained = GateFixture.cleanWith(2, "replicas: 3", "replicas: 1");
        assertEquals(List.of(), change(Docs.cleanSet(), retained, "IMM010"));
    }

    @Test
    void imm011ARemovedClaimTemplateOrphansItsClaims() {
        String[] before = GateFixture.cleanWith(2, "volumeClaimTemplates: [", "volumeClaimTemplates: [{metadata: {name: logs}, spec: {accessModes:"
                + " [ReadWriteOnce], storageClassName: gp3, resources: {requests: {storage: 1Gi}}}}, ");
        assertEquals(List.of("IMM011 warning prod StatefulSet/data/db: claim template logs is gone from StatefulSet data/db: the replicas'"
                + " claims logs-db-<n> stay with their data, mounted by nothing, and are billed until deleted"), change(before, Docs.cleanSet(), "IMM011"));
    }

    @Test
    void imm012DroppingTheGitOpsProtectionOfAnObjectThatHoldsData() {
        String[] before = GateFixture.cleanWith(5, "metadata: {name: archive, namespace: data}", "metadata: {name: archive, namespace: data, "
                + PROTECTED + "}");
        assertEquals(List.of("IMM012 error prod PersistentVolumeClaim/data/archive: PersistentVolumeClaim data/archive holds data and loses"
                + " Argo CD's argocd.argoproj.io/sync-options: Prune=false and Flux's kustomize.toolkit.fluxcd.io/prune: disabled: once it"
                + " leaves dist/prod, a sync that prunes deletes it"), change(before, Docs.cleanSet(), "IMM012"));
        // the Service holds no data: its protection is its own business
        String[] service = GateFixture.cleanWith(1, "metadata: {name: db, namespace: data}", "metadata: {name: db, namespace: data, " + PROTECTED + "}");
        assertEquals(List.of(), change(service, Docs.cleanSet(), "IMM012"));
    }
}
