package dev.statefulai.constructs.storage.snapshot;

import dev.statefulai.constructs.ReclaimPolicy;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.facts.drivers.SnapshotParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObjectMetadata;
import software.constructs.Construct;

/**
 * A {@code VolumeSnapshotClass} ({@code snapshot.storage.k8s.io/v1}, cluster-scoped): how the CSI
 * driver of a backend takes snapshots, for VolumeSnapshots made by hand, by a backup tool (Velero's CSI
 * support, Kasten) or by {@link VolumeSnapshot}. The cluster needs the external-snapshotter CRDs and
 * controller (on EKS, GKE and AKS an add-on or built in). Whether a driver takes snapshots is its entry
 * in the storage-driver catalog.
 *
 * <p>Defaults: {@code deletionPolicy: Retain}, not the default class, no parameters.
 */
public class VolumeSnapshotClass extends SnapshotResource {
    /** The API version of the snapshot resources. */
    public static final String API_VERSION = "snapshot.storage.k8s.io/v1";
    /** The annotation that makes a class the default for its driver. */
    public static final String DEFAULT_CLASS_ANNOTATION = "snapshot.storage.kubernetes.io/is-default-class";

    private final String driver;
    private final ReclaimPolicy deletionPolicy;

    public VolumeSnapshotClass(Construct scope, String id, VolumeSnapshotClassProps props) {
        super(scope, id, "VolumeSnapshotClass", props.name());
        String construct = construct();
        StorageBackend backend = Validate.required(construct, "backend", props.backend(),
                "a backend whose CSI driver takes snapshots, such as AwsEbs.gp3(), GcePd.balanced(), AzureDisk.premium() or an NfsCsi");
        if (!backend.supportsSnapshots()) {
            Checks.refuse(construct, "backend", backend.displayName(),
                    "a backend whose CSI driver takes snapshots: AWS EBS (CSI), GCE PD, Azure Disk or NFS CSI"
                            + " (EFS: back up with AWS Backup; local disks and in-tree provisioners: none)");
        }
        this.deletionPolicy = Validate.required(construct, "deletionPolicy", props.deletionPolicy(), "Retain or Delete");
        for (Map.Entry<String, String> p : props.parameters().entrySet()) {
            if (p.getKey() == null || p.getKey().isBlank() || p.getValue() == null) {
                Checks.refuse(construct, "parameters", String.valueOf(p.getKey()),
                        "driver parameters with a key and a value");
            }
        }
        this.driver = backend.provisioner();
        Map<String, String> parameters = withFastRestoreZones(construct, props.parameters(), props.fastSnapshotRestoreZones());
        ApiObjectMetadata.Builder meta = metadata(props.labels());
        if (props.defaultClass()) {
            meta.annotations(Map.of(DEFAULT_CLASS_ANNOTATION, "true"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("driver", driver);
        fields.put("deletionPolicy", deletionPolicy.value());
        if (!parameters.isEmpty()) {
            fields.put("parameters", parameters);
        }
        define(meta.build(), fields, true);
    }

    /** {@code parameters} with the fast snapshot restore zones, checked against what the driver documents. */
    private Map<String, String> withFastRestoreZones(String construct, Map<String, String> parameters, List<String> zones) {
        if (zones.isEmpty()) {
            return parameters;
        }
        String key = SnapshotParameters.EBS_FAST_SNAPSHOT_RESTORE_ZONES;
        if (!SnapshotParameters.documents(driver, key)) {
            Checks.refuse(construct, "fastSnapshotRestoreZones", String.join(",", zones),
                    "none for " + driver + ": fast snapshot restore is an EBS parameter (ebs.csi.aws.com)");
        }
        for (String zone : zones) {
            if (!SnapshotParameters.AVAILABILITY_ZONE.matches(zone)) {
                Checks.refuse(construct, "fastSnapshotRestoreZones", zone, SnapshotParameters.AVAILABILITY_ZONE.rule());
            }
        }
        if (zones.stream().distinct().count() != zones.size() || parameters.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) {
            Checks.refuse(construct, "fastSnapshotRestoreZones", String.join(",", zones),
                    "each zone once, and not also as parameters." + key);
        }
        Map<String, String> all = new TreeMap<>(parameters);
        // The driver removes spaces and splits at commas (CreateSnapshot, pkg/driver/controller.go).
        all.put(key, String.join(",", zones));
        return all;
    }

    /** The CSI driver that takes the snapshots. */
    public String getDriver() {
        return driver;
    }

    @Override
    public Map<String, Object> outputs() {
        Map<String, Object> out = outputsOfKind();
        out.put("driver", driver);
        out.put("deletionPolicy", deletionPolicy.value());
        return out;
    }
}
