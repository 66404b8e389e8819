package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.ObjectsUnder;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.facts.Waivers;
import dev.statefulai.facts.drivers.StorageDriver;
import dev.statefulai.facts.protection.BackupCoverage;
import dev.statefulai.facts.protection.CacheClaims;
import dev.statefulai.facts.protection.ClaimView;
import dev.statefulai.facts.protection.Tree;
import dev.statefulai.facts.protection.Velero;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.constructs.Construct;

/**
 * Scheduled backups of an app's claims: the claims its constructs made under {@code scope} (define it after them),
 * except caches and claims backed up by other means, on a {@link BackupSchedule} of the tool the cluster runs. It
 * <ul>
 *   <li>selects the claims by the labels they share, and with Velero skips the classes of the claims left out (a volume
 *       policy), or refuses when a left-out claim cannot be told apart from a backed-up one;</li>
 *   <li>refuses a claim whose driver takes no CSI snapshots (EFS, local disks): say how it is backed up instead
 *       ({@code elsewhere});</li>
 *   <li>marks each cache on its owner ({@code cache.ai-storage.dev/<claim>: <why>}) and waives the gate's coverage rule on
 *       the owner of a claim backed up elsewhere, each with the reason given;</li>
 *   <li>with Velero, labels the VolumeSnapshotClasses of the backed-up claims' drivers under the scope
 *       {@code velero.io/csi-volumesnapshot-class: "true"}, the class Velero's CSI support takes for a driver, and puts
 *       the {@link BackupHooks} on the app's pods.</li>
 * </ul>
 */
public class AppBackup extends RecordableConstruct {
    /** Labels every object of the library carries: they tell no app's claims apart. */
    private static final Set<String> NOT_SELECTING = Set.of("app.kubernetes.io/managed-by");

    private final BackupSchedule schedule;
    private final List<String> backedUp;

    public AppBackup(Construct scope, String id, AppBackupProps props) {
        super(scope, id);
        BackupScheduleProps given = Validate.required("AppBackup '" + id + "'", "schedule", props.schedule(),
                "the schedule: name, tool, cron and retention");
        String construct = "AppBackup '" + (given.name() == null ? id : given.name()) + "'";
        List<Map<String, Object>> manifests = ObjectsUnder.manifests(scope);
        Map<String, List<ClaimView>> bySource = new LinkedHashMap<>();
        ClaimView.of(manifests).forEach(c -> bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c));
        if (bySource.isEmpty()) {
            throw new InvalidPropsException(construct, "scope", id, "a scope whose constructs make claims: define the backup after them");
        }
        String allowed = "claim names of the app: " + String.join(", ", bySource.keySet());
        List<String> claims = props.claims();
        Map<String, String> caches = sorted(props.caches());
        Map<String, String> elsewhere = sorted(props.elsewhere());
        known(construct, "claims", claims == null ? List.of() : claims, bySource, allowed);
        known(construct, "caches", caches.keySet(), bySource, allowed);
        known(construct, "elsewhere", elsewhere.keySet(), bySource, allowed);
        List<String> chosen = new ArrayList<>();
        for (String source : bySource.keySet()) {
            boolean listed = claims == null || claims.contains(source);
            if (listed && !caches.containsKey(source) && !elsewhere.containsKey(source)) {
                chosen.add(source);
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidPropsException(construct, "claims", String.valueOf(claims), "one or more claims to back up; "
                    + allowed + " (caches and claims backed up elsewhere are left out)");
        }
        this.backedUp = List.copyOf(chosen);
        Set<String> namespaces = new TreeSet<>();
        chosen.forEach(s -> bySource.get(s).forEach(c -> namespaces.add(c.namespace())));
        if (namespaces.size() > 1) {
            Refusals.refuse(new InvalidPropsException(construct, "claims", String.join(", ", chosen),
                    "claims of one namespace (these are in " + String.join(", ", namespaces) + "): one schedule per namespace"));
        }
        List<ClaimView> kept = chosen.stream().map(s -> bySource.get(s).get(0)).toList();
        List<ClaimView> leftOut = bySource.keySet().stream().filter(s -> !chosen.contains(s)).map(s -> bySource.get(s).get(0)).toList();
        Set<String> drivers = snapshotDrivers(construct, manifests, kept);
        Map<String, String> selector = sharedLabels(kept);
        BackupScheduleProps.Builder schedule = given.toBuilder().claimLabels(selector);
        if (!namespaces.isEmpty()) {
            schedule.namespace(namespaces.iterator().next());
        }
        if (given.tool() == BackupTool.VELERO) {
            schedule.skipStorageClasses(skippedClasses(construct, manifests, kept, leftOut));
        } else {
            leftOut.stream().filter(c -> Tree.selects(Map.of("matchLabels", selector), c.labels())).findFirst().ifPresent(c ->
                    Refusals.refuse(new InvalidPropsException(construct, "claims", c.source(), "claims snapscheduler can tell apart: it"
                            + " selects claims by label, and " + c.source() + " (left out) carries every label of the claims backed up")));
            if (props.hooks() != null) {
                Refusals.refuse(new InvalidPropsException(construct, "hooks", "given", "nothing with snapscheduler, which runs no hooks: use velero"));
            }
        }
        mark(scope, caches, elsewhere);
        if (given.tool() == BackupTool.VELERO) {
            ObjectsUnder.annotate(scope, ObjectsUnder.Place.LABELS, (m, all) -> "VolumeSnapshotClass".equals(m.get("kind"))
                    && drivers.contains(Tree.text(m, "", "driver")) ? Map.of(Velero.SNAPSHOT_CLASS_LABEL, "true") : Map.of());
            if (props.hooks() != null) {
                props.hooks().applyTo(scope);
            }
        }
        this.schedule = new BackupSchedule(this, "schedule", schedule.build());
    }

