package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.ObjectsUnder;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.facts.protection.CacheClaims;
import dev.statefulai.facts.protection.ClaimView;
import dev.statefulai.facts.protection.Snapscheduler;
import dev.statefulai.facts.protection.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * The claims of a StatefulSet's replicas restored from CSI VolumeSnapshots: each claim {@code <template>-<set>-<n>} written
 * as the StatefulSet controller would make it (the template's spec and labels and the set's selector labels, in its
 * namespace), with {@code spec.dataSource} the snapshot. The controller finds the claim by its name and uses it, so the
 * replica starts on the restored data. Define it after the StatefulSet's construct, under the same scope.
 *
 * <p>The claims must not exist when this is applied (a claim's spec cannot change): scale the StatefulSet to 0, delete the
 * claims (their volumes are kept with {@code Retain}), apply, scale back. The gate proves that each restored claim binds
 * and is at least as large as the claim its snapshot was taken of.
 */
public class RestoredClaims extends RecordableConstruct implements HasOutputs {
    /** The API group of CSI snapshots, which a claim's {@code dataSource} names. */
    static final String SNAPSHOT_GROUP = "snapshot.storage.k8s.io";

    private final Map<String, String> restored = new TreeMap<>();

    /**
     * @param snapshots each claim's snapshot, by the claim's name, e.g. {@code data-vector-db-0: data-vector-db-0-nightly-202406010300}
     */
    public RestoredClaims(Construct scope, String id, Map<String, String> snapshots) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = "RestoredClaims '" + id + "'";
        List<Map<String, Object>> manifests = ObjectsUnder.manifests(scope);
        Map<String, ClaimView> replicas = new LinkedHashMap<>();
        ClaimView.of(manifests).stream().filter(ClaimView::fromTemplate).forEach(c -> replicas.put(c.name(), c));
        List<String> written = manifests.stream().filter(m -> "PersistentVolumeClaim".equals(m.get("kind")))
                .map(m -> Tree.text(m, "", "metadata", "name")).toList();
        int i = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(snapshots).entrySet()) {
            String prop = "snapshots[" + e.getKey() + "]";
            ClaimView claim = replicas.get(e.getKey());
            if (claim == null) {
                Refusals.refuse(new InvalidPropsException(construct, prop, e.getKey(), "claims of the StatefulSets' replicas: "
                        + (replicas.isEmpty() ? "none here" : String.join(", ", replicas.keySet()))));
                continue;
            }
            if (written.contains(claim.name())) {
                Refusals.refuse(new InvalidPropsException(construct, prop, e.getKey(), "a claim the app does not write itself"
                        + " (it grows this one: restore it at that size by growing the template's claims after the restore)"));
                continue;
            }
            Validate.dnsSubdomain(construct, prop, e.getValue());
            Map<String, Object> spec = new TreeMap<>(claim.spec());
            spec.put("dataSource", Map.of("apiGroup", SNAPSHOT_GROUP, "kind", "VolumeSnapshot", "name", e.getValue()));
            KubeObject.custom(this, "claim-" + i++, "v1", "PersistentVolumeClaim", ApiObjectMetadata.builder().name(claim.name())
                    .namespace(claim.namespace()).labels(new TreeMap<>(claim.labels())).build(), Map.of("spec", spec), false);
            restored.put(claim.name(), e.getValue());
        }
    }

    /**
     * Every replica claim of the StatefulSets defined under {@code scope} so far that a snapscheduler schedule backs up
     * (caches left out), restored from the snapshot that schedule took at {@code time}:
     * {@code <claim>-<schedule>-<time>} ({@link Snapscheduler#snapshotName}).
     *
     * @param time the snapshots' time, {@code YYYYMMDDHHMM} in UTC, as their names end
     */
    public static RestoredClaims fromSchedule(Construct scope, String id, String schedule, String time) {
        if (time == null || !time.matches("\\d{12}")) {
            throw new InvalidPropsException("RestoredClaims '" + id + "'", "time", time,
                    "the time the snapshots were taken, YYYYMMDDHHMM in UTC, as their names end (kubectl get volumesnapshots)");
        }
        Map<String, String> snapshots = new TreeMap<>();
        for (ClaimView claim : ClaimView.of(ObjectsUnder.manifests(scope))) {
            boolean cache = CacheClaims.reason(Tree.strings(claim.owner(), "metadata", "annotations"), claim.source()).isPresent();
            if (claim.fromTemplate() && !cache) {
                snapshots.put(claim.name(), Snapscheduler.snapshotName(claim.name(), schedule, time));
            }
        }
        return new RestoredClaims(scope, id, snapshots);
    }

    /** The restored claims and their snapshots. */
    public Map<String, String> getRestored() {
        return restored;
    }

    @Override
    public String outputName() {
        return "restored-claims";
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new TreeMap<>();
        out.put("kind", "RestoredClaims");
        out.put("snapshots", restored);
        return out;
    }
}
