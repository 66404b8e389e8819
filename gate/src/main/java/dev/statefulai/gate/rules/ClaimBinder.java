package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.Claim;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.LabelSelectors;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.KubeQuantity;
import dev.statefulai.facts.drivers.DriverCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Models what the PV controller does with the claims of one environment: pre-bound pairs first
 * (claim volumeName / PV claimRef), then each remaining claim takes the smallest free PV that fits
 * (class, access modes, capacity, volume mode, selector), else its class provisions a volume.
 *
 * <p>The controller's own search ({@code FindMatchingVolume}, k8s.io/component-helpers
 * storage/volume/pv_helpers.go, release-1.28) walks every volume of the cluster for each claim; its
 * caller ({@code persistentVolumeOrderedIndex.findByClaim}, pkg/controller/volume/persistentvolume/index.go)
 * hands it the volumes grouped by access modes. Here the volumes are indexed once (by name, by the claim
 * their claimRef names, and the free ones by class and volume mode, sorted by capacity), so a claim looks
 * only at the volumes it could take: the proof stays about linear in the number of PVs and claims.
 * Manifests are keyed by identity: a record's hash walks its whole JSON tree.
 */
final class ClaimBinder {

    /** How a claim gets its volume: a PV of dist, or a class that provisions one (className null: cluster default). */
    record Binding(Claim claim, Manifest pv, String className) {
        boolean provisioned() {
            return pv == null;
        }
    }

    record Outcome(List<Binding> bindings, Set<Manifest> explainedPvs, List<Finding> findings) {
    }

    /** How many PVs of a class a BIND001 message describes before it counts the rest. */
    private static final int CANDIDATES_SHOWN = 5;

    private final Environment env;
    private final List<Manifest> pvs;
    private final Map<String, Manifest> pvByName = new HashMap<>();
    /** PVs whose claimRef names a claim, by "namespace/name" of that claim, in dist order. */
    private final Map<String, List<Manifest>> pvsByClaimRef = new HashMap<>();
    /** PVs without claimRef, by class and volume mode, then by capacity (dist order among equals). */
    private final Map<String, TreeMap<BigDecimal, List<Manifest>>> freeByClassAndMode = new HashMap<>();
    /** Every PV by class, in dist order: what a BIND001 message lists. */
    private final Map<String, List<Manifest>> pvsByClass = new HashMap<>();
    private final Map<Manifest, Claim> taken = new IdentityHashMap<>();
    private final Set<Manifest> explained = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final String defaultClass;

    ClaimBinder(Environment env) {
        this.env = env;
        this.pvs = env.ofKind("PersistentVolume");
        this.defaultClass = env.defaultStorageClass().map(Manifest::name).orElse(null);
        for (Manifest p : pvs) {
            pvByName.putIfAbsent(p.name(), p);
            JsonNode spec = p.spec();
            String cls = Json.text(spec, "storageClassName", "");
            pvsByClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(p);
            JsonNode claimRef = spec.path("claimRef");
            if (claimRef.isMissingNode()) {
                freeByClassAndMode.computeIfAbsent(cls + "\n" + Json.text(spec, "volumeMode", "Filesystem"), k -> new TreeMap<>())
                        .computeIfAbsent(capacity(p), k -> new ArrayList<>()).add(p);
            } else {
                pvsByClaimRef.computeIfAbsent(claimRefKey(claimRef), k -> new ArrayList<>()).add(p);
            }
        }
    }

    Outcome bind(List<Claim> claims) {
        List<Claim> open = new ArrayList<>();
        for (Claim c : claims) {
            if (!c.volumeName().isEmpty()) {
                bindByVolumeName(c);
            } else {
                open.add(c);
            }
        }
        open.removeIf(this::bindByClaimRef);
        checkClaimRefsToMissingOrOtherClaims(claims);
        open.forEach(this::bindFreeOrProvision);
        explained.addAll(taken.keySet());
        return new Outcome(bindings, explained, findings);
    }

