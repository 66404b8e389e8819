package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.LabelSelectors;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.protection.BackupPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.drivers.DriverCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Data-safety policy: volumes outlive their claims (POL001), disks are encrypted (POL002), pods run
 * non-root and can write their volumes (POL003, POL004), storage pods are not evicted for lack of
 * requests (POL005), voluntary disruptions keep quorum (POL006) and data is backed up ({@link BackupPolicy}, POL007).
 * Severity per environment comes
 * from {@link PolicyConfig}.
 */
public final class PolicyRules implements CheckStage {
    private final PolicyConfig config;

    public PolicyRules(PolicyConfig config) {
        this.config = config;
    }

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> raw = new ArrayList<>();
        for (Manifest sc : env.ofKind("StorageClass")) {
            String reclaim = Json.text(sc.body(), "reclaimPolicy", "Delete");
            if (!reclaim.equals("Retain")) {
                raw.add(Finding.of(Rule.POL001, sc, "reclaimPolicy is " + reclaim
                        + ": deleting a claim (or its namespace) deletes the disk and its data; use Retain"));
            }
            String provisioner = Json.text(sc.body(), "provisioner", "");
            DriverCatalog.byProvisioner(provisioner).flatMap(d -> d.encryption().requiredParameter())
                    .filter(parameter -> !"true".equals(sc.body().path("parameters").path(parameter).asText("")))
                    .ifPresent(parameter -> raw.add(Finding.of(Rule.POL002, sc, "provisioner " + provisioner
                            + " creates unencrypted disks unless parameters." + parameter + " is \"true\"")));
        }
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            String reclaim = Json.text(pv.spec(), "persistentVolumeReclaimPolicy", "Retain");
            if (!reclaim.equals("Retain")) {
                raw.add(Finding.of(Rule.POL001, pv, "persistentVolumeReclaimPolicy is " + reclaim
                        + ": releasing the claim deletes the data; use Retain"));
            }
        }
        for (Manifest sts : env.ofKind("StatefulSet")) {
            podSecurity(sts, raw);
            disruptionBudget(env, sts, raw);
        }
        env.workloads().forEach(w -> requests(w, raw));
        raw.addAll(BackupPolicy.uncovered(env));
        return config.apply(env.name(), raw);
    }

    private static void podSecurity(Manifest sts, List<Finding> out) {
        JsonNode pod = Environment.podSpec(sts);
        boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
        List<String> rootContainers = new ArrayList<>();
        for (JsonNode c : Environment.containers(pod)) {
            JsonNode own = c.path("securityContext").path("runAsNonRoot");
            boolean nonRoot = own.isBoolean() ? own.asBoolean() : podNonRoot;
            if (!nonRoot) {
                rootContainers.add(c.path("name").asText());
            }
        }
        if (!rootContainers.isEmpty()) {
            out.add(Finding.of(Rule.POL003, sts, "container(s) " + String.join(", ", rootContainers)
                    + " may run as root: set securityContext.runAsNonRoot: true (pod or container)"));
        }
        if (!pod.path("securityContext").has("fsGroup")) {
            out.add(Finding.of(Rule.POL004, sts, "pod securityContext.fsGroup is not set: a non-root process cannot write"
                    + " freshly provisioned volumes (owned by root)"));
        }
    }

    private static void requests(Manifest w, List<Finding> out) {
        List<String> missing = new ArrayList<>();
        for (JsonNode c : Environment.containers(Environment.podSpec(w))) {
            JsonNode requests = c.path("resources").path("requests");
            List<String> lacking = new ArrayList<>();
            if (!requests.has("cpu")) {
                lacking.add("cpu");
            }
            if (!requests.has("memory")) {
                lacking.add("memory");
            }
            if (!lacking.isEmpty()) {
                missing.add(c.path("name").asText() + " (" + String.join(", ", lacking) + ")");
            }
        }
        if (!missing.isEmpty()) {
            out.add(Finding.of(Rule.POL005, w, "container(s) without resource requests: " + String.join("; ", missing)
                    + ": BestEffort/Burstable pods are evicted first under node pressure, interrupting writes"));
        }
    }

    private static void disruptionBudget(Environment env, Manifest sts, List<Finding> out) {
        int replicas = Json.replicas(sts);
        if (replicas <= 1) {
            return;
        }
        var podLabels = Json.stringMap(sts.spec().path("template").path("metadata").path("labels"));
        boolean covered = env.ofKind("PodDisruptionBudget").stream()
                .filter(pdb -> pdb.namespace().equals(sts.namespace()) && pdb.spec().has("selector"))
                .anyMatch(pdb -> LabelSelectors.matches(pdb.spec().path("selector"), podLabels));
        if (!covered) {
            out.add(Finding.of(Rule.POL006, sts, replicas + " replicas and no PodDisruptionBudget in namespace "
                    + sts.namespace() + " selects its pods: a node drain may evict several replicas at once"));
        }
    }
}
