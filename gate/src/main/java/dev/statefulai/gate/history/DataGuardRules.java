package dev.statefulai.gate.history;

import dev.statefulai.facts.ClaimNames;
import dev.statefulai.facts.protection.DataObjects;
import dev.statefulai.facts.protection.GitOps;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.ManifestTrees;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes against the git ref that lose data later rather than at once, each on an object present on both sides:
 * <ul>
 *   <li>IMM010: a StatefulSet scaled down while {@code persistentVolumeClaimRetentionPolicy.whenScaled} is {@code Delete}: its
 *       controller deletes the removed replicas' claims (the StatefulSetAutoDeletePVC feature, beta and on in 1.28);</li>
 *   <li>IMM011: a claim template removed from a StatefulSet: the replicas' claims of it stay, mounted by nothing;</li>
 *   <li>IMM012: an object that holds data loses its Argo CD ({@code Prune=false}) or Flux ({@code prune: disabled})
 *       protection: the next removal from git deletes it.</li>
 * </ul>
 * A finding is waived by the object's annotation now.
 */
public final class DataGuardRules {

    public List<Finding> check(Environment before, Environment after) {
        List<Finding> out = new ArrayList<>();
        Environment.onBothSides(before, after, (was, now) -> {
            if (now.is("StatefulSet")) {
                scaledDown(was, now, out);
                templatesRemoved(was, now, out);
            }
            protectionDropped(was, now, after, out);
        });
        return out;
    }

    private static void scaledDown(Manifest was, Manifest now, List<Finding> out) {
        int from = Json.replicas(was);
        int to = Json.replicas(now);
        if (to >= from || !"Delete".equals(now.spec().path("persistentVolumeClaimRetentionPolicy").path("whenScaled").asText())) {
            return;
        }
        List<String> claims = new ArrayList<>();
        for (JsonNode t : now.spec().path("volumeClaimTemplates")) {
            String template = t.path("metadata").path("name").asText();
            claims.add(ClaimNames.ofReplica(template, now.name(), to) + (from - to > 1 ? " .. " + ClaimNames.ofReplica(template, now.name(), from - 1) : ""));
        }
        if (!claims.isEmpty()) {
            out.add(Finding.of(Rule.IMM010, now, "StatefulSet " + now.namespace() + "/" + now.name() + " goes from " + from + " to " + to
                    + " replicas and its persistentVolumeClaimRetentionPolicy.whenScaled is Delete: its controller deletes the claims "
                    + String.join(", ", claims) + " with their data").withMigration("set whenScaled: Retain and apply it first, then scale"
                    + " down: the claims stay, and a replica added later finds its data again; delete them yourself once the data is not needed"));
        }
    }

    private static void templatesRemoved(Manifest was, Manifest now, List<Finding> out) {
        List<String> kept = new ArrayList<>();
        now.spec().path("volumeClaimTemplates").forEach(t -> kept.add(t.path("metadata").path("name").asText()));
        for (JsonNode t : was.spec().path("volumeClaimTemplates")) {
            String template = t.path("metadata").path("name").asText();
            if (!kept.contains(template)) {
                out.add(Finding.of(Rule.IMM011, now, "claim template " + template + " is gone from StatefulSet " + now.namespace() + "/"
                        + now.name() + ": the replicas' claims " + ClaimNames.ofAnyReplica(template, now.name()) + " stay with their data,"
                        + " mounted by nothing, and are billed until deleted").withMigration("copy what the claims hold that is still"
                        + " needed, then delete them: kubectl -n " + now.namespace() + " delete pvc " + ClaimNames.ofAnyReplica(template, now.name())
                        + " for each replica (the template change itself needs the StatefulSet re-created, see IMM001)"));
            }
        }
    }

    private static void protectionDropped(Manifest was, Manifest now, Environment after, List<Finding> out) {
        List<GitOps.Engine> before = GitOps.protectedFrom(was.annotations());
        List<GitOps.Engine> lost = new ArrayList<>(before);
        lost.removeAll(GitOps.protectedFrom(now.annotations()));
        if (lost.isEmpty() || !DataObjects.holdsData(ManifestTrees.tree(now))) {
            return;
        }
        List<String> names = lost.stream().map(e -> e == GitOps.Engine.ARGO_CD
                ? "Argo CD's " + GitOps.ARGO_CD_SYNC_OPTIONS + ": Prune=false" : "Flux's " + GitOps.FLUX_PRUNE + ": " + GitOps.FLUX_PRUNE_DISABLED).toList();
        out.add(Finding.of(Rule.IMM012, now, now.kind() + " " + (now.namespace().isEmpty() ? "" : now.namespace() + "/") + now.name()
                + " holds data and loses " + String.join(" and ", names) + ": once it leaves dist/" + after.name()
                + ", a sync that prunes deletes it").withMigration("keep the protection (gitOps.protect in the values); to retire the object,"
                + " remove it from dist while it is still protected, then delete it by hand once its data is copied (IMM007-IMM009)"));
    }
}
