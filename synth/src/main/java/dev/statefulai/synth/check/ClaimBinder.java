package dev.statefulai.synth.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.constructs.Validate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Models what the PV controller does with the claims of one environment: pre-bound pairs first
 * (claim volumeName / PV claimRef), then each remaining claim takes the smallest free PV that fits
 * (class, access modes, capacity, volume mode, selector), else its class provisions a volume.
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

    private final Environment env;
    private final List<Manifest> pvs;
    private final Map<Manifest, Claim> taken = new LinkedHashMap<>();
    private final Set<Manifest> explained = new HashSet<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    ClaimBinder(Environment env) {
        this.env = env;
        this.pvs = env.ofKind("PersistentVolume");
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
        Optional<Manifest> pv = pvs.stream().filter(p -> p.name().equals(c.volumeName())).findFirst();
        if (pv.isEmpty()) {
            findings.add(claimFinding(Rule.BIND003, c, "volumeName names PersistentVolume " + c.volumeName()
                    + ", which is not in dist/" + env.name() + ": the claim stays Pending"));
            return;
        }
        Manifest p = pv.get();
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
        for (Manifest p : pvs) {
            if (taken.containsKey(p) || !c.isNamedBy(p.spec().path("claimRef"))) {
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
        for (Manifest p : pvs) {
            JsonNode claimRef = p.spec().path("claimRef");
            if (claimRef.isMissingNode() || taken.containsKey(p) || explained.contains(p)) {
                continue;
            }
            claims.stream().filter(c -> c.isNamedBy(claimRef)).findFirst().ifPresent(c -> {
                findings.add(Finding.of(Rule.BIND003, p, "claimRef reserves it for " + c.ref()
                        + ", but that claim's volumeName names " + c.volumeName()));
                explained.add(p);
            });
        }
    }

    private void bindFreeOrProvision(Claim c) {
        String className = effectiveClass(c);
        Optional<Manifest> best = pvs.stream()
                .filter(p -> !taken.containsKey(p) && p.spec().path("claimRef").isMissingNode())
                .filter(p -> className != null && misfit(c, p, true) == null)
                .min(Comparator.comparing(ClaimBinder::capacity));
        if (best.isPresent()) {
            take(c, best.get());
            return;
        }
        String why = null;
        if (c.hasSelector()) {
            why = "it has a selector, so only an existing PV can satisfy it (provisioners ignore selector claims)";
        } else if ("".equals(className)) {
            why = "storageClassName \"\" turns dynamic provisioning off";
        } else if (className != null) {
            Optional<Manifest> sc = env.storageClass(className);
            if (sc.isPresent() && Json.text(sc.get().body(), "provisioner", "").equals(StorageBackends.NO_PROVISIONER)) {
                why = "class " + className + " has no provisioner (" + StorageBackends.NO_PROVISIONER + ")";
            }
        }
        if (why == null) {
            bindings.add(new Binding(c, null, className));
            return;
        }
        findings.add(claimFinding(Rule.BIND001, c, "stays Pending: " + why + ", and no free PersistentVolume fits ("
                + describe(c) + ")" + candidates(c, className)));
    }

    /** The class the claim ends up with: its own, else the default class of dist, else null (cluster default). */
    String effectiveClass(Claim c) {
        String own = c.storageClassName();
        return own != null ? own : env.defaultStorageClass().map(Manifest::name).orElse(null);
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
            if (Validate.bytes(capacityText).compareTo(Validate.bytes(c.request())) < 0) {
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

    private String candidates(Claim c, String className) {
        List<String> reasons = new ArrayList<>();
        for (Manifest p : pvs) {
            if (!Json.text(p.spec(), "storageClassName", "").equals(className == null ? "" : className)) {
                continue;
            }
            if (taken.containsKey(p)) {
                reasons.add(p.name() + " is taken by " + taken.get(p).ref().name());
            } else if (!p.spec().path("claimRef").isMissingNode()) {
                reasons.add(p.name() + " is reserved for " + claimRefText(p.spec().path("claimRef")));
            } else {
                reasons.add(p.name() + ": " + misfit(c, p, true));
            }
        }
        if (reasons.isEmpty()) {
            return "";
        }
        int shown = Math.min(reasons.size(), 5);
        return "; PVs of the class: " + String.join("; ", reasons.subList(0, shown))
                + (reasons.size() > shown ? "; and " + (reasons.size() - shown) + " more" : "");
    }

    private void take(Claim c, Manifest pv) {
        taken.put(pv, c);
        bindings.add(new Binding(c, pv, Json.text(pv.spec(), "storageClassName", "")));
    }

    static BigDecimal capacity(Manifest pv) {
        try {
            return Validate.bytes(pv.spec().path("capacity").path("storage").asText("0"));
        } catch (IllegalArgumentException e) {
            return BigDecimal.ZERO;
        }
    }

    static String describe(Claim c) {
        String cls = c.storageClassName();
        return "class " + (cls == null ? "(default)" : quote(cls)) + ", " + c.request() + ", " + c.accessModes()
                + ", " + c.volumeMode();
    }

    static Finding claimFinding(Rule rule, Claim c, String message) {
        return Finding.of(rule, c.owner(), c.ref(), message);
    }

    private static String claimRefText(JsonNode claimRef) {
        return "PersistentVolumeClaim/" + Json.text(claimRef, "namespace", "default") + "/" + claimRef.path("name").asText();
    }

    private static String quote(String s) {
        return s.isEmpty() ? "\"\"" : s;
    }
}
