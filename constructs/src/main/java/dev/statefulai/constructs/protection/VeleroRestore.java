package dev.statefulai.constructs.protection;

import dev.statefulai.constructs.HasOutputs;
import dev.statefulai.constructs.OutputsRegistry;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.render.KubeObject;
import dev.statefulai.constructs.render.RecordableConstruct;
import dev.statefulai.facts.protection.Velero;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A Velero {@code Restore} (velero.io/v1, config/crd/v1/bases/velero.io_restores.yaml) of an app's objects and claims from
 * one backup: the namespace and labels its {@link BackupSchedule} backed up, volumes included ({@code restorePVs}). Velero
 * restores what does not exist and leaves what does ({@code existingResourcePolicy} none), so the claims to restore must be
 * deleted first (scale the StatefulSet to 0, delete the claims). The same as
 * {@code velero restore create <name> --from-backup <backup> --include-namespaces <ns> --selector <labels>}.
 */
public class VeleroRestore extends RecordableConstruct implements HasOutputs {
    private final String name;
    private final String backup;

    /**
     * @param name            the Restore's name, a DNS-1123 subdomain
     * @param backup          the backup to restore, e.g. {@code vector-db-backup-20240601030012} ({@code velero backup get})
     * @param namespace       the app's namespace
     * @param labels          the labels of the app's objects; empty: the whole namespace
     * @param veleroNamespace Velero's namespace; null: {@code velero}
     */
    public VeleroRestore(Construct scope, String id, String name, String backup, String namespace, Map<String, String> labels,
                         String veleroNamespace) {
        super(scope, id);
        OutputsRegistry.register(this);
        String construct = "VeleroRestore '" + (name == null ? id : name) + "'";
        this.name = Validate.dnsSubdomain(construct, "name", name);
        this.backup = Validate.dnsSubdomain(construct, "backup", backup);
        Map<String, Object> spec = new TreeMap<>();
        spec.put("backupName", backup);
        spec.put("includedNamespaces", List.of(Validate.dnsLabel(construct, "namespace", namespace != null ? namespace : chartNamespace())));
        if (labels != null && !labels.isEmpty()) {
            spec.put("labelSelector", Map.of("matchLabels", new TreeMap<>(Validate.labels(construct, "labels", labels, false))));
        }
        spec.put("restorePVs", true);
        KubeObject.custom(this, "restore", Velero.API_VERSION, Velero.RESTORE, ApiObjectMetadata.builder().name(name)
                .namespace(Validate.dnsLabel(construct, "veleroNamespace", veleroNamespace != null ? veleroNamespace : Velero.DEFAULT_NAMESPACE))
                .build(), Map.of("spec", spec), false);
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = new TreeMap<>();
        out.put("kind", Velero.RESTORE);
        out.put("backup", backup);
        return out;
    }
}