    private void bindByVolumeName(Claim c) {
        Manifest p = pvByName.get(c.volumeName());
        if (p == null) {
            findings.add(claimFinding(Rule.BIND003, c, "volumeName names PersistentVolume " + c.volumeName()
                    + ", which is not in dist/" + env.name() + ": the claim stays Pending"));
            return;
        }
        if (taken.containsKey(p)) {
            findings.add(claimFinding(Rule.BIND004, c, "volumeName names PersistentVolume " + p.name()
                    + ", which " + taken.get(p).ref() + " already pre-binds: a PV binds one claim only"));
            return;
        }
        JsonNode claimRef = p.spec().path("claimRef");
        if (!claimRef.isMissingNode() && !c.isNamedBy(claimRef)) {
            findings.add(claimFinding(Rule.BIND003, c, "volumeName names PersistentVolume " + p.name()
                    + ", but its claimRef reserves it for " + claimRefText(claimRef)));
            explained.add(p);
            return;
        }
        String misfit = misfit(c, p, false);
        if (misfit != null) {
            findings.add(claimFinding(Rule.BIND003, c, "volumeName names PersistentVolume " + p.name()
                    + ", which does not fit: " + misfit));
            explained.add(p);
            return;
        }
        take(c, p);
    }

    /** A PV whose claimRef names the claim is offered to it first (if it fits). */
    private boolean bindByClaimRef(Claim c) {
        for (Manifest p : pvsByClaimRef.getOrDefault(claimKey(c), List.of())) {
            if (taken.containsKey(p)) {
                continue;
            }
            String misfit = misfit(c, p, false);
            if (misfit != null) {
                findings.add(Finding.of(Rule.BIND003, p, "claimRef reserves it for " + c.ref()
                        + ", which it does not fit: " + misfit));
                explained.add(p);
                return false;
            }
            take(c, p);
            return true;
        }
        return false;
    }

    /** claimRef naming a claim that pre-binds another PV is a contradiction the controller never resolves. */
    private void checkClaimRefsToMissingOrOtherClaims(List<Claim> claims) {
        Map<String, Claim> claimByKey = new HashMap<>();
        claims.forEach(c -> claimByKey.putIfAbsent(claimKey(c), c));
        for (Manifest p : pvs) {
            JsonNode claimRef = p.spec().path("claimRef");
            if (claimRef.isMissingNode() || taken.containsKey(p) || explained.contains(p)) {
                continue;
            }
            Claim c = claimByKey.get(claimRefKey(claimRef));
            if (c != null) {
                findings.add(Finding.of(Rule.BIND003, p, "claimRef reserves it for " + c.ref()
                        + ", but that claim's volumeName names " + c.volumeName()));
                explained.add(p);
            }
        }
    }

    private void bindFreeOrProvision(Claim c) {
        String className = effectiveClass(c);
        Manifest best = className == null ? null : smallestFreeFit(c, className);
        if (best != null) {
            take(c, best);
            return;
        }
        String why = null;
        if (c.hasSelector()) {
            why = "it has a selector, so only an existing PV can satisfy it (provisioners ignore selector claims)";
        } else if ("".equals(className)) {
            why = "storageClassName \"\" turns dynamic provisioning off";
        } else if (className != null) {
            String provisioner = env.storageClass(className).map(sc -> Json.text(sc.body(), "provisioner", "")).orElse("");
            if (DriverCatalog.byProvisioner(provisioner).filter(d -> !d.dynamicProvisioning()).isPresent()) {
                why = "class " + className + " has no provisioner (" + provisioner + ")";
            }
        }
        if (why == null) {
            bindings.add(new Binding(c, null, className));
            return;
        }
        findings.add(claimFinding(Rule.BIND001, c, "stays Pending: " + why + ", and no free PersistentVolume fits ("
                + describe(c) + ")" + candidates(c, className)));
    }

    /**
     * The smallest free PV of the claim's class and volume mode that holds at least its request, offers
     * its access modes and matches its selector (the first in dist order among equal capacities). Taken
     * PVs leave the index, so a fleet of identical local disks costs one look per claim.
     */
    private Manifest smallestFreeFit(Claim c, String className) {
        TreeMap<BigDecimal, List<Manifest>> bySize = freeByClassAndMode.get(className + "\n" + c.volumeMode());
        if (bySize == null) {
            return null;
        }
        BigDecimal request;
        try {
            request = KubeQuantity.parse(c.request());
        } catch (IllegalArgumentException e) {
            return null;
        }
        Iterator<Map.Entry<BigDecimal, List<Manifest>>> sizes = bySize.tailMap(request, true).entrySet().iterator();
        while (sizes.hasNext()) {
            List<Manifest> sameSize = sizes.next().getValue();
            for (Iterator<Manifest> it = sameSize.iterator(); it.hasNext(); ) {
                Manifest p = it.next();
                if (misfit(c, p, true) == null) {
                    it.remove();
                    if (sameSize.isEmpty()) {
                        sizes.remove();
                    }
                    return p;
                }
            }
        }
        return null;
    }

