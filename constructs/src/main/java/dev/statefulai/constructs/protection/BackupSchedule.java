package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.facts.protection.Cron;
import dev.statefulai.facts.protection.Durations;
import dev.statefulai.facts.protection.Snapscheduler;
import dev.statefulai.facts.protection.Velero;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A backup schedule of the claims of one namespace, for the tool the cluster runs ({@link BackupTool}): a Velero
 * {@code Schedule} (in Velero's namespace, with a volume policy ConfigMap when classes are skipped) or a snapscheduler
 * {@code SnapshotSchedule} (in the claims' namespace). Every field is one of the tool's own CRD
 * (velero: config/crd/v1/bases/velero.io_schedules.yaml, v1.18; snapscheduler:
 * config/crd/bases/snapscheduler.backube_snapshotschedules.yaml, v3.5), which the gate validates strictly.
 *
 * <p>Velero backups are CSI snapshots of the claims whose data is moved to object storage ({@code snapshotMoveData}),
 * kept {@code keep} ({@code ttl}); {@code useOwnerReferencesInBackup: false} is written out, so that deleting the schedule
 * never deletes its backups. snapscheduler keeps {@code VolumeSnapshot}s by age and count in the storage system.
 */
public class BackupSchedule extends RecordableConstruct implements HasOutputs {
    /** The data key of the volume policy ConfigMap: Velero reads the one entry it holds, whatever its key. */
    static final String POLICY_KEY = "policies.yaml";

    private final String name;
    private final BackupTool tool;
    private final Map<String, Object> outputs = new TreeMap<>();

    public BackupSchedule(Construct scope, String id, BackupScheduleProps props) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = "BackupSchedule '" + (props.name() == null ? id : props.name()) + "'";
        this.name = Validate.dnsLabel(construct, "name", props.name());
        this.tool = Validate.required(construct, "tool", props.tool(), "velero or snapscheduler");
        String schedule = Validate.required(construct, "schedule", props.schedule(), Cron.ALLOWED);
        if (Cron.parse(schedule).isEmpty()) {
            Refusals.refuse(new InvalidPropsException(construct, "schedule", schedule, Cron.ALLOWED));
        }
        if (props.keep() != null && Durations.seconds(props.keep()).isEmpty()) {
            Refusals.refuse(new InvalidPropsException(construct, "keep", props.keep(), Durations.ALLOWED));
        }
        String namespace = Validate.dnsLabel(construct, "namespace", props.namespace() != null ? props.namespace() : chartNamespace());
        Validate.labels(construct, "claimLabels", props.claimLabels(), false);
        if (tool == BackupTool.VELERO) {
            refuseOtherTools(construct, "keepCount", props.keepCount(), "snapscheduler");
            refuseOtherTools(construct, "snapshotClassName", props.snapshotClassName(), "snapscheduler");
            velero(props, schedule, namespace, construct);
        } else {
            refuseOtherTools(construct, "skipStorageClasses", props.skipStorageClasses().isEmpty() ? null : props.skipStorageClasses(), "velero");
            refuseOtherTools(construct, "storageLocation", props.storageLocation(), "velero");
            if (props.keepCount() != null) {
                Validate.atLeast(construct, "keepCount", props.keepCount(), 1);
            }
            snapscheduler(props, schedule, namespace);
        }
        outputs.put("kind", tool == BackupTool.VELERO ? Velero.SCHEDULE : Snapscheduler.KIND);
        outputs.put("tool", tool.value());
        outputs.put("schedule", schedule);
        outputs.put("keep", props.keep());
        if (props.keepCount() != null) {
            outputs.put("keepCount", props.keepCount());
        }
    }

    private static void refuseOtherTools(String construct, String prop, Object value, String tool) {
        if (value != null) {
            Refusals.refuse(new InvalidPropsException(construct, prop, String.valueOf(value), "nothing: it is for " + tool + " only"));
        }
    }

    private void velero(BackupScheduleProps props, String schedule, String namespace, String construct) {
        String veleroNamespace = Validate.dnsLabel(construct, "veleroNamespace", props.veleroNamespace());
        Map<String, Object> template = new TreeMap<>();
        template.put("includedNamespaces", List.of(namespace));
        if (!props.claimLabels().isEmpty()) {
            template.put("labelSelector", Map.of("matchLabels", props.claimLabels()));
        }
        template.put("snapshotVolumes", true);
        template.put("snapshotMoveData", props.moveData());
        if (props.storageLocation() != null) {
            template.put("storageLocation", Validate.dnsSubdomain(construct, "storageLocation", props.storageLocation()));
        }
        if (props.keep() != null) {
            template.put("ttl", props.keep());
        }
        if (!props.skipStorageClasses().isEmpty()) {
            String policy = name + "-volume-policy";
            props.skipStorageClasses().forEach(c -> Validate.dnsSubdomain(construct, "skipStorageClasses", c));
            template.put("resourcePolicy", Map.of("kind", Velero.RESOURCE_POLICY_KIND, "name", policy));
            KubeObject.custom(this, "volume-policy", "v1", "ConfigMap", ApiObjectMetadata.builder().name(policy).namespace(veleroNamespace).build(),
                    Map.of("data", Map.of(POLICY_KEY, skipPolicy(props.skipStorageClasses()))), false);
            outputs.put("volumePolicy", policy);
            outputs.put("skippedStorageClasses", props.skipStorageClasses());
        }
        Map<String, Object> spec = new TreeMap<>();
        spec.put("schedule", schedule);
        spec.put("template", template);
        // Backups outlive their schedule: no owner references, so deleting the schedule deletes no backup.
        spec.put("useOwnerReferencesInBackup", false);
        KubeObject.custom(this, "schedule", Velero.API_VERSION, Velero.SCHEDULE,
                ApiObjectMetadata.builder().name(name).namespace(veleroNamespace).build(), Map.of("spec", spec), false);
        outputs.put("namespace", veleroNamespace);
        outputs.put("includedNamespace", namespace);
    }

    /** Velero resource policies (site/content/docs/v1.18/resource-filtering.md): skip the claims of these classes. */
    static String skipPolicy(List<String> storageClasses) {
        StringBuilder yaml = new StringBuilder("version: ").append(Velero.RESOURCE_POLICY_VERSION).append('\n')
                .append("volumePolicies:\n")
                .append("  - conditions:\n")
                .append("      storageClass:\n");
        storageClasses.forEach(c -> yaml.append("        - ").append(c).append('\n'));
        return yaml.append("    action:\n").append("      type: skip\n").toString();
    }

    private void snapscheduler(BackupScheduleProps props, String schedule, String namespace) {
        Map<String, Object> spec = new TreeMap<>();
        spec.put("schedule", schedule);
        if (!props.claimLabels().isEmpty()) {
            spec.put("claimSelector", Map.of("matchLabels", props.claimLabels()));
        }
        Map<String, Object> retention = new TreeMap<>();
        if (props.keep() != null) {
            retention.put("expires", props.keep());
        }
        if (props.keepCount() != null) {
            retention.put("maxCount", props.keepCount());
        }
        if (!retention.isEmpty()) {
            spec.put("retention", retention);
        }
        if (props.snapshotClassName() != null) {
            spec.put("snapshotTemplate", Map.of("snapshotClassName", props.snapshotClassName()));
        }
        KubeObject.custom(this, "schedule", Snapscheduler.API_VERSION, Snapscheduler.KIND,
                ApiObjectMetadata.builder().name(name).namespace(namespace).build(), Map.of("spec", spec), false);
        outputs.put("namespace", namespace);
    }

    /** The schedule's name. */
    public String getName() {
        return name;
    }

    /** The tool it is written for. */
    public BackupTool getTool() {
        return tool;
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public Map<String, Object> outputs() {
        return outputs;
    }
}