    private static void known(String construct, String prop, Iterable<String> names, Map<String, ?> bySource, String allowed) {
        for (String name : names) {
            if (!bySource.containsKey(name)) {
                Refusals.refuse(new InvalidPropsException(construct, prop, name, allowed));
            }
        }
    }

    /** {@code given} by key; empty when not given. */
    private static Map<String, String> sorted(Map<String, String> given) {
        return given == null ? Map.of() : new TreeMap<>(given);
    }

    /** The drivers of the backed-up claims; a claim whose driver takes no snapshots is refused. */
    private static Set<String> snapshotDrivers(String construct, List<Map<String, Object>> manifests, List<ClaimView> kept) {
        Set<String> drivers = new TreeSet<>();
        for (ClaimView claim : kept) {
            StorageDriver driver = BackupCoverage.driverOf(manifests, claim).orElse(null);
            if (driver != null && !driver.snapshots()) {
                Refusals.refuse(new InvalidPropsException(construct, "claims", claim.source(), "claims on drivers that take CSI snapshots;"
                        + " " + claim.source() + " is on " + driver.name() + ", which takes none: list it under elsewhere with how it is"
                        + " backed up (e.g. AWS Backup of the file system), or under caches"));
            } else if (driver != null && driver.csiDriver() != null) {
                drivers.add(driver.csiDriver());
            }
        }
        return drivers;
    }

    /** The labels every one of {@code kept} carries (but the library's own marker), which select them. */
    public static Map<String, String> sharedLabels(List<ClaimView> kept) {
        Map<String, String> shared = kept.isEmpty() ? new TreeMap<>() : new TreeMap<>(kept.get(0).labels());
        kept.forEach(c -> shared.entrySet().removeIf(e -> !e.getValue().equals(c.labels().get(e.getKey()))));
        NOT_SELECTING.forEach(shared::remove);
        return shared;
    }

    /** The classes of the claims left out, for Velero to skip; refused when a backed-up claim shares one. */
    private static List<String> skippedClasses(String construct, List<Map<String, Object>> manifests, List<ClaimView> kept,
                                               List<ClaimView> leftOut) {
        Set<String> skipped = new LinkedHashSet<>();
        for (ClaimView out : leftOut) {
            String cls = BackupCoverage.storageClassOf(manifests, out);
            ClaimView sharing = kept.stream().filter(k -> Objects.equals(cls, BackupCoverage.storageClassOf(manifests, k))).findFirst().orElse(null);
            if (cls == null || cls.isEmpty() || sharing != null) {
                Refusals.refuse(new InvalidPropsException(construct, "claims", out.source(), "claims Velero can tell apart: its volume policy"
                        + " skips claims by StorageClass, and " + out.source() + " (left out) is on "
                        + (cls == null || cls.isEmpty() ? "no class of its own" : "class " + cls + " with " + sharing.source() + " (backed up)")
                        + ": give it a class of its own"));
            } else {
                skipped.add(cls);
            }
        }
        return List.copyOf(skipped);
    }

    /**
     * Marks the caches among the claims defined under {@code scope} so far on their owners
     * ({@code cache.ai-storage.dev/<claim>: <why>}), and waives the gate's coverage rule on the owners of claims backed up
     * elsewhere, with how: what an app without a schedule of its own (only caches) still tells the gate and the reader.
     */
    public static void mark(Construct scope, Map<String, String> caches, Map<String, String> elsewhere) {
        if (caches.isEmpty() && elsewhere.isEmpty()) {
            return;
        }
        ObjectsUnder.annotate(scope, ObjectsUnder.Place.METADATA, (m, all) -> {
            Map<String, String> out = new TreeMap<>();
            for (ClaimView claim : ClaimView.of(List.of(m))) {
                if (caches.containsKey(claim.source())) {
                    out.put(CacheClaims.annotation(claim.source()), caches.get(claim.source()));
                }
                if (elsewhere.containsKey(claim.source())) {
                    out.merge(Waivers.annotation(CacheClaims.COVERAGE_RULE), claim.source() + ": " + elsewhere.get(claim.source()),
                            (a, b) -> a.equals(b) ? a : a + "; " + b);
                }
            }
            return out;
        });
    }

    /** The schedule. */
    public BackupSchedule getSchedule() {
        return schedule;
    }

    /** The claims backed up, by claim template (or claim) name. */
    public List<String> getBackedUpClaims() {
        return backedUp;
    }
}
