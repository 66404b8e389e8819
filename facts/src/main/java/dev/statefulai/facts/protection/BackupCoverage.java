package dev.statefulai.facts.protection;

import dev.statefulai.facts.KubeQuantity;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.StorageDriver;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which backup schedules copy each claim of an environment, read from its manifests alone: what the gate proves in
 * prod and what {@code storage.md} tells the person on call. A Velero {@code Schedule} copies a claim its Backup spec
 * includes (namespaces, resources, label selectors, as site/content/docs/v1.18/resource-filtering.md says) unless the
 * first volume policy of its resource policies that matches the claim skips it; it copies by CSI snapshot (with data
 * movement when {@code snapshotMoveData}) or, as a policy or {@code defaultVolumesToFsBackup} says, by file-system
 * backup. A snapscheduler {@code SnapshotSchedule} snapshots the claims its {@code claimSelector} selects in its
 * namespace. A snapshot needs a driver that takes CSI snapshots (the storage-driver catalog).
 */
public final class BackupCoverage {

    /** How a schedule copies a claim. */
    public enum Method {
        SNAPSHOT("CSI snapshot"), FILE_SYSTEM("file-system backup");

        private final String title;

        Method(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One schedule that copies the claim, and how. */
    public record Copy(BackupSchedule schedule, Method method) {
    }

    /**
     * @param copies the schedules that copy the claim
     * @param cache  why the claim is a cache left out of backups on purpose ({@link CacheClaims}), or null
     * @param missed why schedules that would select the claim do not copy it
     */
    public record Coverage(ClaimView claim, List<Copy> copies, String cache, List<String> missed) {
        public boolean covered() {
            return !copies.isEmpty();
        }
    }

    private final List<Map<String, Object>> manifests;
    private final Function<String, Object> yaml;
    // Indexes of the manifests a claim's coverage looks up, made once: one scan per claim would make an environment of
    // N claims cost N^2 (10,000 claims took 40 s).
    private final Map<String, Map<String, Object>> volumesByName = new HashMap<>();
    private final Map<String, Map<String, Object>> classesByName = new HashMap<>();
    private final Map<String, Map<String, Object>> configMapsByNamespaceAndName = new HashMap<>();
    private final Map<String, Object> defaultClass;

    private BackupCoverage(List<Map<String, Object>> manifests, Function<String, Object> yaml) {
        this.manifests = manifests;
        this.yaml = yaml;
        for (Map<String, Object> m : manifests) {
            String name = Tree.text(m, "", "metadata", "name");
            if (ClaimView.isKind(m, "PersistentVolume")) {
                volumesByName.putIfAbsent(name, m);
            } else if (ClaimView.isKind(m, "StorageClass")) {
                classesByName.putIfAbsent(name, m);
            } else if (ClaimView.isKind(m, "ConfigMap")) {
                configMapsByNamespaceAndName.putIfAbsent(ClaimView.namespace(m) + "/" + name, m);
            }
        }
        this.defaultClass = ClaimView.defaultClass(manifests).orElse(null);
    }

    /**
     * What the coverage of {@code manifests} looks up (their volumes, classes and volume policies), indexed once.
     *
     * @param yaml reads the YAML text of a resource policies ConfigMap into maps and lists (it throws on bad YAML)
     */
    public static BackupCoverage over(List<Map<String, Object>> manifests, Function<String, Object> yaml) {
        return new BackupCoverage(manifests, yaml);
    }

    /**
     * The coverage of every claim of {@code manifests}.
     *
     * @param yaml reads the YAML text of a resource policies ConfigMap into maps and lists (it throws on bad YAML)
     */
    public static List<Coverage> of(List<Map<String, Object>> manifests, Function<String, Object> yaml) {
        return over(manifests, yaml).coverage();
    }

    /** The coverage of every claim of the manifests. */
    public List<Coverage> coverage() {
        List<BackupSchedule> schedules = manifests.stream().map(BackupSchedule::of).filter(s -> s != null).toList();
        List<Coverage> out = new ArrayList<>();
        for (ClaimView claim : ClaimView.of(manifests)) {
            List<Copy> copies = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            for (BackupSchedule schedule : schedules) {
                copy(schedule, claim, missed).ifPresent(copies::add);
            }
            String cache = CacheClaims.reason(Tree.strings(claim.owner(), "metadata", "annotations"), claim.source()).orElse(null);
            out.add(new Coverage(claim, copies, cache, missed));
        }
        return out;
    }

    /** The driver that holds {@code claim}'s data (see {@link #driver(ClaimView)}), among {@code manifests}. */
    public static Optional<StorageDriver> driverOf(List<Map<String, Object>> manifests, ClaimView claim) {
        return new BackupCoverage(manifests, text -> Map.of()).driver(claim);
    }

    /** The StorageClass {@code claim} gets: its own, else the class of {@code manifests} marked default; null when none. */
    public static String storageClassOf(List<Map<String, Object>> manifests, ClaimView claim) {
        return new BackupCoverage(manifests, text -> Map.of()).storageClass(claim);
    }

    private Optional<Copy> copy(BackupSchedule schedule, ClaimView claim, List<String> missed) {
        if (!schedule.isVelero()) {
            boolean selected = schedule.namespace().equals(claim.namespace())
                    && Tree.selects(Tree.map(schedule.manifest(), "spec", "claimSelector"), claim.labels());
            return selected ? snapshot(schedule, claim, missed) : Optional.empty();
        }
        Map<String, Object> t = schedule.template();
        if (!includes(t, claim)) {
            return Optional.empty();
        }
        String action = volumePolicyAction(schedule, claim);
        if ("skip".equals(action)) {
            missed.add("skipped by the volume policy of Velero Schedule " + schedule.name());
            return Optional.empty();
        }
        // No matching policy: the opt-out file-system backup of every pod volume first, then snapshots unless turned off
        // (the order of volume_policy_helper.go's ShouldPerformSnapshot and resource-filtering.md's "VolumePolicy priority").
        if ("fs-backup".equals(action) || (action == null && Tree.is(t, true, "defaultVolumesToFsBackup"))) {
            return Optional.of(new Copy(schedule, Method.FILE_SYSTEM));
        }
        if ("snapshot".equals(action) || (action == null && !Tree.is(t, false, "snapshotVolumes"))) {
            return snapshot(schedule, claim, missed);
        }
        missed.add("Velero Schedule " + schedule.name() + " takes no volume snapshots (snapshotVolumes: false)");
        return Optional.empty();
    }

    private Optional<Copy> snapshot(BackupSchedule schedule, ClaimView claim, List<String> missed) {
        Optional<StorageDriver> driver = driver(claim);
        if (driver.isPresent() && !driver.get().snapshots()) {
            missed.add(schedule.tool() + " " + schedule.name() + " selects it, but its driver " + driver.get().name()
                    + " takes no CSI snapshots");
            return Optional.empty();
        }
        return Optional.of(new Copy(schedule, Method.SNAPSHOT));
    }

    /** Whether a Backup spec's namespace, resource and label filters include the claim. */
    private static boolean includes(Map<String, Object> t, ClaimView claim) {
        List<String> namespaces = Tree.texts(t, "includedNamespaces");
        if (!namespaces.isEmpty() && !namespaces.contains("*") && !namespaces.contains(claim.namespace())) {
            return false;
        }
        if (Tree.texts(t, "excludedNamespaces").contains(claim.namespace())) {
            return false;
        }
        for (String field : List.of("includedResources", "includedNamespaceScopedResources")) {
            List<String> resources = Tree.texts(t, field);
            if (!resources.isEmpty() && resources.stream().noneMatch(Velero.CLAIM_RESOURCES::contains)) {
                return false;
            }
        }
        for (String field : List.of("excludedResources", "excludedNamespaceScopedResources")) {
            if (Tree.texts(t, field).stream().anyMatch(Velero.CLAIM_RESOURCES::contains)) {
                return false;
            }
        }
        if (t.containsKey("labelSelector") && !Tree.selects(Tree.map(t, "labelSelector"), claim.labels())) {
            return false;
        }
        List<Object> any = Tree.list(t, "orLabelSelectors");
        return any.isEmpty() || any.stream().anyMatch(s -> Tree.selects(Tree.map(s), claim.labels()));
    }

    /** The action of the first volume policy that matches the claim, or null (none, or the policies are not in the manifests). */
    private String volumePolicyAction(BackupSchedule schedule, ClaimView claim) {
        Map<String, Object> ref = Tree.map(schedule.template(), "resourcePolicy");
        if (!Velero.RESOURCE_POLICY_KIND.equalsIgnoreCase(Tree.text(ref, "", "kind"))) {
            return null;
        }
        Map<String, Object> policies = resourcePolicies(schedule.namespace(), Tree.text(ref, "", "name")).orElse(Map.of());
        for (Object policy : Tree.list(policies, "volumePolicies")) {
            if (matches(Tree.map(policy, "conditions"), claim)) {
                return Tree.text(policy, null, "action", "type");
            }
        }
        return null;
    }

    /** The resource policies of a ConfigMap in the manifests, read from its one data entry; empty when absent or unreadable. */
    public Optional<Map<String, Object>> resourcePolicies(String namespace, String name) {
        Map<String, Object> m = configMapsByNamespaceAndName.get(namespace + "/" + name);
        if (m == null) {
            return Optional.empty();
        }
        Map<String, Object> data = Tree.map(m, "data");
        if (data.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Tree.map(yaml.apply(String.valueOf(data.values().iterator().next()))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A policy's conditions all hold for the claim (Velero's volume_resources.go); a condition it cannot judge from manifests does not. */
    private boolean matches(Map<String, Object> conditions, ClaimView claim) {
        for (Map.Entry<String, Object> c : conditions.entrySet()) {
            boolean ok = switch (c.getKey()) {
                case "storageClass" -> Tree.texts(conditions, "storageClass").contains(storageClass(claim));
                case "pvcLabels" -> claim.labels().entrySet().containsAll(Tree.strings(conditions, "pvcLabels").entrySet());
                case "csi" -> driver(claim).map(d -> d.csiDriver() != null
                        && Tree.text(c.getValue(), d.csiDriver(), "driver").equals(d.csiDriver())).orElse(false);
                case "capacity" -> inCapacity(String.valueOf(c.getValue()), claim.request());
                case "pvcPhase" -> Tree.texts(conditions, "pvcPhase").contains("Bound");
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCapacity(String range, String request) {
        String[] bounds = range.split(",", -1);
        try {
            BigDecimal size = KubeQuantity.parse(request);
            return bounds.length == 2 && (bounds[0].isBlank() || size.compareTo(KubeQuantity.parse(bounds[0].trim())) >= 0)
                    && (bounds[1].isBlank() || size.compareTo(KubeQuantity.parse(bounds[1].trim())) <= 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The claim's class as the API server makes it: its own, else the class marked default in the manifests; null when none. */
    public String storageClass(ClaimView claim) {
        String own = claim.storageClassName();
        if (own != null) {
            return own;
        }
        return defaultClass == null ? null : Tree.text(defaultClass, "", "metadata", "name");
    }

    /** The driver that holds the claim's data: its pre-bound volume's, else its class's provisioner; empty when the manifests do not say. */
    public Optional<StorageDriver> driver(ClaimView claim) {
        String volume = Tree.text(claim.spec(), "", "volumeName");
        Map<String, Object> pv = volume.isEmpty() ? null : volumesByName.get(volume);
        if (pv != null) {
            String csi = Tree.text(pv, null, "spec", "csi", "driver");
            if (csi != null) {
                return DriverCatalog.byProvisioner(csi);
            }
            return Tree.map(pv, "spec").keySet().stream().map(DriverCatalog::byInTreeVolumeSource)
                    .flatMap(Optional::stream).findFirst();
        }
        Map<String, Object> cls = classesByName.get(storageClass(claim));
        return cls == null ? Optional.empty() : DriverCatalog.byProvisioner(Tree.text(cls, "", "provisioner"));
    }
}