    /** The class the claim ends up with: its own, else the default class of dist, else null (cluster default). */
    String effectiveClass(Claim c) {
        String own = c.storageClassName();
        return own != null ? own : defaultClass;
    }

    /** Why {@code pv} cannot satisfy {@code claim}, or null when it can. */
    private String misfit(Claim c, Manifest pv, boolean checkSelector) {
        JsonNode spec = pv.spec();
        String pvClass = Json.text(spec, "storageClassName", "");
        String claimClass = effectiveClass(c);
        if (!pvClass.equals(claimClass == null ? "" : claimClass)) {
            return "its class is " + quote(pvClass) + ", the claim's " + quote(claimClass == null ? "" : claimClass);
        }
        String pvMode = Json.text(spec, "volumeMode", "Filesystem");
        if (!pvMode.equals(c.volumeMode())) {
            return "its volumeMode is " + pvMode + ", the claim's " + c.volumeMode();
        }
        List<String> offered = Json.strings(spec.path("accessModes"));
        if (!offered.containsAll(c.accessModes())) {
            return "it offers " + offered + ", the claim needs " + c.accessModes();
        }
        String capacityText = spec.path("capacity").path("storage").asText("0");
        try {
            if (KubeQuantity.parse(capacityText).compareTo(KubeQuantity.parse(c.request())) < 0) {
                return "it holds " + capacityText + ", the claim requests " + c.request();
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (checkSelector && c.hasSelector() && !LabelSelectors.matches(c.selector(), pv.labels())) {
            return "its labels do not match the claim's selector";
        }
        return null;
    }

    /** Why each PV of the class cannot take the claim: the first few, then how many more. */
    private String candidates(Claim c, String className) {
        List<Manifest> ofClass = pvsByClass.getOrDefault(className == null ? "" : className, List.of());
        if (ofClass.isEmpty()) {
            return "";
        }
        List<String> reasons = new ArrayList<>();
        for (Manifest p : ofClass.subList(0, Math.min(ofClass.size(), CANDIDATES_SHOWN))) {
            if (taken.containsKey(p)) {
                reasons.add(p.name() + " is taken by " + taken.get(p).ref().name());
            } else if (!p.spec().path("claimRef").isMissingNode()) {
                reasons.add(p.name() + " is reserved for " + claimRefText(p.spec().path("claimRef")));
            } else {
                reasons.add(p.name() + ": " + misfit(c, p, true));
            }
        }
        int more = ofClass.size() - reasons.size();
        return "; PVs of the class: " + String.join("; ", reasons) + (more > 0 ? "; and " + more + " more" : "");
    }

    private void take(Claim c, Manifest pv) {
        taken.put(pv, c);
        bindings.add(new Binding(c, pv, Json.text(pv.spec(), "storageClassName", "")));
    }

    static BigDecimal capacity(Manifest pv) {
        return KubeQuantity.tryParse(pv.spec().path("capacity").path("storage").asText("0")).orElse(BigDecimal.ZERO);
    }

    static String describe(Claim c) {
        String cls = c.storageClassName();
        return "class " + (cls == null ? "(default)" : quote(cls)) + ", " + c.request() + ", " + c.accessModes()
                + ", " + c.volumeMode();
    }

    static Finding claimFinding(Rule rule, Claim c, String message) {
        return Finding.of(rule, c.owner(), c.ref(), message);
    }

    private static String claimKey(Claim c) {
        return c.ref().namespace() + "/" + c.ref().name();
    }

    /** The claim a claimRef names, keyed like {@link #claimKey}: the namespace defaults as in {@link Claim#isNamedBy}. */
    private static String claimRefKey(JsonNode claimRef) {
        return Json.text(claimRef, "namespace", "default") + "/" + claimRef.path("name").asText();
    }

    private static String claimRefText(JsonNode claimRef) {
        return "PersistentVolumeClaim/" + claimRefKey(claimRef);
    }

    private static String quote(String s) {
        return s.isEmpty() ? "\"\"" : s;
    }
}
