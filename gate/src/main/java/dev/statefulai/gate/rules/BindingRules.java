package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Claim;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.ObjectRef;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binding proof: every claim gets a volume (BIND001, BIND003, BIND004 from {@link ClaimBinder}), the
 * classes it relies on exist (BIND002), provisioned volumes give the access modes asked (BIND005) and
 * no PV is left over (BIND010).
 */
public final class BindingRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Claim> claims = Claim.of(env);
        ClaimBinder binder = new ClaimBinder(env);
        ClaimBinder.Outcome outcome = binder.bind(claims);
        List<Finding> out = new ArrayList<>(outcome.findings());
        out.addAll(undefinedClasses(env, claims, binder));
        for (ClaimBinder.Binding b : outcome.bindings()) {
            if (b.provisioned() && b.className() != null) {
                sharedModeOnBlockDisk(env, b).ifPresent(out::add);
            }
        }
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            if (!outcome.explainedPvs().contains(pv)) {
                out.add(unclaimed(env, pv));
            }
        }
        return out;
    }

    /** One warning per missing class, naming who relies on it, so the list stays short. */
    private static List<Finding> undefinedClasses(Environment env, List<Claim> claims, ClaimBinder binder) {
        Map<String, Set<String>> users = new LinkedHashMap<>();
        Map<String, Manifest> firstUser = new LinkedHashMap<>();
        for (Claim c : claims) {
            String key = binder.effectiveClass(c);
            if ("".equals(key)) {
                continue;
            }
            String name = key == null ? "(cluster default)" : key;
            if (key == null || env.storageClass(key).isEmpty()) {
                users.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(c.owner().ref().toString());
                firstUser.putIfAbsent(name, c.owner());
            }
        }
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            String cls = Json.text(pv.spec(), "storageClassName", "");
            if (!cls.isEmpty() && env.storageClass(cls).isEmpty()) {
                users.computeIfAbsent(cls, k -> new LinkedHashSet<>()).add(pv.ref().toString());
                firstUser.putIfAbsent(cls, pv);
            }
        }
        List<Finding> out = new ArrayList<>();
        users.forEach((cls, who) -> {
            boolean clusterDefault = cls.equals("(cluster default)");
            String message = clusterDefault
                    ? "claims without storageClassName rely on the cluster's default StorageClass, and dist/" + env.name()
                    + " marks none default (" + Environment.DEFAULT_CLASS_ANNOTATION + "); used by " + usersText(who)
                    : "StorageClass " + cls + " is not defined in dist/" + env.name()
                    + ": assumed to exist in the cluster (not checked: provisioner, binding mode); used by " + usersText(who);
            out.add(Finding.of(Rule.BIND002, firstUser.get(cls), ObjectRef.cluster("StorageClass", cls), message));
        });
        return out;
    }

    /** How many users of a missing class a BIND002 message names before it counts the rest. */
    static final int USERS_SHOWN = 3;

    /**
     * The objects that rely on a missing class, the first few named and the rest counted: a fleet's
     * thousands of claims on one class make one readable line, not a list of every claim.
     */
    private static String usersText(Set<String> who) {
        if (who.size() <= USERS_SHOWN) {
            return String.join(", ", who);
        }
        return String.join(", ", who.stream().limit(USERS_SHOWN).toList()) + " and " + (who.size() - USERS_SHOWN)
                + " more (" + who.size() + " objects)";
    }

    private static Optional<Finding> sharedModeOnBlockDisk(Environment env, ClaimBinder.Binding b) {
        Optional<Manifest> sc = env.storageClass(b.className());
        if (sc.isEmpty()) {
            return Optional.empty();
        }
        String provisioner = Json.text(sc.get().body(), "provisioner", "");
        List<String> shared = VolumeSourceRules.multiAttachModes(provisioner, b.claim().accessModes());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ClaimBinder.claimFinding(Rule.BIND005, b.claim(), "asks for " + String.join(", ", shared)
                + " from class " + b.className() + " (" + provisioner + "), whose disks attach to one node at a time:"
                + " the volume never provisions; use ReadWriteOnce per replica or a shared-filesystem class (EFS, Filestore, Azure Files, NFS)"));
    }

    private static Finding unclaimed(Environment env, Manifest pv) {
        JsonNode claimRef = pv.spec().path("claimRef");
        if (!claimRef.isMissingNode()) {
            return Finding.of(Rule.BIND010, pv, "claimRef reserves it for PersistentVolumeClaim/"
                    + Json.text(claimRef, "namespace", "default") + "/" + claimRef.path("name").asText()
                    + ", which is not in dist/" + env.name() + ": it stays Available and unused");
        }
        return Finding.of(Rule.BIND010, pv, "no claim in dist/" + env.name() + " binds it ("
                + Optional.of(Json.text(pv.spec(), "storageClassName", "")).filter(c -> !c.isEmpty()).orElse("no class") + ", "
                + pv.spec().path("capacity").path("storage").asText("?") + ", "
                + Json.strings(pv.spec().path("accessModes")) + "): it stays Available and unused");
    }
}
